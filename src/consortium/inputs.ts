import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { Role, Title } from '../auth/roles';
import { ConsortiumKind, HospitalTier, Sex } from './kinds';
import { says } from '../i18n/validation';

const NAME = { min: 2, max: 100 };
// Each refusal is a catalogue sentence (i18n/validation.ts) that names the field in the reader's language.
const nameLength = (_field: string) => Length(NAME.min, NAME.max, says('validation.length', { min: NAME.min, max: NAME.max }));
const idPattern = (_field: string) => Matches(/^\d{1,10}$/, says('validation.id', {}, { each: true }));
const between = (min: number, max: number) => [Min(min, says('validation.between', { min, max })), Max(max, says('validation.between', { min, max }))];
const latitudeRange = (target: object, property: string) => between(-90, 90).forEach((rule) => rule(target, property));
const longitudeRange = (target: object, property: string) => between(-180, 180).forEach((rule) => rule(target, property));

@InputType()
export class CreateConsortiumInput {
  @Field() @nameLength('name') name: string;
  @Field(() => ConsortiumKind) kind: ConsortiumKind;
  @Field() @nameLength('region') region: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('leadHospitalId') leadHospitalId?: string | null;
}

@InputType()
export class UpdateConsortiumInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ nullable: true }) @IsOptional() @nameLength('name') name?: string;
  @Field(() => ConsortiumKind, { nullable: true }) @IsOptional() kind?: ConsortiumKind;
  @Field({ nullable: true }) @IsOptional() @nameLength('region') region?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('leadHospitalId') leadHospitalId?: string | null;
}

@InputType()
export class CreateHospitalInput {
  @Field() @nameLength('name') name: string;
  @Field(() => HospitalTier) tier: HospitalTier;
  @Field() @Length(2, 50, says('validation.length', { min: 2, max: 50 })) county: string;
  @Field(() => Float) @latitudeRange latitude: number;
  @Field(() => Float) @longitudeRange longitude: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('gridId') gridId?: string | null;
  @Field(() => [ID], { defaultValue: [], description: 'Consortia the hospital joins' })
  @ArrayMaxSize(20, says('validation.arrayMaxSize', { max: 20 })) @idPattern('consortiumIds') consortiumIds: string[];
}

@InputType()
export class UpdateHospitalInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ nullable: true }) @IsOptional() @nameLength('name') name?: string;
  @Field(() => HospitalTier, { nullable: true }) @IsOptional() tier?: HospitalTier;
  @Field({ nullable: true }) @IsOptional() @Length(2, 50, says('validation.length', { min: 2, max: 50 })) county?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @latitudeRange latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @longitudeRange longitude?: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('gridId') gridId?: string | null;
}

@InputType()
export class MembershipInput {
  @Field(() => ID) @idPattern('consortiumId') consortiumId: string;
  @Field(() => ID) @idPattern('hospitalId') hospitalId: string;
}

@InputType()
export class CreateGridInput {
  @Field() @nameLength('name') name: string;
  @Field(() => ID, { description: 'The one consortium responsible for this area' }) @idPattern('responsibleConsortiumId') responsibleConsortiumId: string;
}

@InputType()
export class CreateDepartmentInput {
  @Field({ description: 'Upper-case code, e.g. CARDIOLOGY' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, says('validation.departmentCode')) code: string;
  @Field() @Length(2, 30, says('validation.length', { min: 2, max: 30 })) nameZh: string;
  @Field() @Length(2, 60, says('validation.length', { min: 2, max: 60 })) nameEn: string;
}

const usernameRule = Matches(/^[a-z0-9][a-z0-9._-]{2,39}$/, says('validation.username'));
const rolesRule = IsIn(Object.values(Role), says('validation.isIn', { values: Object.values(Role).join(', ') }, { each: true }));

@InputType()
export class CreatePersonInput {
  @Field() @Length(2, 50, says('validation.length', { min: 2, max: 50 })) name: string;
  @Field() @usernameRule username: string;
  @Field({ description: 'At least 10 characters' })
  @MinLength(10, says('validation.minLength', { min: 10 })) @MaxLength(200, says('validation.maxLength', { max: 200 })) password: string;
  @Field(() => [Role]) @ArrayMinSize(1, says('validation.arrayMinSize', { min: 1 })) @rolesRule roles: Role[];
  @Field(() => Title, { nullable: true }) @IsOptional() title?: Title | null;
  @Field(() => ID) @idPattern('hospitalId') hospitalId: string;
  @Field(() => [ID], { defaultValue: [] }) @ArrayMaxSize(10, says('validation.arrayMaxSize', { max: 10 })) @idPattern('specialtyIds') specialtyIds: string[];
}

@InputType()
export class UpdatePersonInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ nullable: true }) @IsOptional() @Length(2, 50, says('validation.length', { min: 2, max: 50 })) name?: string;
  @Field(() => [Role], { nullable: true }) @IsOptional() @ArrayMinSize(1, says('validation.arrayMinSize', { min: 1 })) @rolesRule roles?: Role[];
  @Field(() => Title, { nullable: true }) @IsOptional() title?: Title | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('hospitalId') hospitalId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(10, says('validation.arrayMaxSize', { max: 10 })) @idPattern('specialtyIds') specialtyIds?: string[];
  @Field({ nullable: true }) @IsOptional() active?: boolean;
}

@InputType()
export class RegisterPatientInput {
  @Field() @Length(2, 50, says('validation.length', { min: 2, max: 50 })) name: string;
  @Field(() => Sex) sex: Sex;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, says('validation.date')) birthDate: string;
  @Field({ description: '18-character resident identity number (居民身份证号); stored only as a keyed hash' })
  @Matches(/^\d{17}[\dXx]$/, says('validation.nationalId')) nationalId: string;
  @Field(() => ID, { nullable: true, description: "Defaults to the doctor's own hospital" }) @IsOptional() @idPattern('hospitalId') hospitalId?: string | null;
}

@ArgsType()
export class HospitalFilter {
  @Field(() => HospitalTier, { nullable: true }) tier?: HospitalTier;
  @Field({ nullable: true }) county?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('consortiumId') consortiumId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('gridId') gridId?: string;
  @Field({ nullable: true, description: 'Part of the name' }) @IsOptional() @MaxLength(100, says('validation.maxLength', { max: 100 })) nameContains?: string;
}

@ArgsType()
export class PersonFilter {
  @Field(() => Role, { nullable: true }) role?: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('hospitalId') hospitalId?: string;
  @Field(() => ID, { nullable: true, description: 'People with this specialty' }) @IsOptional() @idPattern('specialtyId') specialtyId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(50, says('validation.maxLength', { max: 50 })) nameContains?: string;
}

@ArgsType()
export class PatientFilter {
  @Field({ nullable: true }) @IsOptional() @MaxLength(50, says('validation.maxLength', { max: 50 })) nameContains?: string;
}
