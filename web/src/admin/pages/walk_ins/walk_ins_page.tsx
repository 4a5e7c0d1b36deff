// 利用者票入力: a drop-in room's paper visitor forms typed in one after another (the form,
// walk_in_form.tsx), a toast 「登録しました」 for each, and the forms of the form's day below
// it (walk_in_list.tsx). The day starts as ?date=YYYY-MM-DD or today on the organization's
// clock. A facility that is not a drop-in room says so and shows neither. Staff of the room
// and org_admin (the server decides).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatDay } from '../../../shared/dates';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Facility, WalkIn } from '../../../shared/types';
import { kOrgOffset } from '../../../shared/ui/time';
import { useLoad } from '../../data';
import { PageHead } from '../../layout';
import { Link, useLocation } from '../../router';
import { LoadStatus } from '../../status';
import { WalkInForm } from './walk_in_form';
import { dateAt, daysBefore } from './walk_in_draft';
import { WalkInList } from './walk_in_list';
import './walk_ins.css';

/** How long the toast stays. */
const kToastMs = 4000;

export function WalkInsPage({ id }: { id: string }) {
  const facility = useLoad(() => api.getFacility(id), [id]);
  const f = facility.data;
  return (
    <>
      <PageHead title={f ? t('walk_in.title', { facility: f.name }) : t('walk_in.title_plain')}>
        <Link to={`/roster?facility_id=${encodeURIComponent(id)}`} class="btn btn--secondary">{t('facility.roster_link')}</Link>
        {f && <Link to={`/facilities/${encodeURIComponent(id)}`} class="btn btn--secondary">{t('facility.page_title', { name: f.name })}</Link>}
      </PageHead>
      <LoadStatus loaded={facility} />
      {f && f.kind !== 'drop_in' && <p>{t('walk_in.not_drop_in')}</p>}
      {f && f.kind === 'drop_in' && <Room facility={f} />}
    </>
  );
}

/** A toast: the text shows (role status) for kToastMs after say(), then goes. */
function useToast(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const say = (said: string) => {
    if (timer.current) clearTimeout(timer.current);
    setText(said);
    timer.current = setTimeout(() => setText(''), kToastMs);
  };
  return [text, say];
}

function Room({ facility }: { facility: Facility }) {
  const { params } = useLocation();
  const today = dateAt(kOrgOffset);
  const asked = params.get('date');
  const [date, setDate] = useState(asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : today);
  const day = useLoad(() => api.walkIns(facility.id, { from: date, to: date }), [facility.id, date]);
  // The areas of the past year, offered in the area's field.
  const year = useLoad(() => api.walkIns(facility.id, { from: daysBefore(today, 365), to: today }), [facility.id]);
  const [entered, setEntered] = useState<string[]>([]);
  const [toast, say] = useToast();
  const title_id = useId();

  const areas = [...(year.data ?? []), ...(day.data ?? [])].map((w) => w.area ?? '').concat(entered).filter(Boolean);
  const created = (w: WalkIn) => {
    say(t('walk_in.created'));
    if (w.area) setEntered((a) => [...a, w.area!]);
    day.reload();
  };

  return (
    <>
      <p class="hint">{t('walk_in.intro')}</p>
      <section class="card" aria-labelledby={`${title_id}-form`}>
        <h2 id={`${title_id}-form`}>{t('walk_in.form_title')}</h2>
        <WalkInForm facility_id={facility.id} date={date} onDate={setDate} areas={areas} onCreated={created} />
      </section>
      <div class="toast" role="status">{toast}</div>
      <section aria-labelledby={title_id}>
        <h2 id={title_id}>{t('walk_in.list_title', { date: formatDay(date) })}</h2>
        <LoadStatus loaded={day} />
        {day.data && <WalkInList title_id={title_id} items={day.data} onChanged={day.reload} />}
      </section>
    </>
  );
}
