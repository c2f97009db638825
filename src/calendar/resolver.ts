import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../graphql/context';
import { CalendarDay, CalendarDayOverride } from './entities';
import { SetCalendarDayInput } from './inputs';

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
