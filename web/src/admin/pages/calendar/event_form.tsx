// Adding or changing a calendar entry: its kind (休館日 / 行事 / 講座) and facility (or, for
// the organization's administrators, every facility), title and description, all day (a
// closure usually is: from one day to another, both included) or from a time to a time,
// a course's capacity, ages and deadline, and, for a new entry, whether to tell the
// families and on which channels. One client_id per form makes a double submit add one
// entry. The kind and the facility of a stored entry do not change. Saved, the entry's
// page opens.
import { useMemo, useState } from 'preact/hooks';
import { newClientId } from '../../../shared/api';
import { reasonText, t } from '../../../shared/i18n';
import { api, isAdmin, useSession } from '../../../shared/session';
import type { CalendarEvent, Facility } from '../../../shared/types';
import { kEventKinds, kindLabel, placeText } from '../../../shared/ui/event_parts';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import {
  CheckboxGroup, CheckField, namedOptions, RadioGroup, SelectField, TextAreaField, TextField,
} from '../../../shared/ui/fields';
import { useFacilities, useLoad } from '../../data';
import { useSubmit } from '../../form';
import { PageHead } from '../../layout';
import { go, Link, useLocation } from '../../router';
import { LoadStatus } from '../../status';
import { channelLabel, kMessageChannels } from '../messages/message_parts';
import { CourseFields } from './course_fields';
import { draftOf, emptyDraft, inputOf, patchOf, type EventDraft } from './event_draft';

export const eventPath = (id: string) => `/calendar/${encodeURIComponent(id)}`;

/** /calendar/new (?facility_id= preselects one) or /calendar/{id}/edit. */
export function EventFormPage({ id }: { id?: string }) {
  const facilities = useFacilities();
  const stored = useLoad(() => (id ? api.event(id) : Promise.resolve(null)), [id]);
  const title = t(id ? 'cal.edit_title' : 'cal.new_title');
  if (!facilities.data || (id && !stored.data)) {
    return <><PageHead title={title} /><LoadStatus loaded={id && facilities.data ? stored : facilities} /></>;
  }
  return <EventForm title={title} facilities={facilities.data} stored={stored.data} />;
}

function EventForm({ title, facilities, stored }: { title: string; facilities: Facility[]; stored: CalendarEvent | null }) {
  const { user } = useSession();
  const { params } = useLocation();
  const admin = isAdmin(user);
  const [draft, setDraft] = useState<EventDraft>(() => {
    if (stored) return draftOf(stored);
    const wanted = params.get('facility_id') ?? '';
    const facility_id = facilities.some((f) => f.id === wanted) ? wanted : facilities[0]?.id ?? '';
    return emptyDraft(facility_id, kMessageChannels);
  });
  const client_id = useMemo(() => newClientId(), []);
  const form = useSubmit();
  const set = (patch: Partial<EventDraft>) => setDraft({ ...draft, ...patch });
  const course = draft.kind === 'course';

  const submit = (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    const start_missing = draft.all_day ? !draft.start_date : !draft.starts_at;
    if (start_missing) {
      form.fail(reasonText('invalid_fields'), { starts_at: reasonText('required') });
      return;
    }
    void form.run(async () => {
      const saved = stored
        ? await api.updateEvent(stored.id, patchOf(draft, stored))
        : await api.createEvent(inputOf(draft, client_id));
      go(eventPath(saved.id));
    });
  };
  const facility_options = admin ? namedOptions(facilities, t('cal.whole_org')) : namedOptions(facilities);

  return (
    <>
      <PageHead title={title} />
      <form ref={form.form_ref} onSubmit={submit} noValidate class="card cal-form">
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        {stored ? (
          <dl class="facts">
            <dt>{t('cal.kind')}</dt><dd>{kindLabel(stored.kind)}</dd>
            <dt>{t('cal.facility')}</dt><dd>{placeText(stored)}</dd>
          </dl>
        ) : (
          <>
            <RadioGroup legend={t('cal.kind')} name="kind" value={draft.kind} error={form.field('kind')}
              options={kEventKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
              onValue={(kind) => set({ kind: kind as EventDraft['kind'], all_day: kind === 'closure' ? true : draft.all_day })} />
            <SelectField label={t('cal.facility')} name="facility_id" value={draft.facility_id} options={facility_options}
              onValue={(facility_id) => set({ facility_id })} error={form.field('facility_id')} />
          </>
        )}
        <TextField label={t('cal.event_title')} name="title" value={draft.title} required maxLength={100}
          onValue={(title) => set({ title })} error={form.field('title')} />
        <TextAreaField label={t('cal.description')} name="description" value={draft.description} rows={4}
          onValue={(description) => set({ description })} hint={t('common.optional')} error={form.field('description')} />
        <div class="choices">
          <CheckField label={t('cal.all_day')} name="all_day" checked={draft.all_day} onChecked={(all_day) => set({ all_day })} />
        </div>
        {draft.all_day ? (
          <div class="row">
            <TextField label={t('cal.start_date')} name="starts_at" type="date" required value={draft.start_date}
              onValue={(start_date) => set({ start_date })} error={form.field('starts_at')} />
            <TextField label={t('cal.end_date')} name="ends_at" type="date" value={draft.end_date}
              onValue={(end_date) => set({ end_date })} hint={t('cal.end_date_hint')} error={form.field('ends_at')} />
          </div>
        ) : (
          <div class="row">
            <TextField label={t('cal.starts_at')} name="starts_at" type="datetime-local" required value={draft.starts_at}
              onValue={(starts_at) => set({ starts_at })} error={form.field('starts_at')} />
            <TextField label={t('cal.ends_at')} name="ends_at" type="datetime-local" required value={draft.ends_at}
              onValue={(ends_at) => set({ ends_at })} error={form.field('ends_at')} />
          </div>
        )}
        {course && <CourseFields draft={draft} set={set} field={form.field} />}
        {!stored && <Announce draft={draft} set={set} field={form.field} />}
        <div class="actions">
          <Button type="submit" busy={form.busy}>{t(stored ? 'common.save' : 'cal.create')}</Button>
          <Link to={stored ? eventPath(stored.id) : '/calendar'} class="btn btn--secondary">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

/** Telling the families of a new entry (a course: those with a child of its ages), on the channels chosen. */
function Announce({ draft, set, field }: {
  draft: EventDraft;
  set: (patch: Partial<EventDraft>) => void;
  field: (name: string) => string | undefined;
}) {
  return (
    <fieldset class="choices">
      <legend>{t('cal.announce')}</legend>
      <CheckField label={t('cal.announce_on')} name="announce" checked={draft.announce}
        onChecked={(announce) => set({ announce })} />
      <p class="hint">{t('cal.announce_hint')}</p>
      {draft.announce && (
        <CheckboxGroup legend={t('msg.channels')} name="announce.channels" selected={draft.channels}
          options={kMessageChannels.map((c) => ({ value: c, label: channelLabel(c) }))}
          onSelected={(channels) => set({ channels: channels as EventDraft['channels'] })}
          error={field('announce.channels')} />
      )}
    </fieldset>
  );
}
