// 表示中をすべて確認済みにする on the 連絡 page: after a dialog that says how many, every
// line shown when it was confirmed is acknowledged (POST /plans/{id}/acknowledge, one
// request a line, kParallel at a time) while a progress bar counts them; then the page
// says how many were acknowledged and lists each line that failed with its reason (the
// others are kept acknowledged), and onDone reloads the list. An answer 401 ends the session.
import { useContext, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/form';
import { t } from '../../shared/i18n';
import { api, SessionContext } from '../../shared/session';
import type { PendingPlan } from '../../shared/types';
import { ConfirmDialog } from '../../shared/ui/confirm_dialog';
import { Button, ErrorMessage, Notice } from '../../shared/ui/feedback';

const kParallel = 4;

interface Failure {
  line: PendingPlan;
  text: string;
}

interface Run {
  total: number;
  done: number;
  failures: Failure[];
  finished: boolean;
}

export interface AcknowledgeAllProps {
  lines: PendingPlan[];
  /** What a line is, as its own 確認 button says it ("山田 ひかり 6/11 欠席"). */
  describe: (line: PendingPlan) => string;
  onDone: () => void;
}

/** Runs each(item) for every item, `parallel` at a time; resolves when all have settled. */
async function eachInParallel<T>(items: T[], parallel: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

export function AcknowledgeAll({ lines, describe, onDone }: AcknowledgeAllProps) {
  const session = useContext(SessionContext);
  const [confirming, setConfirming] = useState<PendingPlan[] | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const running = !!run && !run.finished;

  const start = async (chosen: PendingPlan[]) => {
    setConfirming(null);
    setRun({ total: chosen.length, done: 0, failures: [], finished: false });
    let expired = false;
    await eachInParallel(chosen, kParallel, async (line) => {
      if (expired) return;
      let failure: Failure | null = null;
      try {
        await api.acknowledgePlan(line.id);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) expired = true;
        failure = { line, text: errorText(err) };
      }
      setRun((r) => r && { ...r, done: r.done + 1, failures: failure ? [...r.failures, failure] : r.failures });
    });
    if (expired && session) {
      session.expire();
      return;
    }
    setRun((r) => r && { ...r, finished: true });
    onDone();
  };

  const succeeded = run ? run.done - run.failures.length : 0;
  return (
    <>
      {lines.length > 1 && (
        <div class="toolbar no-print">
          <Button variant="secondary" busy={running} onClick={() => setConfirming(lines)}>{t('pending.ack_all')}</Button>
        </div>
      )}
      {running && (
        <div role="status" aria-atomic="true">
          <label class="meta">
            {t('pending.ack_all_progress', { done: run.done, n: run.total })}
            <progress max={run.total} value={run.done} />
          </label>
        </div>
      )}
      {run?.finished && succeeded > 0 && <Notice>{t('pending.ack_all_done', { n: succeeded })}</Notice>}
      {run?.finished && run.failures.length > 0 && (
        <ErrorMessage>
          {t('pending.ack_all_failed', { n: run.failures.length })}
          <ul>
            {run.failures.map((f) => <li key={f.line.id}>{describe(f.line)}: {f.text}</li>)}
          </ul>
        </ErrorMessage>
      )}
      {confirming && (
        <ConfirmDialog title={t('pending.ack_all_title', { n: confirming.length })}
          text={t('pending.ack_all_text', { n: confirming.length })}
          confirm={t('pending.ack_all_confirm', { n: confirming.length })}
          onConfirm={() => void start(confirming)} onClose={() => setConfirming(null)} />
      )}
    </>
  );
}
