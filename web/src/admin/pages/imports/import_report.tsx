// The dry run's report of a family CSV (CSV取り込み): the summary (encoding, families and
// children to create, known families skipped, rows with errors), the problems of the whole
// file (the header's, rows with too many cells), and a table of the rows — row number,
// family, child, action (作成 / 既存のため取り込まない / エラー) and each problem said by
// its reason in the current language with its column's name — that shows the errors only
// on demand, at most kShownRows rows at a time.
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { reasonText, t } from '../../../shared/i18n';
import type { ImportProblem, ImportReport, ImportRowReport } from '../../../shared/types';
import { Table } from '../../../shared/ui/table';
import { Link } from '../../router';
import { columnLabel } from './import_columns';

/** The most rows the table shows (a file may have 20000). */
const kShownRows = 1000;

/**
 * A problem's text: its reason in the current language. ImportProblem carries no reason
 * parameters, so a text that needs one ({max}…) is said by the server's message instead.
 */
function reasonOf(p: ImportProblem): string {
  const text = reasonText(p.reason, {}, p.message);
  return /\{\w+\}/.test(text) ? p.message : text;
}

/** "生年月日：日付を入力してください。" (or the text alone for a problem of the whole row). */
export function problemText(p: ImportProblem): string {
  const text = reasonOf(p);
  return p.column ? t('import.problem', { column: columnLabel(p.column), text }) : text;
}

/** A problem of the whole file: "見出し行の「備考」：…", "5行目：…". */
function fileProblemText(p: ImportProblem): string {
  const where = p.row === 1 ? t('import.header_row') : t('import.row_n', { row: p.row });
  const text = reasonOf(p);
  return p.column ? t('import.file_problem', { where, column: columnLabel(p.column), text }) : t('import.row_problem', { where, text });
}

const whyText = (why: 'same_child' | 'same_phone') => t(`admin_reg.why.${why}`);

function RowNotes({ item }: { item: ImportRowReport }) {
  const known = item.duplicates.filter((d) => d.family_id);
  const in_file = item.duplicates.filter((d) => !d.family_id && d.row !== null);
  if (item.problems.length === 0 && known.length === 0 && in_file.length === 0) return null;
  return (
    <ul class="import-notes">
      {item.problems.map((p, i) => <li key={`p${i}`} class="field-error">{problemText(p)}</li>)}
      {known.map((d, i) => (
        <li key={`k${i}`}>
          {t('import.known')}
          <Link to={`/families/${encodeURIComponent(d.family_id ?? '')}`}>{d.family_name}</Link>
          {t('admin_reg.duplicate_why', { why: whyText(d.why) })}
        </li>
      ))}
      {in_file.map((d, i) => (
        <li key={`f${i}`} class="import-warning">
          {t('import.same_file', { row: d.row ?? '', family: d.family_name, why: whyText(d.why) })}
        </li>
      ))}
    </ul>
  );
}

/** `children` (the import's button and progress) come after the summary, before the rows. */
export function ImportReportView({ report, name, children }: { report: ImportReport; name: string; children?: ComponentChildren }) {
  const [errors_only, setErrorsOnly] = useState(false);
  const has_errors = report.items.some((i) => i.action === 'error');
  const chosen = errors_only && has_errors ? report.items.filter((i) => i.action === 'error') : report.items;
  const shown = chosen.slice(0, kShownRows);
  const facts: [string, string][] = [
    [t('import.sum.encoding'), t(`import.encoding.${report.encoding}`)],
    [t('import.sum.rows'), t('import.n_rows', { n: report.rows })],
    [t('import.sum.families'), t('import.n_families', { n: report.families })],
    [t('import.sum.children'), t('import.n_children', { n: report.children })],
    [t('import.sum.known'), t('import.n_families', { n: report.duplicate_families })],
    [t('import.sum.errors'), t('import.n_rows', { n: report.errors })],
  ];
  return (
    <section aria-labelledby="import-result-title" class="import-result">
      <h2 id="import-result-title">{t('import.result_title', { name })}</h2>
      <dl class="facts import-summary">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {report.file_problems.length > 0 && (
        <div class="alert alert--error" role="alert">
          <h3>{t('import.file_problems')}</h3>
          <ul>
            {report.file_problems.map((p, i) => <li key={i}>{fileProblemText(p)}</li>)}
          </ul>
        </div>
      )}
      {children}
      {has_errors && (
        <div class="toolbar no-print">
          <label class="choice">
            <input type="checkbox" checked={errors_only} onChange={(e) => setErrorsOnly(e.currentTarget.checked)} />
            {t('import.errors_only')}
          </label>
        </div>
      )}
      {chosen.length > kShownRows && <p class="meta">{t('import.shown_first', { n: kShownRows, total: chosen.length })}</p>}
      <Table label={t('import.rows_label')} rows={shown} rowKey={(i) => i.row} class="import-rows"
        rowClass={(i) => (i.action === 'error' ? 'import-row--error' : undefined)}
        columns={[
          { header: t('import.col.row'), rowHeader: true, cell: (i) => i.row },
          { header: t('import.col.family'), cell: (i) => i.family_name },
          { header: t('import.col.child'), cell: (i) => i.child_name },
          {
            header: t('import.col.action'),
            cell: (i) => <span class={`badge badge--import-${i.action}`}>{t(`import.action.${i.action}`)}</span>,
          },
          { header: t('import.col.problems'), cell: (i) => <RowNotes item={i} /> },
        ]} />
    </section>
  );
}
