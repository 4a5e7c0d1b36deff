// One message from the facility (/app/messages/<id>, where the notifications link): its
// title, when and who sent it, the text with its line breaks and links, and the attached
// files (a PDF newsletter, a picture) to open. Opening it tells the server the family has
// read it, once. A message that did not reach the family is not found.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { t } from '../../shared/i18n';
import { useLoad } from '../../shared/data';
import { errorText } from '../../shared/form';
import type { Attachment } from '../../shared/types';
import { ErrorMessage, Loading } from '../../shared/ui/feedback';
import { MessageText } from '../../shared/ui/message_text';
import { calendarDate, clockTime } from '../../shared/ui/time';
import { formatDay } from '../dates';
import { PageHead, refreshUnread, useTitle } from '../layout';
import { Link } from '../router';
import { api } from '../../shared/session';

/** 240 KB, 1.2 MB: the size a parent on a phone wants to know before opening. */
function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const kTypeKey = { 'application/pdf': 'inbox_msg.type_pdf', 'image/png': 'inbox_msg.type_image', 'image/jpeg': 'inbox_msg.type_image' } as const;

export function MessagePage({ id }: { id: string }) {
  const loaded = useLoad(() => api.myMessage(id), [id]);
  const m = loaded.data;
  useEffect(() => {
    if (m && !m.read_at) void api.readMessage(m.id).then(refreshUnread, () => undefined);
  }, [m?.id]);

  const back = <p><Link to="/messages">{t('inbox_msg.back')}</Link></p>;
  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFoundMessage back={back} />;
  if (!m) {
    return (
      <>
        <PageHead title={t('inbox_msg.title')} />
        {loaded.error !== null ? <ErrorMessage>{errorText(loaded.error)}</ErrorMessage> : <Loading label={t('common.loading')} />}
        {back}
      </>
    );
  }
  return (
    <>
      <PageHead title={m.title} />
      <p class="meta">
        {m.priority === 'emergency' && <span class="badge badge--emergency">{t('emergency.badge')}</span>}{' '}
        {m.sent_at && <time dateTime={m.sent_at}>{formatDay(calendarDate(m.sent_at))} {clockTime(m.sent_at)}</time>}
        {' '}{t('inbox_msg.from', { name: m.sender.name })}
      </p>
      {m.priority === 'emergency' && m.ended_at && <p class="meta">{t('emergency.ended')}</p>}
      <MessageText text={m.body} />
      {m.attachments.length > 0 && (
        <section aria-labelledby="message-files">
          <h2 id="message-files">{t('inbox_msg.attachments')}</h2>
          <ul class="pa-files">
            {m.attachments.map((a) => <FileLink key={a.id} file={a} />)}
          </ul>
        </section>
      )}
      {back}
    </>
  );
}

function FileLink({ file }: { file: Attachment }) {
  return (
    <li>
      <a href={api.attachmentUrl(file.id)} target="_blank" rel="noopener">{file.name}</a>
      <span class="meta"> {t(kTypeKey[file.content_type])}・{sizeText(file.size)}</span>
    </li>
  );
}

function NotFoundMessage({ back }: { back: ComponentChildren }) {
  useTitle(t('inbox_msg.not_found'));
  return (
    <>
      <h1>{t('inbox_msg.not_found')}</h1>
      <p>{t('inbox_msg.not_found_body')}</p>
      {back}
    </>
  );
}
