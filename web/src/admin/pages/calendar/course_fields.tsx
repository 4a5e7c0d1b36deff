// The fields only a course (講座) has: its capacity (定員, one seat a child; empty: no
// limit), the ages it is for (対象年齢, each bound typed as years and months, both
// inclusive; empty: any age) and the last moment to apply (申込締切; empty: until it starts).
// Each control is named by its API field, so a server error lands beside it.
import { t } from '../../../shared/i18n';
import { TextField } from '../../../shared/ui/fields';
import type { AgeDraft, EventDraft } from './event_draft';

// The server's bounds (docs/openapi.yaml EventInput, AgeMonths).
const kCapacityMax = 10_000;
const kAgeYearsMax = 30;

function AgeBound({ name, legend, value, onValue, error }: {
  name: 'age_months.min' | 'age_months.max';
  legend: string;
  value: AgeDraft;
  onValue: (value: AgeDraft) => void;
  error?: string;
}) {
  const error_id = `${name.replace('.', '-')}-error`;
  return (
    <fieldset name={name} class={error ? 'age-bound field--invalid' : 'age-bound'}
      aria-describedby={error ? error_id : undefined}>
      <legend>{legend}</legend>
      <div class="row">
        <TextField label={t('cal.age_years')} name={`${name}.years`} type="number" min={0} max={kAgeYearsMax}
          value={value.years} onValue={(years) => onValue({ ...value, years })} />
        <TextField label={t('cal.age_months')} name={`${name}.months`} type="number" min={0} max={11}
          value={value.months} onValue={(months) => onValue({ ...value, months })} />
      </div>
      {error && <p id={error_id} class="field-error">{error}</p>}
    </fieldset>
  );
}

export function CourseFields({ draft, set, field }: {
  draft: EventDraft;
  set: (patch: Partial<EventDraft>) => void;
  field: (name: string) => string | undefined;
}) {
  const age_error = field('age_months');
  return (
    <fieldset class="course-fields">
      <legend>{t('cal.course_fields')}</legend>
      <TextField label={t('cal.capacity')} name="capacity" type="number" min={1} max={kCapacityMax}
        value={draft.capacity} onValue={(capacity) => set({ capacity })} hint={t('cal.capacity_hint')}
        error={field('capacity')} />
      <fieldset name="age_months" class={age_error ? 'field--invalid' : undefined}
        aria-describedby={age_error ? 'age-months-error' : 'age-months-hint'}>
        <legend>{t('cal.ages')}</legend>
        <p id="age-months-hint" class="hint">{t('cal.ages_hint')}</p>
        <div class="row">
          <AgeBound name="age_months.min" legend={t('cal.age_min')} value={draft.age_min}
            onValue={(age_min) => set({ age_min })} error={field('age_months.min')} />
          <AgeBound name="age_months.max" legend={t('cal.age_max')} value={draft.age_max}
            onValue={(age_max) => set({ age_max })} error={field('age_months.max')} />
        </div>
        {age_error && <p id="age-months-error" class="field-error">{age_error}</p>}
      </fieldset>
      <TextField label={t('cal.apply_until')} name="apply_until" type="datetime-local" value={draft.apply_until}
        onValue={(apply_until) => set({ apply_until })} hint={t('cal.apply_until_hint')} error={field('apply_until')} />
    </fieldset>
  );
}
