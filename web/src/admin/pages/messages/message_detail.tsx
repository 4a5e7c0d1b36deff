// One message: what was sent (title, body, attachments, priority, channels), its status
// and times, and once sent, how many families it reached and read it, family by family.
// Staff remind the families that have not read it, cancel a scheduled message, and end
// an emergency notice in force (both after confirming).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { MessageReceipt, MessageReceipts, StaffMessage } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { useFacilities, useLoad } from '../../data';
import { PageHead } from '../../layout';
import { Link } from '../../router';
import { LoadStatus } from '../../status';
import { shortDateTime } from '../roster/roster_row';
import {
  channelLabel, ConfirmDialog, inForce, MessageText, PriorityBadge, readPercent, StatusBadge,
} from './message_parts';

interface Loaded {
  message: StaffMessage;
  /** null until the message is sent. */
  receipts: MessageReceipts | null;
}

async function load(id: string): Promise<Loaded> {
  const message = await api.staffMessage(id);
  const receipts = message.status === 'sent' ? await api.messageReceipts(id) : null;
  return { message, receipts };
}

function Facts({ message: m }: { message: StaffMessage }) {
  const facilities = useFacilities();
  const names = m.facility_ids.map((id) => facilities.data?.find((f) => f.id === id)?.name ?? '').filter(Boolean);
  const time = (label: string, iso: string | null) => iso && <><dt>{label}</dt><dd>{shortDateTime(iso)}</dd></>;
  return (
    <dl class="facts">
      <dt>{t('msg.col_priority')}</dt><dd><PriorityBadge priority={m.priority} /></dd>
      <dt>{t('msg.col_status')}</dt><dd><StatusBadge message={m} /></dd>
      <dt>{t('msg.channels')}</dt><dd>{m.channels.map(channelLabel).join('、')}</dd>
      <dt>{t('msg.audience_facilities')}</dt><dd>{names.join('、') || '—'}</dd>
      <dt>{t('msg.sender')}</dt><dd>{m.sender.name}</dd>
      {m.sent_at ? time(t('msg.sent_at'), m.sent_at) : time(t('msg.send_at_label'), m.send_at)}
      {time(t('msg.cancelled_at'), m.cancelled_at)}
      {m.ended_at && (
        <><dt>{t('msg.ended_at')}</dt><dd>{shortDateTime(m.ended_at)}{m.ended_by && `（${m.ended_by.name}）`}</dd></>
      )}
    </dl>
  );
}

function Receipts({ receipts: r }: { receipts: MessageReceipts }) {
  const read = (x: MessageReceipt) =>
    x.read_at ? (x.read_by ? t('msg.read_by', { time: shortDateTime(x.read_at), name: x.read_by.name }) : shortDateTime(x.read_at))
      : t('msg.unread');
  return (
    <section aria-labelledby="message-receipts">
      <h2 id="message-receipts">{t('msg.receipts')}</h2>
      <p class="totals">
        {t('msg.totals', { families: r.families, read: r.read_families, percent: readPercent(r.read_families, r.families) })}
      </p>
      <Table labelledBy="message-receipts" rows={r.items} rowKey={(x) => x.family.id} empty={t('msg.no_receipts')}
        columns={[
          { header: t('msg.family'), rowHeader: true, cell: (x) => x.family.name },
          { header: t('msg.delivered'), cell: (x) => t(x.delivered ? 'msg.delivered_yes' : 'msg.delivered_no') },
          { header: t('msg.read_at'), cell: read },
          { header: t('msg.reminders'), cell: (x) => x.reminders },
        ]} />
    </section>
  );
}

export function MessageDetail({ id }: { id: string }) {
  const loaded = useLoad(() => load(id), [id]);
  const action = useAction();
  const [asking, setAsking] = useState<'cancel' | 'end' | null>(null);
  const m = loaded.data?.message;
  const receipts = loaded.data?.receipts;

  const run = (fn: () => Promise<string>) => {
    setAsking(null);
    void action.run(async () => {
      const said = await fn();
      loaded.reload();
      return said;
    });
  };
  const remind = () => run(async () => t('msg.reminded', { n: await api.remindMessage(id) }));
  const cancel = () => run(async () => (await api.cancelMessage(id), t('msg.cancelled')));
  const end = () => run(async () => (await api.endMessage(id), t('msg.ended')));

  return (
    <>
      <PageHead title={t('msg.detail_title')}>
        <Link to="/messages" class="btn btn--secondary">{t('msg.back')}</Link>
      </PageHead>
      <Outcome of={action} />
      <LoadStatus loaded={loaded} />
      {m && (
        <>
          <section class="card" aria-labelledby="message-title">
            <h2 id="message-title">{m.title}</h2>
            <MessageText text={m.body} />
            {m.attachments.length > 0 && (
              <ul class="attachments" aria-label={t('msg.attachments')}>
                {m.attachments.map((a) => (
                  <li key={a.id}><a href={api.attachmentUrl(a.id)} target="_blank" rel="noopener">{a.name}</a></li>
                ))}
              </ul>
            )}
            <Facts message={m} />
            <div class="actions">
              {m.status === 'sent' && receipts && receipts.read_families < receipts.families && (
                <Button busy={!!action.busy} onClick={remind}>{t('msg.remind')}</Button>
              )}
              {m.status === 'scheduled' && (
                <Button variant="danger" busy={!!action.busy} onClick={() => setAsking('cancel')}>{t('msg.cancel')}</Button>
              )}
              {inForce(m) && (
                <Button variant="danger" busy={!!action.busy} onClick={() => setAsking('end')}>{t('msg.end')}</Button>
              )}
            </div>
          </section>
          {receipts && <Receipts receipts={receipts} />}
        </>
      )}
      {asking === 'cancel' && (
        <ConfirmDialog title={t('msg.cancel_confirm_title')} text={t('msg.cancel_confirm_text')} confirm={t('msg.cancel')}
          busy={!!action.busy} onConfirm={cancel} onClose={() => setAsking(null)} />
      )}
      {asking === 'end' && (
        <ConfirmDialog title={t('msg.end_confirm_title')} text={t('msg.end_confirm_text')} confirm={t('msg.end')}
          busy={!!action.busy} onConfirm={end} onClose={() => setAsking(null)} />
      )}
    </>
  );
}
