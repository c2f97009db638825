import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../graphql/context';
import { CalendarDay, CalendarDayOverride, SpecialistCommitment } from './entities';
import { BlockTimeInput, CalendarWindow, SetCalendarDayInput } from './inputs';

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Query(() => [CalendarDay], { description: 'Statutory holidays (法定节假日) and make-up working days (调休上班) from `from` to `to` (YYYY-MM-DD, included), overrides applied' })
  holidays(@Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: HubContext) {
    return ctx.services.calendar.holidays(ctx.actor, from, to);
  }

  @Query(() => [CalendarDayOverride], { description: "Administrators' corrections of the published holiday calendar" })
  calendarDayOverrides(@Ctx() ctx: HubContext) {
    return ctx.services.calendar.overrides(ctx.actor);
  }

  @Mutation(() => CalendarDayOverride, { description: 'Administrators: enter a holiday or a worked day (e.g. from a new State Council notice)' })
  setCalendarDay(@Arg('input') input: SetCalendarDayInput, @Ctx() ctx: HubContext) {
    return ctx.services.calendar.set(ctx.actor, input);
  }

  @Mutation(() => Boolean, { description: 'Administrators: drop an override; the published calendar applies again. False when there was none' })
  clearCalendarDay(@Arg('date') date: string, @Ctx() ctx: HubContext) {
    return ctx.services.calendar.clear(ctx.actor, date);
  }
}

@Resolver(() => SpecialistCommitment)
export class SpecialistCalendarResolver {
  @Query(() => [SpecialistCommitment], { description: "A specialist's one calendar: on-site half-days, remote consultation sessions and blocked time (the specialist and their consortia's schedulers)" })
  specialistCommitments(@Args() window: CalendarWindow, @Ctx() ctx: HubContext) {
    return ctx.services.specialistCalendar.commitments(ctx.actor, window.specialistId, window.from, window.to);
  }

  @Mutation(() => SpecialistCommitment, { description: 'Block time in a specialist\'s calendar; refused (CONFLICT) when it overlaps another commitment, naming it' })
  blockSpecialistTime(@Arg('input') input: BlockTimeInput, @Ctx() ctx: HubContext) {
    return ctx.services.specialistCalendar.block(ctx.actor, input);
  }

  @Mutation(() => Boolean, { description: 'Remove blocked time' })
  unblockSpecialistTime(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.specialistCalendar.unblock(ctx.actor, id);
  }
}
