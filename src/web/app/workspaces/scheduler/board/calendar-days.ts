import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CalendarDaysDocument } from '../operations';
import { BoardDay, daysOf } from './grid-model';

/** The days from `from` to `to` with their kinds from the hub's holiday calendar (empty until both are known). */
export function useBoardDays(from: string | null, to: string | null): BoardDay[] {
  const { i18n } = useTranslation();
  const [{ data }] = useQuery({ query: CalendarDaysDocument, variables: { from: from ?? '', to: to ?? '' }, pause: !from || !to });
  return useMemo(() => (from && to && data ? daysOf(from, to, data.holidays, i18n.language) : []), [from, to, data, i18n.language]);
}
