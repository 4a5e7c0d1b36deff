// The audience of a message being written: facilities, school grades and an age range in
// months (each narrows; none: every family the sender may reach), and below them the
// live count of whom it reaches today (POST /audiences/preview), asked again 300 ms after
// the last change. A refusal of the whole audience (`audience`: no_recipients) shows below it.
// Messages and surveys take it alike.
import { useEffect, useState } from 'preact/hooks';
import { gradeLabel, t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Audience, AudienceCount } from '../../../shared/types';
import { CheckboxGroup, namedOptions, TextField } from '../../../shared/ui/fields';
import { useFacilities } from '../../data';
import { ApiError } from '../../../shared/api';
import { fieldText } from '../../../shared/form';
import { errorText } from '../../form';

type Grade = NonNullable<Audience['grades']>[number];
const kGrades: readonly Grade[] = ['未就学', '小1', '小2', '小3', '小4', '小5', '小6'];
const kDebounceMs = 300;
// The oldest age an audience may name (server/src/rules/audience.h).
const kAgeMonthsMax = 30 * 12;

/** The audience as the form edits it: the age bounds as typed. */
export interface AudienceDraft {
  facility_ids: string[];
  grades: Grade[];
  age_min: string;
  age_max: string;
}

export const kAnyone: AudienceDraft = { facility_ids: [], grades: [], age_min: '', age_max: '' };

const bound = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The audience to send: only the keys chosen (an empty choice does not narrow). */
export function audienceOf(d: AudienceDraft): Audience {
  const a: Audience = {};
  if (d.facility_ids.length) a.facility_ids = d.facility_ids;
  if (d.grades.length) a.grades = d.grades;
  const min = bound(d.age_min);
  const max = bound(d.age_max);
  if (min !== undefined || max !== undefined) a.age_months = { min, max };
  return a;
}

/** What is wrong with an audience: each field's problem, else the error's text. */
function problemText(err: unknown): string {
  const fields = err instanceof ApiError ? Object.keys(err.fields) : [];
  if (!fields.length) return errorText(err);
  return fields.map((name) => fieldText(err as ApiError, name)).join(' ');
}

/** Whom `audience` reaches, asked again kDebounceMs after it last changed. */
function useAudienceCount(audience: Audience) {
  const key = JSON.stringify(audience);
  const [state, setState] = useState<{ count: AudienceCount | null; error: string }>({ count: null, error: '' });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.previewAudience(audience).then(
        (count) => live && setState({ count, error: '' }),
        (err) => live && setState({ count: null, error: problemText(err) }),
      );
    }, kDebounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}

function RecipientCount({ audience }: { audience: Audience }) {
  const { count, error } = useAudienceCount(audience);
  const text = error ? error
    : !count ? t('msg.counting')
    : count.families === 0 ? t('msg.count_none')
    : t('msg.count', { ...count });
  return <p class={error ? 'field-error' : 'recipients'} role="status">{text}</p>;
}

export interface AudienceFieldsProps {
  value: AudienceDraft;
  onValue: (value: AudienceDraft) => void;
  field: (name: string) => string | undefined;
}

export function AudienceFields({ value, onValue, field }: AudienceFieldsProps) {
  const facilities = useFacilities();
  const set = (patch: Partial<AudienceDraft>) => onValue({ ...value, ...patch });
  const error = field('audience');
  return (
    <fieldset name="audience" class={error ? 'field--invalid' : undefined}
      aria-describedby={error ? 'audience-error' : undefined}>
      <legend>{t('msg.audience')}</legend>
      <p class="hint">{t('msg.audience_hint')}</p>
      <CheckboxGroup legend={t('msg.audience_facilities')} name="audience.facility_ids"
        options={namedOptions(facilities.data)} selected={value.facility_ids}
        onSelected={(facility_ids) => set({ facility_ids })} error={field('audience.facility_ids')} />
      <CheckboxGroup legend={t('msg.audience_grades')} name="audience.grades"
        options={kGrades.map((g) => ({ value: g, label: gradeLabel(g) }))} selected={value.grades}
        onSelected={(grades) => set({ grades: grades as Grade[] })} error={field('audience.grades')} />
      <div class="row">
        <TextField label={t('msg.age_min')} name="audience.age_months.min" type="number" min={0} max={kAgeMonthsMax}
          value={value.age_min} onValue={(age_min) => set({ age_min })} error={field('audience.age_months.min')} />
        <TextField label={t('msg.age_max')} name="audience.age_months.max" type="number" min={0} max={kAgeMonthsMax}
          value={value.age_max} onValue={(age_max) => set({ age_max })} error={field('audience.age_months.max')} />
      </div>
      <RecipientCount audience={audienceOf(value)} />
      {error && <p id="audience-error" class="field-error">{error}</p>}
    </fieldset>
  );
}
