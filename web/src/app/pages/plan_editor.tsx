// The editor of the days selected on the plans page (出欠予定): attend (arrival and
// departure time, who picks up — the family's guardians offered), absent (reason) or
// cleared, for every selected day in one request per child (all days or none are stored
// for a child). The form may be for several of the family's children at the same facility
// (the current one first and by default): the current child's plans are stored first,
// and an error there is shown in the form with nothing else sent; then each sibling's,
// and how each went is handed to onSaved. Before saving it says each day's deadline (and
// when a change will be late), and where its times came from (./plan_form_parts). An
// error about one day says which day; a closure (休館日) is refused as 409 facility_closed.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { t } from '../../shared/i18n';
import type { Plan, PlanDayInput } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { TextAreaField, TextField } from '../../shared/ui/fields';
import { formatDay } from '../dates';
import { useLoad } from '../../shared/data';
import { useSubmit } from '../../shared/form';
import { api } from '../../shared/session';
import { prefilledTimes, type PlanFacility } from '../plan_facility';
import { ChildrenField, DeadlineNotice, TimesSourceLine, type FormChild } from './plan_form_parts';

type Choice = 'attend' | 'absent' | 'none';

/** How saving went for one child: its stored plans, or why they were not stored. */
export type ChildSave = { child: FormChild; stored: Plan[] } | { child: FormChild; error: unknown };

