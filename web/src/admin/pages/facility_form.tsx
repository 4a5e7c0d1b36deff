// Creating (no id) or editing (id) a facility: name, kind, opening hours, check-in
// settings, and the attendance-plan settings: the deadline after which a plan change is
// flagged late for staff, the grace after an expected arrival before a child is raised
// not arrived, and whether guardians are notified then.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { FacilityInput } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { CheckField, SelectField, TextField } from '../../shared/ui/fields';
import { invalidateFacilities, useLoad } from '../data';
import { useSubmit } from '../form';
import { kFacilityKinds, kindLabel } from '../labels';
import { PageHead } from '../layout';
import { go, Link } from '../router';
import { api } from '../../shared/session';
import { LoadStatus } from '../status';

// The check-in settings are optional: left empty, the server keeps its default.
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));
const numberValue = (text: string) => (text.trim() === '' ? undefined : Number(text));

const kEmpty: FacilityInput = { name: '', kind: 'after_school', opens_at: '14:00', closes_at: '19:00' };

export function FacilityForm({ id }: { id?: string }) {
  const loaded = useLoad(() => (id ? api.getFacility(id) : Promise.resolve(kEmpty)), [id]);
  const [value, setValue] = useState<FacilityInput | null>(null);
  useEffect(() => {
    if (loaded.data) {
      const { name, kind, opens_at, closes_at, duplicate_window_seconds, offline_retention_hours,
        plan_deadline_days, plan_deadline_time, not_arrived_grace_minutes, not_arrived_notify } = loaded.data;
      setValue({ name, kind, opens_at, closes_at, duplicate_window_seconds, offline_retention_hours,
        plan_deadline_days, plan_deadline_time, not_arrived_grace_minutes, not_arrived_notify });
    }
  }, [loaded.data]);
  const form = useSubmit();
  const title = id ? t('facility.edit_title') : t('facility.new');

  if (!value) return <><PageHead title={title} /><LoadStatus loaded={loaded} /></>;
  const set = (patch: Partial<FacilityInput>) => setValue({ ...value, ...patch });
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const input = { ...value, name: value.name.trim() };
      if (id) await api.updateFacility(id, input);
      else await api.createFacility(input);
      invalidateFacilities();
      go('/facilities');
    });
  };

  return (
    <>
      <PageHead title={title} />
      <form ref={form.form_ref} onSubmit={submit} noValidate class="card">
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('facility.name')} name="name" value={value.name} required maxLength={100}
          onValue={(name) => set({ name })} error={form.field('name')} />
        <SelectField label={t('facility.kind')} name="kind" value={value.kind} required
          options={kFacilityKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          onValue={(kind) => set({ kind })} error={form.field('kind')} />
        <div class="row">
          <TextField label={t('facility.opens_at')} name="opens_at" type="time" value={value.opens_at}
            required onValue={(opens_at) => set({ opens_at })} error={form.field('opens_at')} />
          <TextField label={t('facility.closes_at')} name="closes_at" type="time" value={value.closes_at}
            required onValue={(closes_at) => set({ closes_at })} error={form.field('closes_at')} />
        </div>
        <div class="row">
          <TextField label={t('facility.duplicate_window')} name="duplicate_window_seconds" type="number" min={0} max={3600}
            value={numberText(value.duplicate_window_seconds)} hint={t('facility.duplicate_window_hint')}
            onValue={(v) => set({ duplicate_window_seconds: numberValue(v) })} error={form.field('duplicate_window_seconds')} />
          <TextField label={t('facility.offline_retention')} name="offline_retention_hours" type="number" min={1} max={720}
            value={numberText(value.offline_retention_hours)} hint={t('facility.offline_retention_hint')}
            onValue={(v) => set({ offline_retention_hours: numberValue(v) })} error={form.field('offline_retention_hours')} />
        </div>
        <fieldset>
          <legend>{t('facility.plans_section')}</legend>
          <div class="row">
            <TextField label={t('facility.plan_deadline_days')} name="plan_deadline_days" type="number" min={0} max={60}
              value={numberText(value.plan_deadline_days)} hint={t('facility.plan_deadline_days_hint')}
              onValue={(v) => set({ plan_deadline_days: numberValue(v) })} error={form.field('plan_deadline_days')} />
            <TextField label={t('facility.plan_deadline_time')} name="plan_deadline_time" type="time"
              value={value.plan_deadline_time ?? ''} hint={t('facility.plan_deadline_time_hint')}
              onValue={(v) => set({ plan_deadline_time: v === '' ? undefined : v })} error={form.field('plan_deadline_time')} />
          </div>
          <TextField label={t('facility.not_arrived_grace')} name="not_arrived_grace_minutes" type="number" min={0} max={240}
            value={numberText(value.not_arrived_grace_minutes)} hint={t('facility.not_arrived_grace_hint')}
            onValue={(v) => set({ not_arrived_grace_minutes: numberValue(v) })} error={form.field('not_arrived_grace_minutes')} />
          <CheckField label={t('facility.not_arrived_notify')} name="not_arrived_notify" checked={value.not_arrived_notify ?? false}
            onChecked={(not_arrived_notify) => set({ not_arrived_notify })} />
          {form.field('not_arrived_notify') && <p class="field-error">{form.field('not_arrived_notify')}</p>}
        </fieldset>
        <div class="actions">
          <Button type="submit" busy={form.busy}>{id ? t('common.save') : t('common.create')}</Button>
          <Link to="/facilities" class="btn btn--secondary">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
