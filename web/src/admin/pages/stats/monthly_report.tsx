// 利用者実績表: the monthly usage report of the chosen facility (or of every facility, for
// an org admin) — links that download it as Excel, PDF, CSV in UTF-8 and CSV in Shift_JIS
// (the Excel and PDF titles in the Japanese era when 和暦 is ticked), then its figures from
// the report's JSON: per facility the open days, visits, children, adults and first-time
// families (and the total of every facility), and for an after-school club each child who
// came, with the days attended and the minutes after closing time (延長).
import { useState } from 'preact/hooks';
import { gradeLabel, t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { MonthlyReport, MonthlyReportParams } from '../../../shared/types';
import { CheckField } from '../../../shared/ui/fields';
import { Table } from '../../../shared/ui/table';
import { useLoad } from '../../data';
import { LoadStatus } from '../../status';
import { monthLabel } from './stats_parts';

type FacilityReport = MonthlyReport['facilities'][number];
type ChildRow = FacilityReport['children'][number];

interface SummaryRow {
  key: string;
  name: string;
  open_days: number;
  visits: number;
  children: number;
  adults: number;
  first_time_families: number;
}

function summaryRows(report: MonthlyReport): SummaryRow[] {
  const rows: SummaryRow[] = report.facilities.map((f) => ({ key: f.facility.id, name: f.facility.name, open_days: f.open_days, ...f.totals }));
  if (report.facilities.length > 1) rows.push({ key: 'total', name: t('stats.report_all'), ...report.total });
  return rows;
}

function Summary({ report }: { report: MonthlyReport }) {
  return (
    <>
      <h3 id="stats-report-summary">{t('stats.report_summary')}</h3>
      <Table<SummaryRow> labelledBy="stats-report-summary" rows={summaryRows(report)} rowKey={(r) => r.key}
        rowClass={(r) => (r.key === 'total' ? 'stats-total-row' : undefined)} columns={[
          { header: t('stats.col_facility'), cell: (r) => r.name, rowHeader: true },
          { header: t('stats.col_open_days'), cell: (r) => r.open_days },
          { header: t('stats.col_visits'), cell: (r) => r.visits },
          { header: t('stats.col_children'), cell: (r) => r.children },
          { header: t('stats.col_adults'), cell: (r) => r.adults },
          { header: t('stats.col_first_time'), cell: (r) => r.first_time_families },
        ]} />
    </>
  );
}

/** An after-school club's children of the month: days attended, minutes after closing. */
function ClubChildren({ report }: { report: FacilityReport }) {
  const id = `stats-report-children-${report.facility.id}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('stats.report_children', { facility: report.facility.name })}</h3>
      <Table<ChildRow> labelledBy={id} rows={report.children} rowKey={(c) => c.id}
        empty={t('stats.report_no_children')} columns={[
          { header: t('stats.col_child'), cell: (c) => c.name, rowHeader: true },
          { header: t('stats.col_grade'), cell: (c) => gradeLabel(c.grade) },
          { header: t('stats.col_days'), cell: (c) => c.days },
          { header: t('stats.col_extension'), cell: (c) => c.extension_minutes },
        ]} />
    </section>
  );
}

export function MonthlyReportSection({ facility_id, month }: { facility_id: string | undefined; month: string }) {
  const [era, setEra] = useState(false);
  const report = useLoad(() => api.monthlyReport({ facility_id, month }), [facility_id, month]);
  const url = (format: MonthlyReportParams['format'], encoding?: MonthlyReportParams['encoding']) =>
    api.monthlyReportUrl({ facility_id, month, format, encoding, era: era && format !== 'csv' ? 'japanese' : undefined });
  return (
    <section class="stats-report" aria-labelledby="stats-report">
      <h2 id="stats-report">{t('stats.report_title', { month: monthLabel(month) })}</h2>
      <p>{t('stats.report_intro')}</p>
      <CheckField label={t('stats.report_era')} name="era" checked={era} onChecked={setEra} />
      <ul class="downloads stats-downloads" aria-label={t('stats.report_downloads')}>
        <li><a class="btn btn--secondary" href={url('xlsx')} download>{t('stats.report_xlsx')}</a></li>
        <li><a class="btn btn--secondary" href={url('pdf')} download>{t('stats.report_pdf')}</a></li>
        <li><a class="btn btn--secondary" href={url('csv', 'utf-8')} download>{t('stats.report_csv_utf8')}</a></li>
        <li><a class="btn btn--secondary" href={url('csv', 'shift_jis')} download>{t('stats.report_csv_sjis')}</a></li>
      </ul>
      <LoadStatus loaded={report} />
      {report.data && (
        <>
          <Summary report={report.data} />
          {report.data.facilities.filter((f) => f.facility.kind === 'after_school')
            .map((f) => <ClubChildren key={f.facility.id} report={f} />)}
        </>
      )}
    </section>
  );
}
