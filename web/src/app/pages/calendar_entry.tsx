// One calendar entry in the parents' app: when, where, what, a link adding it to the phone's
// calendar (an .ics file), and for a course its ages, seats and deadline and the family's
// application: the children who may apply (enrolled at its facility, of its ages on its
// first day; the others are named as outside the ages), applying (一人一席) — answered
// 「申込が確定しました」 or 「キャンセル待ち N 番目です」 — and withdrawing after confirming.
// The apply request keeps one client_id until it succeeds, so a retry on a bad
// connection applies once.
import { useRef, useState } from 'preact/hooks';
import { newClientId } from '../../shared/api';
import { Outcome, useAction } from '../../shared/action';
import { useLoad } from '../../shared/data';
import { ageMonthsOn } from '../../shared/dates';
import { errorText } from '../../shared/form';
import { t } from '../../shared/i18n';
import { api } from '../../shared/session';
import type { CalendarEvent, MyApplication, MyChild } from '../../shared/types';
import { ConfirmDialog } from '../../shared/ui/confirm_dialog';
import { CourseFacts, EventBadges, EventTitle, eventWhen, kindLabel, placeText } from '../../shared/ui/event_parts';
import { Button, ErrorMessage, Loading, Notice } from '../../shared/ui/feedback';
import { CheckboxGroup } from '../../shared/ui/fields';
import { MessageText } from '../../shared/ui/message_text';
import { calendarDate } from '../../shared/ui/time';
import { useMyChildren } from '../children';
import { PageHead } from '../layout';
import { Link } from '../router';

/** 申込済み, or キャンセル待ち N 番目, as a badge. */
export function ApplicationBadge({ application: a }: { application: MyApplication }) {
  if (a.status === 'cancelled') return null;
  return a.status === 'confirmed'
    ? <span class="badge badge--present">{t('cal_app.badge_confirmed')}</span>
    : <span class="badge badge--review-plain">{t('cal_app.badge_waitlisted', { n: a.position ?? '' })}</span>;
}

/** Whether the child may take a seat: enrolled at the course's facility, of its ages on its first day. */
function fits(e: CalendarEvent, item: MyChild): 'yes' | 'not_here' | 'age' {
  if (e.facility_id !== null && !item.facilities.some((f) => f.id === e.facility_id)) return 'not_here';
  const months = ageMonthsOn(item.child.birth_date, calendarDate(e.starts_at));
  const { min, max } = e.age_months ?? {};
  return (min !== undefined && months < min) || (max !== undefined && months > max) ? 'age' : 'yes';
}

export function CalendarEntryPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.event(id), [id]);
  const e = loaded.data;
  return (
    <>
      <PageHead title={e?.title ?? t('cal_app.entry_title')} />
      <p><Link to="/calendar">{t('cal_app.back')}</Link></p>
      {loaded.error !== null && <ErrorMessage>{errorText(loaded.error)}</ErrorMessage>}
      {!e && loaded.error === null && <Loading label={t('common.loading')} />}
      {e && (
        <>
          <section class="card" aria-labelledby="entry-title">
            <h2 id="entry-title"><EventBadges event={e} /> <EventTitle event={e} /></h2>
            {e.status === 'cancelled' && <p class="pa-ev-cancelled-note"><strong>{t('cal_app.cancelled_note')}</strong></p>}
            <dl class="facts">
              <dt>{t('cal.kind')}</dt><dd>{kindLabel(e.kind)}</dd>
              <dt>{t('cal.col_when')}</dt><dd>{eventWhen(e)}</dd>
              <dt>{t('cal.facility')}</dt><dd>{placeText(e)}</dd>
              {e.kind === 'course' && <CourseFacts event={e} />}
            </dl>
            {e.description && <MessageText text={e.description} />}
            <div class="pa-actions">
              <a class="btn btn--secondary" href={api.eventIcsUrl(e.id)} download>{t('cal_app.add_to_calendar')}</a>
            </div>
          </section>
          {e.kind === 'course' && e.status === 'scheduled' && <Application event={e} onChange={loaded.reload} />}
        </>
      )}
    </>
  );
}

