// CSV取り込み (org_admin): how the file is written and a sample (import_columns.tsx); the
// file chosen is read once into memory and checked at once by a dry run, whose report
// shows (import_report.tsx); a file with no error is then imported with 「取り込む」 — the
// very bytes checked — and the job is polled every kPollMs (at most kMaxPolls times) with a
// progress bar until it is done or failed (a failed import kept nothing: it may be tried
// again). Anyone else is told the page is for administrators (the server refuses them too).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useAction } from '../../../shared/action';
import { ApiError } from '../../../shared/api';
import { errorText } from '../../../shared/form';
import { knownReason, reasonText, t } from '../../../shared/i18n';
import { api, isAdmin, useSession } from '../../../shared/session';
import type { ImportJob, ImportReport } from '../../../shared/types';
import { ErrorMessage, Loading, Notice } from '../../../shared/ui/feedback';
import { PageHead } from '../../layout';
import { Link } from '../../router';
import { ImportColumns } from './import_columns';
import { ImportReportView } from './import_report';
import './imports.css';

/** How often a running import is asked for its progress. */
const kPollMs = 500;
/** The most progress polls of one import (10 minutes); then the page stops asking. */
const kMaxPolls = 1200;

/** A file checked by the dry run: its name, its bytes as read then, and the report. */
interface Checked {
  name: string;
  bytes: Blob;
  report: ImportReport;
}

export function ImportsPage() {
  const { user } = useSession();
  return (
    <>
      <PageHead title={t('import.title')}>
        <Link to="/families" class="btn btn--secondary">{t('import.to_families')}</Link>
      </PageHead>
      {isAdmin(user) ? <Importer /> : <p>{t('import.admin_only')}</p>}
    </>
  );
}

/** Why the server refused the whole file (not_csv_text, bad_csv…), or the error's usual text. */
function refusedText(err: unknown): string {
  if (err instanceof ApiError && err.code === 'invalid_argument' && knownReason(err.reason)) {
    return reasonText(err.reason, {}, err.message);
  }
  return errorText(err);
}

function Importer() {
  const id = useId();
  const { expire } = useSession();
  const [checking, setChecking] = useState(false);
  const [refused, setRefused] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [lost, setLost] = useState('');
  const start = useAction();
  const seq = useRef(0);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const mine = ++seq.current;
    setChecked(null);
    setRefused('');
    setJob(null);
    setLost('');
    setChecking(true);
    try {
      const bytes = new Blob([await file.arrayBuffer()], { type: 'text/csv' });
      const report = await api.dryRunImport(bytes);
      if (mine === seq.current) setChecked({ name: file.name, bytes, report });
    } catch (err) {
      if (mine !== seq.current) return;
      if (err instanceof ApiError && err.status === 401) expire();
      else setRefused(t('import.file_refused', { name: file.name, text: refusedText(err) }));
    } finally {
      if (mine === seq.current) setChecking(false);
    }
  };

  // Polls the running job until it is done or failed, kMaxPolls times at most.
  const running_id = job?.status === 'running' ? job.id : null;
  useEffect(() => {
    if (!running_id) return;
    let stopped = false;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      timer = null;
      try {
        const now = await api.getImport(running_id);
        if (stopped) return;
        setJob(now);
        if (now.status !== 'running') return;
      } catch (err) {
        if (stopped) return;
        if (err instanceof ApiError && err.status === 401) expire();
        else setLost(`${t('import.lost')} ${errorText(err)}`);
        return;
      }
      if (++polls >= kMaxPolls) setLost(t('import.lost'));
      else timer = setTimeout(() => void poll(), kPollMs);
    };
    timer = setTimeout(() => void poll(), kPollMs);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [running_id]);

  const report = checked?.report;
  const hint = !report || (job && job.status !== 'failed') ? ''
    : !report.ok ? t('import.fix_hint')
    : report.families === 0 ? t('import.nothing_hint')
    : t('import.ready_hint', { families: report.families, children: report.children });

  return (
    <>
      <p>{t('import.intro')}</p>
      <ImportColumns />
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('import.choose_title')}</h2>
        <div class="field">
          <label for={id}>{t('import.file')}</label>
          <input id={id} type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint`}
            disabled={running_id !== null && !lost}
            // Cleared as the picker opens, so that choosing the same file again (corrected) checks it again.
            onClick={(e) => { e.currentTarget.value = ''; }}
            onChange={(e) => void choose(e.currentTarget)} />
          <p id={`${id}-hint`} class="hint">{t('import.file_hint')}</p>
        </div>
        {checking && <Loading label={t('import.checking')} />}
        <ErrorMessage>{refused}</ErrorMessage>
      </section>
      {checked && report && (
        <ImportReportView report={report} name={checked.name}>
          <div class="actions">
            <button type="button" class="btn btn--primary" aria-describedby={hint ? `${id}-start-hint` : undefined}
              disabled={!report.ok || report.families === 0 || (job !== null && job.status !== 'failed') || !!start.busy}
              aria-busy={start.busy ? 'true' : undefined}
              onClick={() => void start.run(async () => setJob(await api.startImport(checked.bytes)))}>
              {t('import.start')}
            </button>
          </div>
          {hint && <p id={`${id}-start-hint`} class={report.ok ? 'hint' : 'field-error'}>{hint}</p>}
          <ErrorMessage>{start.error}</ErrorMessage>
          {job && <JobProgress job={job} />}
          <ErrorMessage>{lost}</ErrorMessage>
        </ImportReportView>
      )}
    </>
  );
}

/** The job's progress bar ("12 / 30 世帯") and, once it ended, its outcome. */
function JobProgress({ job }: { job: ImportJob }) {
  const said = t('import.progress', { done: job.done, total: job.total });
  if (job.status === 'failed') {
    const text = job.error ? reasonText(job.error.reason, {}, job.error.message) : t('error.internal');
    return <ErrorMessage>{t('import.failed', { text })}</ErrorMessage>;
  }
  return (
    <>
      <div class="import-progress">
        <progress max={job.total} value={job.done} aria-label={t('import.progress_label')} aria-valuetext={said} />
        <span>{said}</span>
        {job.status === 'running' && <span class="meta">{t('import.running')}</span>}
      </div>
      {job.status === 'done' && (
        <Notice>
          {t('import.done', { n: job.done })} {t('import.done_letters')}{' '}
          <Link to="/families">{t('import.to_families')}</Link>
        </Notice>
      )}
    </>
  );
}
