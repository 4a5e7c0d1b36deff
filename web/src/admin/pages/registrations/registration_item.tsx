// One pre-registration (事前登録) as staff review it: the family, phone, address and e-mail,
// the guardians (name, furigana, relation, contact) and the children (name, furigana, birth
// date, age today), when it came, and — first, impossible to miss — the possible duplicates
// (「重複の可能性：山田家（同じこどもと生年月日）」, linking to that family). A pending one has
// 承認, 既存の世帯に統合 and 却下; a decided one says when, by whom, the family or the reason.
import type { ComponentChildren } from 'preact';
import { ageMonthsOn, formatDayTime, orgToday } from '../../../shared/dates';
import { t } from '../../../shared/i18n';
import type { Registration, RegistrationDuplicate } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { Link } from '../../router';


/** 「2019年4月10日」. */
function birthDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return t('admin_reg.birth_date', { year, month, day });
}

/** 「6歳1か月」 today. */
function ageToday(birth_date: string): string {
  const months = Math.max(0, ageMonthsOn(birth_date, orgToday()));
  return t('child.age_value', { years: Math.floor(months / 12), months: months % 12 });
}

/** A possible duplicate with every reason it was found for. */
export interface DuplicateGroup {
  d: RegistrationDuplicate;
  whys: RegistrationDuplicate['why'][];
}

/** The duplicates one family (or registration) each, in the server's order. */
export function groupDuplicates(all: readonly RegistrationDuplicate[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  for (const d of all) {
    const same = groups.find((g) => (d.family_id ? g.d.family_id === d.family_id : g.d.registration_id === d.registration_id));
    if (!same) groups.push({ d, whys: [d.why] });
    else if (!same.whys.includes(d.why)) same.whys.push(d.why);
  }
  return groups;
}

/** Why it may be a duplicate: 「同じこどもと生年月日・同じ電話番号」, of a pending registration 「承認待ちの事前登録・…」. */
export function whyText({ d, whys }: DuplicateGroup): string {
  const why = whys.map((w) => t(`admin_reg.why.${w}`)).join(t('admin_reg.why_join'));
  return d.family_id ? why : t('admin_reg.why_pending', { why });
}

/** 「重複の可能性：山田家（同じこどもと生年月日）」, the family a link to its page. */
function Duplicate({ group }: { group: DuplicateGroup }) {
  const { d } = group;
  const name: ComponentChildren = d.family_id
    ? <Link to={`/families/${encodeURIComponent(d.family_id)}`}>{d.family_name}</Link>
    : d.registration_id
      ? <a href={`#registration-${d.registration_id}`}>{d.family_name}</a>
      : d.family_name;
  return (
    <li>
      <strong>{t('admin_reg.duplicate_prefix')}{name}</strong>{t('admin_reg.duplicate_why', { why: whyText(group) })}
    </li>
  );
}

const dash = (s: string | null | undefined) => (s ? s : '—');

export interface ItemActions {
  approve: () => void;
  merge: () => void;
  reject: () => void;
  /** Whether an action of this item is running. */
  busy: boolean;
}

export function RegistrationItem({ r, actions }: { r: Registration; actions: ItemActions | null }) {
  const title_id = `registration-${r.id}-title`;
  const family = r.family_name;
  return (
    <article class="card registration" id={`registration-${r.id}`} aria-labelledby={title_id} tabIndex={-1}>
      <div class="card-head">
        <h2 id={title_id}>{family}</h2>
        <span class="meta">{t('admin_reg.received', { time: formatDayTime(r.created_at) })}</span>
      </div>
      {r.possible_duplicates.length > 0 && (
        <div class="alert alert--warning registration-duplicates">
          <ul>
            {groupDuplicates(r.possible_duplicates).map((g, i) => (
              <Duplicate key={`${g.d.family_id ?? g.d.registration_id}-${i}`} group={g} />
            ))}
          </ul>
        </div>
      )}
      <dl class="facts">
        <dt>{t('family.phone')}</dt>
        <dd>{r.phone ? <a href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</a> : '—'}</dd>
        <dt>{t('family.address')}</dt>
        <dd>{dash(r.address)}</dd>
        <dt>{t('admin_reg.email')}</dt>
        <dd>{dash(r.email)}</dd>
      </dl>
      <h3>{t('family.guardians')}</h3>
      <Table label={t('admin_reg.guardians_of', { family })} rows={r.guardians} columns={[
        { header: t('admin_reg.col_name'), rowHeader: true, cell: (g) => g.name },
        { header: t('admin_reg.col_kana'), cell: (g) => dash(g.name_kana) },
        { header: t('admin_reg.col_relation'), cell: (g) => dash(g.relation) },
        { header: t('admin_reg.col_contact'), cell: (g) => [g.phone, g.email].filter(Boolean).join(' ') || '—' },
      ]} />
      <h3>{t('family.children')}</h3>
      <Table label={t('admin_reg.children_of', { family })} rows={r.children} columns={[
        { header: t('admin_reg.col_name'), rowHeader: true, cell: (c) => c.name },
        { header: t('admin_reg.col_kana'), cell: (c) => dash(c.name_kana) },
        { header: t('admin_reg.col_birth_date'), cell: (c) => birthDate(c.birth_date) },
        { header: t('admin_reg.col_age'), cell: (c) => ageToday(c.birth_date) },
      ]} />
      {r.status === 'approved' && (
        <p class="registration-decided">
          {r.decided_at !== null && t('admin_reg.approved_at', { time: formatDayTime(r.decided_at), name: r.decided_by_name ?? '' })}
          {r.family_id && (
            <>
              {' '}
              <Link to={`/families/${encodeURIComponent(r.family_id)}`}>{t('admin_reg.open_family')}</Link>
            </>
          )}
        </p>
      )}
      {r.status === 'rejected' && (
        <>
          {r.decided_at !== null && (
            <p class="registration-decided">
              {t('admin_reg.rejected_at', { time: formatDayTime(r.decided_at), name: r.decided_by_name ?? '' })}
            </p>
          )}
          <p class="registration-reason">{t('admin_reg.reject_reason_value', { reason: r.reject_reason ?? '' })}</p>
        </>
      )}
      {r.status === 'pending' && actions && (
        <div class="actions">
          <Button busy={actions.busy} onClick={actions.approve} label={t('admin_reg.approve_label', { family })}>
            {t('admin_reg.approve')}
          </Button>
          <Button variant="secondary" disabled={actions.busy} onClick={actions.merge}
            label={t('admin_reg.merge_label', { family })}>
            {t('admin_reg.merge')}
          </Button>
          <Button variant="danger" disabled={actions.busy} onClick={actions.reject}
            label={t('admin_reg.reject_label', { family })}>
            {t('admin_reg.reject')}
          </Button>
        </div>
      )}
    </article>
  );
}
