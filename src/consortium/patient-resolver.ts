import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { TopicEvent } from '../events/topics';
import { subscribe } from '../graphql/subscribe';
import type { HubContext } from '../graphql/context';
import { Connection, PageArgs } from '../graphql/pagination';
import { Hospital, Patient } from './entities';
import { PatientChange, patientChange } from './events';
import { PatientFilter, RegisterPatientInput } from './inputs';

@ObjectType() export class PatientConnection extends Connection(Patient) {}

@Resolver(() => Patient)
export class PatientResolver {
  @Query(() => PatientConnection, { description: "Patients of the doctor's own hospital (every read is audited)" })
  async patients(@Args() filter: PatientFilter, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new PatientConnection(), await ctx.services.patients.list(ctx.actor, filter, page));
  }

  @Query(() => Patient)
  patient(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.patients.get(ctx.actor, id);
  }

  @Query(() => Patient, { nullable: true, description: 'Find a patient by the full national ID number; null when not registered' })
  patientByNationalId(@Arg('nationalId') nationalId: string, @Ctx() ctx: HubContext) {
    return ctx.services.patients.findByNationalId(ctx.actor, nationalId);
  }

  @Mutation(() => Patient, { description: "Doctors register patients of their own hospital" })
  registerPatient(@Arg('input') input: RegisterPatientInput, @Ctx() ctx: HubContext) {
    return ctx.services.patients.register(ctx.actor, input);
  }

  @Subscription(() => PatientChange, { subscribe: subscribe(['patient']), description: "Patients registered at the doctor's hospital; resumable with `after`" })
  patientChanged(@Root() event: TopicEvent<'patient'>, @Arg('after', () => ID, { nullable: true }) _after?: string): PatientChange {
    return patientChange(event);
  }

  @FieldResolver(() => Hospital)
  hospital(@Root() p: Patient, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(p.hospitalId);
  }
}
