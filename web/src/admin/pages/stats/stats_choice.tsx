// What the statistics page shows, kept in its URL (/admin/stats?facility_id=…&month=2027-06
// &from=2026-07&to=2027-06), and the form that chooses it: the facility (全施設 only for an
// org admin; a facility staff member's first facility by default), the month (this month
// in Japan time by default) and the range of months of the by-month charts (the 12 months
// up to the chosen month by default; at most 12). A range out of order or too long is
// refused beside its field and nothing is loaded.
import { useEffect, useId, useState } from 'preact/hooks';
import { addMonths, kMonthPattern, monthOf, orgToday } from '../../../shared/dates';
import { t } from '../../../shared/i18n';
import type { Facility } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { namedOptions, SelectField } from '../../../shared/ui/fields';
import { filtersPath } from '../../filters';
import { go, useLocation } from '../../router';
import { monthsBetween } from './stats_parts';

export interface StatsChoice {
  /** '' for every facility the user covers. */
  facility_id: string;
  month: string;
  from: string;
  to: string;
}

export const kMaxMonths = 12;

const defaultRange = (month: string) => ({ from: addMonths(month, -(kMaxMonths - 1)), to: month });

/** The choice in the URL, with the defaults filled in. `facilities`: those the user sees. */
export function useStatsChoice(facilities: readonly Facility[] | null, admin: boolean): StatsChoice {
  const { params } = useLocation();
  const month_of = (key: string) => {
    const value = params.get(key) ?? '';
    return kMonthPattern.test(value) ? value : '';
  };
  const month = month_of('month') || monthOf(orgToday());
  const range = defaultRange(month);
  const wanted = params.get('facility_id') ?? '';
  const facility_id = wanted || (admin ? '' : facilities?.[0]?.id ?? '');
  return { facility_id, month, from: month_of('from') || range.from, to: month_of('to') || range.to };
}

/** The URL of `choice`, leaving out what is the default. */
function pathOf(choice: StatsChoice): string {
  const range = defaultRange(choice.month);
  const default_range = choice.from === range.from && choice.to === range.to;
  return filtersPath('/stats', {
    facility_id: choice.facility_id,
    month: choice.month,
    from: default_range ? '' : choice.from,
    to: default_range ? '' : choice.to,
  });
}

type Errors = Partial<Record<'month' | 'from' | 'to', string>>;

function errorsOf(c: StatsChoice): Errors {
  if (!kMonthPattern.test(c.month)) return { month: t('stats.month_required') };
  if (!kMonthPattern.test(c.from)) return { from: t('stats.month_required') };
  if (!kMonthPattern.test(c.to)) return { to: t('stats.month_required') };
  if (c.from > c.to) return { from: t('stats.range_order') };
  if (monthsBetween(c.from, c.to) > kMaxMonths) return { to: t('stats.range_too_long') };
  return {};
}

/** A labelled <input type="month">, its hint and error linked to it. */
function MonthField({ label, name, value, onValue, hint, error }:
  { label: string; name: string; value: string; onValue: (v: string) => void; hint?: string; error?: string }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      <input id={id} name={name} type="month" value={value} required
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

export function ChoiceForm({ shown, facilities, admin }:
  { shown: StatsChoice; facilities: readonly Facility[]; admin: boolean }) {
  const [draft, setDraft] = useState(shown);
  const [errors, setErrors] = useState<Errors>({});
  const shown_key = JSON.stringify(shown);
  useEffect(() => setDraft(shown), [shown_key]);
  const set = (patch: Partial<StatsChoice>) => {
    let next = { ...draft, ...patch };
    // A range left at its default follows the month.
    const old = defaultRange(draft.month);
    if (patch.month && kMonthPattern.test(patch.month) && draft.from === old.from && draft.to === old.to) {
      next = { ...next, ...defaultRange(patch.month) };
    }
    setDraft(next);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const found = errorsOf(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) go(pathOf(draft));
  };
  return (
    <form class="toolbar no-print" onSubmit={submit} aria-label={t('stats.choice')} noValidate>
      <SelectField label={t('stats.facility')} name="facility_id" value={draft.facility_id}
        options={namedOptions(facilities, admin ? t('stats.all_facilities') : undefined)}
        onValue={(facility_id) => set({ facility_id })} />
      <MonthField label={t('stats.month')} name="month" value={draft.month} error={errors.month}
        onValue={(month) => set({ month })} />
      <MonthField label={t('stats.range_from')} name="from" value={draft.from} error={errors.from}
        onValue={(from) => set({ from })} />
      <MonthField label={t('stats.range_to')} name="to" value={draft.to} error={errors.to} hint={t('stats.range_hint')}
        onValue={(to) => set({ to })} />
      <Button type="submit">{t('stats.apply')}</Button>
    </form>
  );
}
