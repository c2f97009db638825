import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { icd10, text } from '../consult/inputs';
import { says } from '../i18n/validation';
import { ReferralDirection, ReferralState } from './states';

const idPattern = (_field: string, each = false) => Matches(/^\d{1,10}$/, says('validation.id', {}, { each }));
const icdPrefix = Matches(/^[A-Z]([0-9]{1,2}(\.[0-9A-Za-z]{1,4})?)?$/, says('validation.icd10Prefix', {}, { each: true }));

@InputType()
export class ProposeReferralInput {
  @Field(() => ReferralDirection) direction: ReferralDirection;
  @Field(() => ID) @idPattern('patientId') patientId: string;
  @Field(() => ID, { description: 'The receiving hospital: higher tier for UP, lower for DOWN, sharing a consortium with yours' }) @idPattern('toHospitalId') toHospitalId: string;
  @Field(() => ID, { nullable: true, description: 'The receiving specialty (科室): only its specialists at the receiving hospital, or its referral desk, answer. Defaults to the one specialty the cited criteria name' }) @IsOptional() @idPattern('toDepartmentId') toDepartmentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Needed only when the two hospitals share more than one consortium of the same kind' }) @IsOptional() @idPattern('consortiumId') consortiumId?: string | null;
  @Field() @icd10('diagnosisCode') diagnosisCode: string;
  @Field() @text('diagnosisText', 2, 200) diagnosisText: string;
  @Field(() => [ID], { defaultValue: [], description: 'Catalogue criteria (转诊标准) the patient meets' })
  @ArrayMaxSize(10, says('validation.arrayMaxSize', { max: 10 })) @idPattern('criterionIds', true) criterionIds: string[];
  @Field(() => String, { nullable: true, description: 'Required when no criterion is cited' }) @IsOptional() @text('justification', 2, 2000) justification?: string | null;
  @Field({ defaultValue: false, description: '绿色通道 (UP only): needs a green-channel criterion or a justification' }) greenChannel: boolean;
  @Field(() => String, { nullable: true, description: 'Required for DOWN: what the township doctor should do' }) @IsOptional() @text('carePlan', 2, 4000) carePlan?: string | null;
}

@InputType({ description: "A referral prefilled from a completed consultation's opinion: UP when the opinion recommends it, or DOWN from the consulting specialist's hospital back to a grassroots hospital" })
export class ReferFromConsultationInput {
  @Field(() => ID) @idPattern('consultationId') consultationId: string;
  @Field(() => ReferralDirection, { defaultValue: ReferralDirection.UP, description: "UP: from the consultation's requesting hospital; DOWN: from the consulting specialist's hospital" }) direction: ReferralDirection;
  @Field(() => ID, { nullable: true, description: "UP: defaults to the consulting specialist's hospital (the sending hospital is the consultation's requesting hospital). DOWN: defaults to the requesting hospital" }) @IsOptional() @idPattern('toHospitalId') toHospitalId?: string | null;
  @Field(() => String, { nullable: true, description: "DOWN: the care plan for the receiving township doctor; defaults to the opinion's recommendations" }) @IsOptional() @text('carePlan', 2, 4000) carePlan?: string | null;
  @Field(() => ID, { nullable: true, description: "The receiving specialty; defaults to the consultation's" }) @IsOptional() @idPattern('toDepartmentId') toDepartmentId?: string | null;
  @Field(() => [ID], { defaultValue: [] }) @ArrayMaxSize(10, says('validation.arrayMaxSize', { max: 10 })) @idPattern('criterionIds', true) criterionIds: string[];
  @Field(() => String, { nullable: true, description: "Defaults to the specialist's recommendation in the opinion" }) @IsOptional() @text('justification', 2, 2000) justification?: string | null;
  @Field({ defaultValue: false }) greenChannel: boolean;
  @Field(() => String, { nullable: true, description: "Defaults to the opinion's diagnosis" }) @IsOptional() @icd10('diagnosisCode') diagnosisCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @text('diagnosisText', 2, 200) diagnosisText?: string | null;
}

@InputType()
export class AcceptReferralInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ description: 'YYYY-MM-DD the patient is expected' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, says('validation.date')) expectedArrivalDate: string;
}

@InputType()
export class ReferralReasonInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field() @text('reason', 2, 500) reason: string;
}

@ArgsType()
export class ReferralFilter {
  @Field(() => ReferralDirection, { nullable: true }) direction?: ReferralDirection;
  @Field(() => ReferralState, { nullable: true }) state?: ReferralState;
  @Field({ nullable: true, description: "true: only those coming to your hospital; false: only those you sent" }) incoming?: boolean;
}

@InputType()
export class CreateReferralCriterionInput {
  @Field() @Matches(/^[A-Z][A-Z0-9_]{2,39}$/, says('validation.criterionCode')) code: string;
  @Field(() => ReferralDirection) direction: ReferralDirection;
  @Field() @text('condition', 2, 100) condition: string;
  @Field() @text('criterion', 2, 1000) criterion: string;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(30, says('validation.arrayMaxSize', { max: 30 })) @icdPrefix icd10Prefixes: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('specialtyId') specialtyId?: string | null;
  @Field({ defaultValue: false }) greenChannel: boolean;
}

@InputType()
export class UpdateReferralCriterionInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ nullable: true }) @IsOptional() @text('condition', 2, 100) condition?: string;
  @Field({ nullable: true }) @IsOptional() @text('criterion', 2, 1000) criterion?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(30, says('validation.arrayMaxSize', { max: 30 })) @icdPrefix icd10Prefixes?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('specialtyId') specialtyId?: string | null;
  @Field({ nullable: true }) @IsOptional() greenChannel?: boolean;
  @Field({ nullable: true, description: 'false retires it: it can no longer be cited' }) @IsOptional() active?: boolean;
}

@ArgsType()
export class CriteriaFilter {
  @Field(() => ReferralDirection, { nullable: true }) direction?: ReferralDirection;
  @Field({ defaultValue: false, description: 'Include retired criteria' }) includeRetired: boolean;
  @Field(() => String, { nullable: true, description: 'Only criteria a diagnosis with this ICD-10 code can meet' }) @IsOptional() @icd10('diagnosisCode') diagnosisCode?: string;
}