function Application({ event: e, onChange }: { event: CalendarEvent; onChange: () => void }) {
  const children = useMyChildren();
  const [notice, setNotice] = useState('');
  const mine = e.application && e.application.status !== 'cancelled' ? e.application : null;
  const changed = (said: string) => {
    setNotice(said);
    onChange();
  };
  return (
    <section class="card" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('cal_app.application')}</h2>
      <Notice>{notice}</Notice>
      {children.error !== null && <ErrorMessage>{errorText(children.error)}</ErrorMessage>}
      {!children.data && children.error === null && <Loading label={t('common.loading')} />}
      {children.data && (mine
        ? <Applied event={e} application={mine} items={children.data} onChange={() => changed(t('cal_app.withdrawn'))} />
        : <ApplyForm event={e} items={children.data} onChange={() => changed('')} />)}
    </section>
  );
}

function Applied({ event: e, application: a, items, onChange }: {
  event: CalendarEvent;
  application: MyApplication;
  items: MyChild[];
  onChange: () => void;
}) {
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const names = a.child_ids.map((cid) => items.find((c) => c.child.id === cid)?.child.name ?? '').filter(Boolean);
  const withdraw = () => {
    setAsking(false);
    void action.run(async () => {
      await api.cancelApplication(a.id);
      onChange();
    });
  };
  return (
    <>
      <p class={`pa-applied pa-applied--${a.status}`} role="status">
        <strong>{a.status === 'confirmed' ? t('cal_app.confirmed') : t('cal_app.waitlisted', { n: a.position ?? '' })}</strong>
      </p>
      {names.length > 0 && <p>{t('cal_app.applied_children', { names: names.join('、') })}</p>}
      {a.status === 'waitlisted' && <p class="hint">{t('cal_app.waitlist_hint')}</p>}
      <Outcome of={action} />
      <Button variant="danger" busy={!!action.busy} onClick={() => setAsking(true)}>{t('cal_app.withdraw')}</Button>
      {asking && (
        <ConfirmDialog title={t('cal_app.withdraw_confirm_title', { title: e.title })} text={t('cal_app.withdraw_confirm_text')}
          confirm={t('cal_app.withdraw')} busy={!!action.busy} onConfirm={withdraw} onClose={() => setAsking(false)} />
      )}
    </>
  );
}

function ApplyForm({ event: e, items, onChange }: { event: CalendarEvent; items: MyChild[]; onChange: () => void }) {
  const able = items.filter((item) => fits(e, item) === 'yes');
  const too_young_or_old = items.filter((item) => fits(e, item) === 'age');
  const [chosen, setChosen] = useState<string[]>(able.length === 1 ? [able[0].child.id] : []);
  const client_id = useRef(newClientId());
  const action = useAction();
  const apply = (ev: Event) => {
    ev.preventDefault();
    if (action.busy || chosen.length === 0) return;
    void action.run(async () => {
      await api.applyForCourse(e.id, chosen, client_id.current);
      client_id.current = newClientId();
      onChange();
    });
  };
  return (
    <form onSubmit={apply} noValidate>
      {able.length === 0
        ? <p>{t('cal_app.no_child_fits')}</p>
        : (
          <CheckboxGroup legend={t('cal_app.who_applies')} name="child_ids" selected={chosen} onSelected={setChosen}
            options={able.map((item) => ({ value: item.child.id, label: item.child.name }))} />
        )}
      {too_young_or_old.length > 0 && (
        <p class="hint">{t('cal_app.outside_ages', { names: too_young_or_old.map((i) => i.child.name).join('、') })}</p>
      )}
      <Outcome of={action} />
      {able.length > 0 && (
        <div class="form-submit">
          <Button type="submit" busy={!!action.busy} disabled={chosen.length === 0}>
            {t('cal_app.apply', { n: chosen.length })}
          </Button>
        </div>
      )}
    </form>
  );
}
