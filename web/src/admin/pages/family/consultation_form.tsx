// The form of a consultation record (相談記録) on the family page: recording a new one
// (room — the organization's drop-in rooms, the first by default —, category, date and time
// — now by default, on the organization's clock —, what was discussed, an optional
// follow-up date) or editing one in place (the room stays; only the fields changed are
// sent, and an emptied follow-up date clears it). Server errors show next to the field
// they name. Also the labels and the formats of dates the section shares.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Consultation, ConsultationCategory, ConsultationPatch, Facility } from '../../../shared/types';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { namedOptions, SelectField, TextAreaField, TextField } from '../../../shared/ui/fields';
import { calendarDate, clockTime, orgTimeOf } from '../../../shared/ui/time';
import { useSubmit } from '../../form';

export const kCategories: readonly ConsultationCategory[] =
  ['parenting', 'development', 'health', 'living', 'schooling', 'other'];
export const kMaxBody = 4000;

export const categoryLabel = (c: ConsultationCategory) => t(`admin_consult.category.${c}` as MessageKey);

/** "2027年6月10日" of "2027-06-10". */
export function consultationDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return t('admin_consult.date', { year, month, day, date });
}

/** "2027年6月10日 15:00" of an RFC 3339 time, on the organization's clock. */
export const consultationWhen = (iso: string): string => {
  const date = calendarDate(iso);
  const [year, month, day] = date.split('-').map(Number);
  return t('admin_consult.when', { year, month, day, date, time: clockTime(iso) });
};

/** The value of <input type="datetime-local"> for an RFC 3339 time ("2027-06-10T15:00"). */
const localOf = (iso: string) => `${calendarDate(iso)}T${clockTime(iso)}`;

/** Now on the organization's clock (Asia/Tokyo, as orgToday), as <input type="datetime-local"> takes it. */
const orgNowLocal = (now: Date = new Date()): string =>
  new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 16);

interface Draft {
  facility_id: string;
  category: ConsultationCategory | '';
  /** datetime-local: the organization's wall clock. */
  occurred_at: string;
  body: string;
  /** "YYYY-MM-DD" or "". */
  follow_up_on: string;
}

/** What of `draft` differs from `was`: the PATCH of an edit ({} when nothing changed). */
function patchOf(was: Consultation, draft: Draft): ConsultationPatch {
  const patch: ConsultationPatch = {};
  if (draft.category !== was.category) patch.category = draft.category as ConsultationCategory;
  if (draft.body !== was.body) patch.body = draft.body;
  if (draft.occurred_at !== localOf(was.occurred_at)) patch.occurred_at = orgTimeOf(draft.occurred_at) ?? '';
  if (draft.follow_up_on !== (was.follow_up_on ?? '')) patch.follow_up_on = draft.follow_up_on || null;
  return patch;
}

export interface ConsultationFormProps {
  family_id: string;
  /** The drop-in rooms a new record may name (the first is the default). */
  rooms: readonly Facility[];
  /** The record edited; a new one when absent. */
  editing?: Consultation;
  onSaved: (saved: Consultation) => void;
  onCancel: () => void;
}

export function ConsultationForm({ family_id, rooms, editing, onSaved, onCancel }: ConsultationFormProps) {
  const [draft, setDraft] = useState<Draft>(() => editing
    ? {
      facility_id: editing.facility_id, category: editing.category, occurred_at: localOf(editing.occurred_at),
      body: editing.body, follow_up_on: editing.follow_up_on ?? '',
    }
    : { facility_id: '', category: '', occurred_at: orgNowLocal(), body: '', follow_up_on: '' });
  const form = useSubmit();
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const room_id = draft.facility_id || rooms[0]?.id || '';
  const title = editing
    ? t('admin_consult.form_edit', { when: consultationWhen(editing.occurred_at) })
    : t('admin_consult.form_new');

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      if (editing) {
        const patch = patchOf(editing, draft);
        onSaved(Object.keys(patch).length ? await api.updateConsultation(editing.id, patch) : editing);
        return;
      }
      onSaved(await api.createConsultation(family_id, {
        facility_id: room_id,
        category: draft.category as ConsultationCategory,
        body: draft.body,
        occurred_at: orgTimeOf(draft.occurred_at) ?? '',
        ...(draft.follow_up_on ? { follow_up_on: draft.follow_up_on } : {}),
      }));
    });
  };

  const categories = [
    ...(draft.category === '' ? [{ value: '' as const, label: t('admin_consult.category_choose') }] : []),
    ...kCategories.map((c) => ({ value: c, label: categoryLabel(c) })),
  ];
  return (
    <form ref={form.form_ref} onSubmit={submit} noValidate class="card consultation-form" aria-label={title}>
      <h3>{title}</h3>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <div class="row">
        {editing
          ? <p class="meta">{t('admin_consult.at_room', { room: editing.facility_name })}</p>
          : (
            <SelectField label={t('admin_consult.room')} name="facility_id" value={room_id} required
              options={namedOptions(rooms)} onValue={(facility_id) => set({ facility_id })}
              error={form.field('facility_id')} />
          )}
        <SelectField<ConsultationCategory | ''> label={t('admin_consult.category')} name="category" required
          value={draft.category} options={categories} onValue={(category) => set({ category })}
          error={form.field('category')} />
        <TextField label={t('admin_consult.occurred_at')} name="occurred_at" type="datetime-local" required
          value={draft.occurred_at} onValue={(occurred_at) => set({ occurred_at })} error={form.field('occurred_at')} />
      </div>
      <TextAreaField label={t('admin_consult.body')} name="body" value={draft.body} required rows={6}
        maxLength={kMaxBody} hint={t('admin_consult.body_hint', { max: kMaxBody })}
        onValue={(body) => set({ body })} error={form.field('body')} />
      <TextField label={t('admin_consult.follow_up_on')} name="follow_up_on" type="date" value={draft.follow_up_on}
        hint={t('admin_consult.follow_up_hint')} onValue={(follow_up_on) => set({ follow_up_on })}
        error={form.field('follow_up_on')} />
      <div class="actions">
        <Button type="submit" busy={form.busy} disabled={!editing && !room_id}>
          {editing ? t('common.save') : t('admin_consult.submit_new')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
