// 閲覧履歴 of the family page's 相談記録 (org_admin only): a collapsed <details> that, each
// time it is opened or `version` changes while open, loads the family's audit entries
// (GET /audit?subject=FAMILY_ID) and lists who read or wrote what and when, newest first.
// An action the client has no label for is shown as its id.
import { useEffect, useState } from 'preact/hooks';
import { useAction } from '../../../shared/action';
import { t, type MessageKey } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { AuditEntry } from '../../../shared/types';
import { ErrorMessage, Loading } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { consultationWhen } from './consultation_form';

/** The label of an audit action ("consultation.read" → 相談記録を閲覧); the id when unknown. */
function actionLabel(action: string): string {
  const key = `admin_consult.action.${action}` as MessageKey;
  const text = t(key);
  return text === key ? action : text;
}

export function ConsultationHistory({ family_id, version }: { family_id: string; version: number }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const load = useAction();
  useEffect(() => {
    if (open) void load.run(async () => setEntries(await api.auditOf(family_id)));
  }, [open, version, family_id]);
  return (
    <details class="consultation-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('admin_consult.history')}</summary>
      <p class="hint">{t('admin_consult.history_intro')}</p>
      <ErrorMessage>{load.error}</ErrorMessage>
      {entries === null
        ? open && !load.error && <Loading label={t('common.loading')} />
        : (
          <Table label={t('admin_consult.history')} rows={entries} empty={t('admin_consult.history_none')} columns={[
            { header: t('admin_consult.history_at'), cell: (a) => consultationWhen(a.at) },
            { header: t('admin_consult.history_who'), cell: (a) => a.actor?.name ?? t('admin_consult.unknown'), rowHeader: true },
            { header: t('admin_consult.history_action'), cell: (a) => <span data-action={a.action}>{actionLabel(a.action)}</span> },
          ]} />
        )}
    </details>
  );
}
