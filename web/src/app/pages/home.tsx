// ホーム: a card per child with age and grade, today's status (kept live: arrived at 15:02,
// left at 17:40 with 祖母, expected, absent with 確認中 / 確認済, not arrived yet), and the
// child's QR code, printable card, plans, visit history and today's absence report; above
// them the way to the surveys (アンケート), with how many open ones wait for an answer,
// and to the calendar (行事予定), with the next closure, and to こどもルーム while the
// organization has drop-in rooms.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { MyChild } from '../../shared/types';
import { ErrorMessage, Loading, Notice } from '../../shared/ui/feedback';
import { clockTime } from '../../shared/ui/time';
import { ageAndGrade, useMyChildren } from '../children';
import { errorText } from '../../shared/form';
import { PageHead } from '../layout';
import { Link } from '../router';
import { api } from '../../shared/session';
import { useUnansweredSurveys } from '../survey_count';
import { AbsenceDialog } from './absence_dialog';
import { CalendarLink } from './calendar';
import { RoomsLink } from './rooms';

export function HomePage() {
  const children = useMyChildren();
  const [absence_for, setAbsenceFor] = useState<MyChild | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <>
      <PageHead title={t('parent.home_title')} />
      <SurveysLink />
      <CalendarLink />
      <RoomsLink />
      <Notice>{notice}</Notice>
      {children.error !== null && <ErrorMessage>{errorText(children.error)}</ErrorMessage>}
      {children.data === null && children.error === null && <Loading label={t('common.loading')} />}
      {children.data?.length === 0 && <p>{t('parent.no_children')}</p>}
      {children.data?.map((item) => (
        <ChildCard key={item.child.id} item={item} onAbsence={() => { setNotice(''); setAbsenceFor(item); }} />
      ))}
      {children.updated_at && (
        <p class="meta">{t('parent.updated', { time: clockTime(children.updated_at.toISOString()) })}</p>
      )}
      {absence_for && (
        <AbsenceDialog item={absence_for} onClose={() => setAbsenceFor(null)}
          onDone={() => {
            setNotice(t('parent.absence_sent', { name: absence_for.child.name }));
            setAbsenceFor(null);
            children.reload();
          }} />
      )}
    </>
  );
}

/** アンケート, with 未回答 2件 when open surveys wait for the family's answer. */
function SurveysLink() {
  const n = useUnansweredSurveys();
  return (
    <p class={n > 0 ? 'pa-surveys pa-surveys--waiting' : 'pa-surveys'}>
      <Link to="/surveys" class="pa-surveys-link">
        {t('survey.nav')}
        {n > 0 && <span class="badge badge--unread">{t('survey.home_unanswered', { n })}</span>}
      </Link>
    </p>
  );
}

/** The sentence for today's status, and its tone. */
function todayText(item: MyChild): { tone: string; text: string } {
  const today = item.today;
  const facility = item.facilities.find((f) => f.id === today.facility_id)?.name ?? '';
  const plan = today.plan;
  switch (today.status) {
    case 'present':
      return { tone: 'present', text: t('parent.today.present', { time: clockTime(today.in_at), facility }) };
    case 'left': {
      const base = t('parent.today.left', { in: clockTime(today.in_at), out: clockTime(today.out_at), facility });
      const how = today.left_alone ? t('parent.today.alone')
        : today.pickup_by ? t('parent.today.pickup', { name: today.pickup_by }) : '';
      return { tone: 'left', text: how ? `${base} ${how}` : base };
    }
    case 'expected':
      return {
        tone: 'expected',
        text: plan?.arrive_at
          ? t('parent.today.expected_at', { from: plan.arrive_at, to: plan.leave_at ?? '', facility })
          : t('parent.today.expected', { facility }),
      };
    case 'not_arrived':
      return { tone: 'alert', text: t('parent.today.not_arrived', { time: plan?.arrive_at ?? '', facility }) };
    case 'absent':
      return { tone: 'absent', text: plan?.reason ? t('parent.today.absent_reason', { reason: plan.reason }) : t('parent.today.absent') };
    default:
      return { tone: 'none', text: t('parent.today.unplanned') };
  }
}

function ChildCard({ item, onAbsence }: { item: MyChild; onAbsence: () => void }) {
  const { child, today } = item;
  const heading_id = `child-${child.id}`;
  const status = todayText(item);
  const absence = today.status === 'absent' && today.plan ? today.plan : null;
  const came = today.status === 'present' || today.status === 'left';
  const q = `?child=${encodeURIComponent(child.id)}`;
  return (
    <article class="card pa-child" aria-labelledby={heading_id}>
      <h2 id={heading_id}>{child.name}</h2>
      <p class="pa-child-meta">
        {child.name_kana && <span>{child.name_kana}</span>}
        <span>{ageAndGrade(item)}</span>
      </p>
      {item.facilities.length > 0 && (
        <p class="pa-child-meta">{item.facilities.map((f) => f.name).join('、')}</p>
      )}
      <div class={`pa-today pa-today--${status.tone}`} role="status" aria-live="polite" aria-atomic="true">
        <span class="pa-today-label">{t('parent.today.label')}</span>
        <span class="pa-today-text">{status.text}</span>
        {absence && (
          <span class={absence.acknowledged_at ? 'badge badge--present' : 'badge badge--review-plain'}>
            {absence.acknowledged_at
              ? t('parent.absence.acknowledged', { name: absence.acknowledged_by?.name ?? '' })
              : t('parent.absence.pending')}
          </span>
        )}
      </div>
      <div class="pa-actions">
        <Link to={`/qr${q}`} class="btn btn--primary pa-big">{t('parent.show_qr')}</Link>
        <Link to={`/plans${q}`} class="btn btn--secondary">{t('parent.plans')}</Link>
        {!absence && !came && item.facilities.length > 0 && (
          <button type="button" class="btn btn--secondary" onClick={onAbsence}>{t('parent.report_absence')}</button>
        )}
        <Link to={`/history${q}`} class="btn btn--secondary">{t('parent.history')}</Link>
        <a class="btn btn--secondary" href={api.childCardUrl(child.id)} target="_blank" rel="noopener"
          aria-label={t('card.pdf_label', { name: child.name })}>{t('card.pdf')}</a>
      </div>
    </article>
  );
}
