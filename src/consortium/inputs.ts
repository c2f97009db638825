import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { Role, Title } from '../auth/roles';
import { ConsortiumKind, HospitalTier, Sex } from './kinds';
import { says } from '../i18n/validation';

const NAME = { min: 2, max: 100 };
const nameLength = (field: string) => Length(NAME.min, NAME.max, { message: `${field} must be ${NAME.min} to ${NAME.max} characters` });
const idPattern = (field: string) => Matches(/^\d{1,10}$/, { message: `${field} must be an ID`, each: true });

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
  @Field() @Length(2, 50, { message: 'county must be 2 to 50 characters' }) county: string;
  @Field(() => Float) @Min(-90, { message: 'latitude must be between -90 and 90' }) @Max(90, { message: 'latitude must be between -90 and 90' }) latitude: number;
  @Field(() => Float) @Min(-180, { message: 'longitude must be between -180 and 180' }) @Max(180, { message: 'longitude must be between -180 and 180' }) longitude: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('gridId') gridId?: string | null;
  @Field(() => [ID], { defaultValue: [], description: 'Consortia the hospital joins' })
  @ArrayMaxSize(20, { message: 'consortiumIds can list at most 20 consortia' }) @idPattern('consortiumIds') consortiumIds: string[];
}

@InputType()
export class UpdateHospitalInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ nullable: true }) @IsOptional() @nameLength('name') name?: string;
  @Field(() => HospitalTier, { nullable: true }) @IsOptional() tier?: HospitalTier;
  @Field({ nullable: true }) @IsOptional() @Length(2, 50, { message: 'county must be 2 to 50 characters' }) county?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(-90, { message: 'latitude must be between -90 and 90' }) @Max(90, { message: 'latitude must be between -90 and 90' }) latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(-180, { message: 'longitude must be between -180 and 180' }) @Max(180, { message: 'longitude must be between -180 and 180' }) longitude?: number;
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
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be 2 to 40 upper-case letters, digits or _ starting with a letter, e.g. CARDIOLOGY' }) code: string;
  @Field() @Length(2, 30, { message: 'nameZh must be 2 to 30 characters' }) nameZh: string;
  @Field() @Length(2, 60, { message: 'nameEn must be 2 to 60 characters' }) nameEn: string;
}

const usernameRule = Matches(/^[a-z0-9][a-z0-9._-]{2,39}$/, { message: 'username must be 3 to 40 lower-case letters, digits, ".", "_" or "-"' });
const rolesRule = IsIn(Object.values(Role), { each: true });

@InputType()
export class CreatePersonInput {
  @Field() @Length(2, 50, { message: 'name must be 2 to 50 characters' }) name: string;
  @Field() @usernameRule username: string;
  @Field({ description: 'At least 10 characters' })
  @MinLength(10, says('validation.minLength', { min: 10 })) @MaxLength(200, says('validation.maxLength', { max: 200 })) password: string;
  @Field(() => [Role]) @ArrayMinSize(1, { message: 'roles must name at least one role' }) @rolesRule roles: Role[];
  @Field(() => Title, { nullable: true }) @IsOptional() title?: Title | null;
  @Field(() => ID) @idPattern('hospitalId') hospitalId: string;
  @Field(() => [ID], { defaultValue: [] }) @ArrayMaxSize(10, { message: 'specialtyIds can list at most 10 departments' }) @idPattern('specialtyIds') specialtyIds: string[];
}

@InputType()
export class UpdatePersonInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ nullable: true }) @IsOptional() @Length(2, 50, { message: 'name must be 2 to 50 characters' }) name?: string;
  @Field(() => [Role], { nullable: true }) @IsOptional() @ArrayMinSize(1, { message: 'roles must name at least one role' }) @rolesRule roles?: Role[];
  @Field(() => Title, { nullable: true }) @IsOptional() title?: Title | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('hospitalId') hospitalId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(10, { message: 'specialtyIds can list at most 10 departments' }) @idPattern('specialtyIds') specialtyIds?: string[];
  @Field({ nullable: true }) @IsOptional() active?: boolean;
}

@InputType()
export class RegisterPatientInput {
  @Field() @Length(2, 50, { message: 'name must be 2 to 50 characters' }) name: string;
  @Field(() => Sex) sex: Sex;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date written YYYY-MM-DD' }) birthDate: string;
  @Field({ description: '18-character resident identity number (居民身份证号); stored only as a keyed hash' })
  @Matches(/^\d{17}[\dXx]$/, { message: 'nationalId must be 18 characters: 17 digits and a digit or X' }) nationalId: string;
  @Field(() => ID, { nullable: true, description: "Defaults to the doctor's own hospital" }) @IsOptional() @idPattern('hospitalId') hospitalId?: string | null;
}

@ArgsType()
export class HospitalFilter {
  @Field(() => HospitalTier, { nullable: true }) tier?: HospitalTier;
  @Field({ nullable: true }) county?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('consortiumId') consortiumId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('gridId') gridId?: string;
  @Field({ nullable: true, description: 'Part of the name' }) @IsOptional() @MaxLength(100) nameContains?: string;
}

@ArgsType()
export class PersonFilter {
  @Field(() => Role, { nullable: true }) role?: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('hospitalId') hospitalId?: string;
  @Field(() => ID, { nullable: true, description: 'People with this specialty' }) @IsOptional() @idPattern('specialtyId') specialtyId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(50) nameContains?: string;
}

@ArgsType()
export class PatientFilter {
  @Field({ nullable: true }) @IsOptional() @MaxLength(50) nameContains?: string;
}
