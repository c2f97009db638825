import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { says } from '../i18n/validation';
import { ConsultationState, Urgency } from './states';

// The field names stay at the use sites for the reader; messages take the name from the property.
const idPattern = (_field: string) => Matches(/^\d{1,10}$/, says('validation.id'));
/** Lengths count characters, and Chinese is dense (头晕2周: "dizzy for two weeks"): minimums of 2, not 10. */
export const text = (_field: string, min: number, max: number) => Length(min, max, says('validation.length', { min, max }));
/** ICD-10 (including the Chinese national clinical extension, e.g. I63.900x001). */
export const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Za-z]{1,10})?$/;
export const icd10 = (_field: string) => Matches(ICD10, says('validation.icd10'));

@InputType()
export class RequestConsultationInput {
  @Field(() => ID, { description: "A patient of the requesting doctor's hospital" }) @idPattern('patientId') patientId: string;
  @Field(() => ID, { description: 'The specialty (department) asked' }) @idPattern('specialtyId') specialtyId: string;
  @Field(() => ID, { nullable: true, description: "Whose queue: defaults to the hospital's consortium when it belongs to exactly one" })
  @IsOptional() @idPattern('consortiumId') consortiumId?: string | null;
  @Field(() => Urgency) urgency: Urgency;
  @Field({ description: 'Clinical summary: history, findings, treatment so far' }) @text('clinicalSummary', 2, 4000) clinicalSummary: string;
  @Field({ description: 'What the township doctor asks the specialist' }) @text('question', 2, 1000) question: string;
  @Field(() => Date, { nullable: true }) @IsOptional() preferredFrom?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() preferredTo?: Date | null;
}

@InputType()
export class AssignConsultationInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field(() => ID, { description: 'A specialist of the specialty at a hospital of the consortium' }) @idPattern('specialistId') specialistId: string;
}

@InputType()
export class ConsultationReasonInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field() @text('reason', 2, 500) reason: string;
}

@InputType()
export class ScheduleConsultationInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
}

@InputType()
export class ConsultationOpinionInput {
  @Field(() => ID) @idPattern('id') id: string;
  @Field({ description: '印象: impression / working diagnosis in words' }) @text('impression', 2, 4000) impression: string;
  @Field({ description: 'What the township doctor should do' }) @text('recommendations', 2, 4000) recommendations: string;
  @Field({ description: 'Recommend referring the patient up' }) referUp: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @icd10('diagnosisCode') diagnosisCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @text('diagnosisText', 2, 200) diagnosisText?: string | null;
}

@ArgsType()
export class ConsultationFilter {
  @Field(() => ConsultationState, { nullable: true }) state?: ConsultationState;
  @Field(() => Urgency, { nullable: true }) urgency?: Urgency;
  @Field(() => ID, { nullable: true }) @IsOptional() @idPattern('consortiumId') consortiumId?: string;
}

@ArgsType()
export class QueueArgs {
  @Field(() => ID) @idPattern('consortiumId') consortiumId: string;
  @Field(() => ID) @idPattern('specialtyId') specialtyId: string;
  @Field(() => Int, { defaultValue: 50, description: 'Entries to return, 1 to 200' })
  @Min(1, says('validation.min', { min: 1 })) @Max(200, says('validation.max', { max: 200 })) first: number;
  @Field(() => Int, { defaultValue: 0, description: 'Entries to skip (the queue is ranked, so pages are by position)' })
  @Min(0, says('validation.min', { min: 0 })) @Max(100_000, says('validation.max', { max: 100_000 })) offset: number;
}