export function PlanEditor({ child, siblings, family_id, facility, facility_id, dates, by_date, last, onSaved }: {
  /** The child of the page, the form's first and default choice. */
  child: FormChild;
  /** The family's other children enrolled at the facility. */
  siblings: FormChild[];
  family_id: string;
  /** The facility's hours and deadline; null while loading. */
  facility: PlanFacility | null;
  facility_id: string;
  dates: string[];
  /** The child's plans of the month by date. */
  by_date: Map<string, Plan>;
  /** The child's plan with times changed last, if any. */
  last: Plan | null;
  onSaved: (saves: ChildSave[], count: number) => void;
}) {
  const first = by_date.get(dates[0]);
  const prefill = prefilledTimes(first, last, facility);
  const [choice, setChoice] = useState<Choice>(first?.status ?? 'attend');
  const [arrive_at, setArriveAt] = useState(prefill.arrive_at);
  const [leave_at, setLeaveAt] = useState(prefill.leave_at);
  const [pickup_by, setPickupBy] = useState(first?.pickup_by ?? '');
  const [reason, setReason] = useState(first?.reason ?? '');
  const [chosen, setChosen] = useState<string[]>([child.id]);
  const touched = useRef(false);
  const sent = useRef<string[]>([]);
  const form = useSubmit({
    fieldName: (name) => {
      const m = /^days\[(\d+)\]\.(\w+)$/.exec(name);
      if (!m) return { name };
      const date = sent.current[Number(m[1])];
      return { name: m[2] === 'status' ? 'choice' : m[2], about: date ? formatDay(date) : undefined };
    },
  });
  // A single day picked: start from its stored plan.
  useEffect(() => {
    if (dates.length !== 1) return;
    const plan = by_date.get(dates[0]);
    if (!plan) return;
    touched.current = false;
    setChoice(plan.status);
    setPickupBy(plan.pickup_by ?? '');
    setReason(plan.reason ?? '');
  }, [dates.join(',')]);
  // The times follow where they start from (the facility or the last plan may come later)
  // until the parent changes them.
  useEffect(() => {
    if (touched.current) return;
    setArriveAt(prefill.arrive_at);
    setLeaveAt(prefill.leave_at);
  }, [prefill.source, prefill.arrive_at, prefill.leave_at]);
  const family = useLoad(() => api.getFamily(family_id), [family_id]);
  const choices = family.data?.guardians.map((g) => (g.relation ? `${g.relation} ${g.name}` : g.name)) ?? [];
  const list_id = useId();
  const radio_name = 'choice';
  const untouched = arrive_at === prefill.arrive_at && leave_at === prefill.leave_at;
  const editTime = (set: (v: string) => void) => (v: string) => {
    touched.current = true;
    set(v);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const targets = [child, ...siblings].filter((c) => chosen.includes(c.id));
    if (targets.length === 0) {
      form.fail('', { children: t('parent.plan_form.children_none') });
      return;
    }
    const day = (date: string): PlanDayInput => {
      if (choice === 'attend') {
        return {
          date, status: 'attend',
          arrive_at: arrive_at || undefined, leave_at: leave_at || undefined, pickup_by: pickup_by.trim() || undefined,
        };
      }
      if (choice === 'absent') return { date, status: 'absent', reason: reason.trim() || undefined };
      return { date, status: 'none' };
    };
    sent.current = [...dates];
    const input = { facility_id, days: dates.map(day) };
    void form.run(async () => {
      const saves: ChildSave[] = [];
      for (const [i, c] of targets.entries()) {
        try {
          saves.push({ child: c, stored: await api.putPlans(c.id, input) });
        } catch (err) {
          // The first child's error is the form's (nothing was stored); a sibling's is reported.
          if (i === 0 || (err instanceof ApiError && err.status === 401)) throw err;
          saves.push({ child: c, error: err });
        }
      }
      onSaved(saves, dates.length);
    });
  };

  const count = dates.length;
  const now = new Date();
  return (
    <form ref={form.form_ref} class="card pa-editor" onSubmit={submit} noValidate aria-labelledby="plan-editor-title">
      <h2 id="plan-editor-title">{t('parent.plans_editor_title', { n: count })}</h2>
      <p class="pa-dates">{dates.map(formatDay).join('、')}</p>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <ChildrenField choices={[child, ...siblings]} chosen={chosen} onChosen={setChosen} error={form.field('children')} />
      <fieldset class="choices" aria-describedby={form.field(radio_name) ? 'choice-error' : undefined}>
        <legend>{t('parent.plan.choice')}</legend>
        {(['attend', 'absent', 'none'] as const).map((c) => (
          <label key={c} class="choice pa-radio">
            <input type="radio" name={radio_name} value={c} checked={choice === c} onChange={() => setChoice(c)} />
            {t(`parent.plan.${c}` as 'parent.plan.attend')}
          </label>
        ))}
        {form.field(radio_name) && <p id="choice-error" class="field-error">{form.field(radio_name)}</p>}
      </fieldset>
      {choice === 'attend' && (
        <>
          <TimesSourceLine id="plan-times-source" source={untouched ? prefill.source : null} />
          <div class="row">
            <TextField label={t('parent.plan.arrive_at')} name="arrive_at" type="time" value={arrive_at}
              onValue={editTime(setArriveAt)} error={form.field('arrive_at')} hint={t('common.optional')} />
            <TextField label={t('parent.plan.leave_at')} name="leave_at" type="time" value={leave_at}
              onValue={editTime(setLeaveAt)} error={form.field('leave_at')} hint={t('common.optional')} />
          </div>
          <PickupField list_id={list_id} value={pickup_by} onValue={setPickupBy} choices={choices}
            error={form.field('pickup_by')} />
        </>
      )}
      {choice === 'absent' && (
        <TextAreaField label={t('parent.absence.reason')} name="reason" value={reason} onValue={setReason}
          hint={t('parent.absence.reason_hint')} maxLength={200} rows={2} error={form.field('reason')} />
      )}
      <DeadlineNotice id="plan-deadline" facility={facility} dates={dates} now={now} />
      <div class="form-submit">
        <Button type="submit" busy={form.busy}>{t('parent.plans_save', { n: count })}</Button>
      </div>
    </form>
  );
}

/** Who picks the child up: free text with the family's guardians offered. */
function PickupField({ list_id, value, onValue, choices, error }: {
  list_id: string;
  value: string;
  onValue: (v: string) => void;
  choices: string[];
  error?: string;
}) {
  const id = `${list_id}-input`;
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{t('parent.plan.pickup_by')}</label>
      <input id={id} name="pickup_by" type="text" list={list_id} value={value} maxLength={50}
        onInput={(e) => onValue(e.currentTarget.value)} autoComplete="off"
        aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
      <datalist id={list_id}>
        {choices.map((c) => <option key={c} value={c} />)}
      </datalist>
      <p id={`${id}-hint`} class="hint">{t('parent.plan.pickup_hint')}</p>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}
