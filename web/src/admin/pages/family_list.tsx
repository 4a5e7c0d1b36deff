// 世帯一覧: search by name or kana (the query stays in the URL), a page at a time; the
// families ticked get their window letters (登録案内状) in one PDF, after a confirm.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { Button, ErrorMessage, Notice } from '../../shared/ui/feedback';
import { Table } from '../../shared/ui/table';
import { useFacilities, usePaged } from '../data';
import { FamilySearchForm } from '../family_search';
import { LetterDialog, LetterLink, useLetter } from '../invitation';
import { PageHead } from '../layout';
import { go, Link, useLocation } from '../router';
import { api, isAdmin, useSession } from '../../shared/session';
import { LoadStatus, MoreButton } from '../status';

const kPageSize = 50;
/** The most families POST /invitations.pdf takes at once. */
const kMaxLetters = 50;

export function FamilyList() {
  const { user } = useSession();
  const { params } = useLocation();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const families = usePaged((cursor) => api.listFamilies({ q, limit: kPageSize, cursor }), [q]);
  const facilities = useFacilities();
  const facility_name = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? '';
  const [chosen, setChosen] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const [printed, setPrinted] = useState(false);
  const letter = useLetter();
  const choose = (id: string, on: boolean) => {
    setPrinted(false);
    setChosen((ids) => (on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((x) => x !== id)));
  };
  const too_many = chosen.length > kMaxLetters;

  return (
    <>
      <PageHead title={t('family.list_title')}>
        <Link to="/families/new" class="btn btn--primary">{t('family.new')}</Link>
        {isAdmin(user) && <Link to="/imports" class="btn btn--secondary">{t('import.link')}</Link>}
      </PageHead>
      <FamilySearchForm value={text} onValue={setText}
        onSearch={(trimmed) => go(trimmed ? `/families?q=${encodeURIComponent(trimmed)}` : '/families')} />
      <LoadStatus loaded={families.first} />
      {families.items && (
        <>
          <p role="status">{t('family.count', { n: families.items.length })}</p>
          <div class="actions no-print">
            <Button variant="secondary" disabled={chosen.length === 0 || too_many}
              onClick={() => { setPrinted(false); setAsking(true); }}>
              {t('admin_letter.print_selected', { n: chosen.length })}
            </Button>
          </div>
          <ErrorMessage>{too_many ? t('admin_letter.too_many', { max: kMaxLetters }) : ''}</ErrorMessage>
          {printed && <Notice>{t('admin_letter.done')}</Notice>}
          <LetterLink letter={letter} />
          {asking && (
            <LetterDialog text={t('admin_letter.confirm_many_text', { n: chosen.length })}
              fetch={() => api.invitationsPdf(chosen)} file={t('admin_letter.file_many', { n: chosen.length })}
              letter={letter} onClose={() => setAsking(false)}
              onDone={() => { setAsking(false); setPrinted(true); }} />
          )}
          <Table label={t('family.list_title')} rows={families.items} rowKey={(f) => f.id} columns={[
            {
              header: <span class="visually-hidden">{t('admin_letter.select_col')}</span>, class: 'no-print',
              cell: (f) => (
                <input type="checkbox" class="row-check" checked={chosen.includes(f.id)}
                  aria-label={t('admin_letter.select', { name: f.name })}
                  onChange={(e) => choose(f.id, e.currentTarget.checked)} />
              ),
            },
            { header: t('family.name'), cell: (f) => <Link to={`/families/${encodeURIComponent(f.id)}`}>{f.name}</Link> },
            { header: t('family.guardians'), cell: (f) => f.guardians.map((g) => g.name).join('、') },
            {
              header: t('family.children'),
              cell: (f) => f.children.map((c) => (c.name_kana ? `${c.name}（${c.name_kana}）` : c.name)).join('、'),
            },
            {
              header: t('family.enrollments'),
              cell: (f) => [...new Set(f.enrollments.map((e) => e.facility_id))].map(facility_name).join('、'),
            },
          ]} />
          <MoreButton paged={families} />
        </>
      )}
    </>
  );
}
