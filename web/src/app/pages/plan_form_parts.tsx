// Parts of the plan form (./plan_editor): the deadline of the chosen days, said before
// saving (「7月10日（金）の変更は7月9日（木） 17:00まで」; a day whose deadline passed in the
// warning style, with what that means: the change reaches staff marked 締切後); which of
// the family's children the form is for (siblings at the same facility); and where the
// times it starts from came from (「前回と同じ時刻」); and what saving said, child by child.
import { errorText } from '../../shared/form';
import { t, type MessageKey } from '../../shared/i18n';
import type { Plan } from '../../shared/types';
import { formatDay } from '../dates';
import { dayDeadline, type PlanFacility, type TimesSource } from '../plan_facility';

/** Days listed one by one; more are counted. */
const kDaysListed = 3;

export function DeadlineNotice({ id, facility, dates, now }: { id: string; facility: PlanFacility | null; dates: string[]; now: Date }) {
  if (!facility || dates.length === 0) return null;
  const deadlines = dates.map((d) => dayDeadline(d, facility, now));
  const late = deadlines.filter((d) => d.past);
  const line = (d: (typeof deadlines)[number]) => {
    const text = t('parent.plan_form.deadline', { day: formatDay(d.date), by: `${formatDay(d.by_date)} ${d.by_time}` });
    return d.past ? `${text}${t('parent.plan_form.deadline_passed')}` : text;
  };
  return (
    <div id={id} class={late.length > 0 ? 'alert alert--warning pa-deadline' : 'pa-deadline'}>
      <ul>
        {deadlines.slice(0, kDaysListed).map((d) => (
          <li key={d.date} class={d.past ? 'pa-deadline-past' : undefined}>{line(d)}</li>
        ))}
        {deadlines.length > kDaysListed && (
          <li>{t('parent.plan_form.deadline_more', { n: deadlines.length - kDaysListed })}</li>
        )}
      </ul>
      {late.length > 0 && (
        <p><strong>{t(late.length === deadlines.length ? 'parent.plan_form.late_all' : 'parent.plan_form.late_some', { n: late.length })}</strong></p>
      )}
    </div>
  );
}

export interface FormChild {
  id: string;
  name: string;
}

/** Checkboxes of the children the plans are for (shown only when there are several). */
export function ChildrenField({ choices, chosen, onChosen, error }: {
  choices: FormChild[];
  chosen: string[];
  onChosen: (ids: string[]) => void;
  error?: string;
}) {
  if (choices.length < 2) return null;
  const toggle = (id: string, on: boolean) =>
    onChosen(choices.map((c) => c.id).filter((x) => (x === id ? on : chosen.includes(x))));
  return (
    <fieldset class={error ? 'choices field--invalid' : 'choices'} aria-describedby={error ? 'plan-children-error' : 'plan-children-hint'}>
      <legend>{t('parent.plan_form.children')}</legend>
      {choices.map((c) => (
        <label key={c.id} class="choice">
          <input type="checkbox" name="children" value={c.id} checked={chosen.includes(c.id)}
            aria-invalid={error ? 'true' : undefined} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
          {c.name}
        </label>
      ))}
      <p id="plan-children-hint" class="hint">{t('parent.plan_form.children_hint')}</p>
      {error && <p id="plan-children-error" class="field-error">{error}</p>}
    </fieldset>
  );
}

const kSourceText: Record<Exclude<TimesSource, 'none'>, MessageKey> = {
  stored: 'parent.plan_form.times_stored',
  last: 'parent.plan_form.times_last',
  facility: 'parent.plan_form.times_facility',
};

/** 「時刻：前回と同じ時刻」 while the times are still the ones the form started from. */
export function TimesSourceLine({ id, source }: { id: string; source: TimesSource | null }) {
  if (!source || source === 'none') return null;
  return <p id={id} class="hint pa-times-source">{t('parent.plan_form.times_from', { source: t(kSourceText[source]) })}</p>;
}

/** What saving said for each child: the stored ones (with late days), and the failed ones with why. */
export function saveReport(saves: readonly ({ child: FormChild } & ({ stored: Plan[] } | { error: unknown }))[], count: number) {
  const several = saves.length > 1;
  const saved: string[] = [];
  const failed: string[] = [];
  for (const s of saves) {
    if ('stored' in s) {
      const late = s.stored.filter((p) => p.late).length;
      const text = [t('parent.plans_saved', { n: count }), late > 0 ? t('parent.plans_saved_late', { n: late }) : '']
        .filter(Boolean).join(' ');
      saved.push(several ? t('parent.plan_form.child_result', { name: s.child.name, text }) : text);
    } else {
      failed.push(t('parent.plan_form.child_failed', { name: s.child.name, error: errorText(s.error) }));
    }
  }
  return { saved, failed };
}

/** Lines said together: one as it is, several as a list. */
export function Lines({ lines }: { lines: string[] }) {
  if (lines.length < 2) return <>{lines[0] ?? ''}</>;
  return <ul class="pa-lines">{lines.map((l) => <li key={l}>{l}</li>)}</ul>;
}
