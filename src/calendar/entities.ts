import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { sqlList } from '../auth/roles';
import { Person } from '../consortium/entities';

export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  valuesConfig: {
    HOLIDAY: { description: '法定节假日 (and the days the notice adds to it): nobody is dispatched unless the demand asks for it' },
    MAKEUP_WORKDAY: { description: '调休上班: a weekend day that is worked, like any working day' },
  },
});

export enum CalendarDaySource {
  STATE_COUNCIL_NOTICE = 'STATE_COUNCIL_NOTICE',
  STATUTORY = 'STATUTORY',
  OVERRIDE = 'OVERRIDE',
}
registerEnumType(CalendarDaySource, {
  name: 'CalendarDaySource',
  valuesConfig: {
    STATE_COUNCIL_NOTICE: { description: "The State Council's yearly holiday notice (国务院办公厅关于部分节假日安排的通知), as published in the chinese-days package" },
    STATUTORY: { description: 'A holiday the law fixes (全国年节及纪念日放假办法), for a year whose notice the package does not have yet' },
    OVERRIDE: { description: 'Entered by an administrator' },
  },
});

export enum CalendarOverrideKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarOverrideKind, {
  name: 'CalendarOverrideKind',
  valuesConfig: {
    HOLIDAY: { description: 'The date is off' },
    WORKDAY: { description: 'The date is worked: a make-up working day on a weekend, an ordinary working day on a weekday' },
  },
});

@ObjectType({ description: 'A holiday or make-up working day of the calendar (Asia/Shanghai dates)' })
export class CalendarDay {
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field(() => CalendarDayKind) kind: CalendarDayKind;
  @Field({ description: 'e.g. 元旦' }) name: string;
  @Field({ description: "e.g. New Year's Day" }) nameEn: string;
  @Field(() => CalendarDaySource) source: CalendarDaySource;
}

/** An administrator's correction of the published calendar (a new notice, a local arrangement). */
@ObjectType({ description: "An administrator's entry that wins over the published holiday calendar for one date" })
@Entity()
@Check('calendar_day_override_kind_check', `kind IN (${sqlList(CalendarOverrideKind)})`)
export class CalendarDayOverride {
  @Field({ description: 'YYYY-MM-DD' }) @PrimaryColumn('date') date: string;
  @Field(() => CalendarOverrideKind) @Column('text') kind: CalendarOverrideKind;
  @Field({ description: 'e.g. 春节' }) @Column('text') nameZh: string;
  @Field({ description: 'e.g. Spring Festival' }) @Column('text') nameEn: string;
  @Column('int', { nullable: true }) updatedById: number | null;
  @ManyToOne(() => Person, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'updated_by_id' }) updatedBy?: Relation<Person>;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
