// アンケート: the surveys staff sent, newest first, all or only the open ones (kept in the
// URL), a page at a time. Each row says its title (a link to its page and results), its
// status, when it closes and how many of the families it reached answered (12/30).
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { StaffSurvey } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { CheckField } from '../../../shared/ui/fields';
import { Table, type Column } from '../../../shared/ui/table';
import { usePaged } from '../../data';
import { useFilters } from '../../filters';
import { PageHead } from '../../layout';
import { Link } from '../../router';
import { LoadStatus, MoreButton } from '../../status';
import { shortDateTime } from '../roster/roster_row';
import { SurveyStatusBadge } from './survey_parts';

const kPageSize = 50;
const kUnset = { open: false };

function columns(): Column<StaffSurvey>[] {
  return [
    {
      header: t('survey.col_title'), rowHeader: true,
      cell: (s) => <Link to={`/surveys/${encodeURIComponent(s.id)}`}>{s.title}</Link>,
    },
    { header: t('survey.col_status'), class: 'nowrap', cell: (s) => <SurveyStatusBadge status={s.status} /> },
    { header: t('survey.col_closes_at'), class: 'nowrap', cell: (s) => shortDateTime(s.closes_at) },
    {
      header: t('survey.col_respondents'), class: 'nowrap',
      cell: (s) => t('survey.respondents_of', { respondents: s.respondents, families: s.families }),
    },
  ];
}

export function SurveyList() {
  const filters = useFilters('/surveys', kUnset);
  const { applied, draft, set } = filters;
  const rows = usePaged((cursor) => api.surveys({
    open: applied.open ? 'true' : undefined, cursor: cursor ?? undefined, limit: kPageSize,
  }), [filters.path]);

  return (
    <>
      <PageHead title={t('survey.list_title')}>
        <Link to="/surveys/new" class="btn btn--primary">{t('survey.new')}</Link>
      </PageHead>
      <form class="toolbar" onSubmit={filters.apply} aria-label={t('survey.filters')}>
        <CheckField label={t('survey.open_only')} name="open" checked={draft.open} onChecked={(open) => set({ open })} />
        <Button type="submit">{t('survey.apply')}</Button>
      </form>
      <LoadStatus loaded={rows.first} />
      {rows.items && (
        <>
          <p role="status">{t('survey.count', { n: rows.items.length })}</p>
          <Table label={t('survey.list_title')} rows={rows.items} rowKey={(s) => s.id}
            empty={t('survey.none')} columns={columns()} />
          <MoreButton paged={rows} />
        </>
      )}
    </>
  );
}
