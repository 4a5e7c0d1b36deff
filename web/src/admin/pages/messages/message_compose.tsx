// 新しいお知らせ: writing a message (title, body, priority, channels, audience with its
// live count, attachments, an optional time to send) beside a preview of what a parent
// sees. One client_id per form makes a double click send once. An emergency asks first
// (it goes at once to everyone on every channel, ignoring quiet hours). Once sent or
// scheduled, the message's page opens.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Attachment, MessageChannel, MessageInput, MessagePriority } from '../../../shared/types';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { CheckboxGroup, TextAreaField, TextField } from '../../../shared/ui/fields';
import { orgTimeOf } from '../../../shared/ui/time';
import { useSubmit } from '../../form';
import { PageHead } from '../../layout';
import { go, Link } from '../../router';
import { AttachmentField } from './attachment_field';
import { AudienceFields, audienceOf, kAnyone, type AudienceDraft } from './audience_fields';
import { channelLabel, ConfirmDialog, kMessageChannels, MessageText, priorityLabel } from './message_parts';

// The server's limits (server/src/rules/messages.h), in code points.
const kTitleMax = 100;
const kBodyMax = 10_000;
const kPriorities: readonly MessagePriority[] = ['normal', 'emergency'];

const codePoints = (s: string) => [...s].length;

interface Draft {
  title: string;
  body: string;
  priority: MessagePriority;
  channels: MessageChannel[];
  audience: AudienceDraft;
  attachments: Attachment[];
  send_at: string;
}

const kEmpty: Draft = {
  title: '', body: '', priority: 'normal', channels: [...kMessageChannels], audience: kAnyone, attachments: [], send_at: '',
};

function Preview({ draft }: { draft: Draft }) {
  return (
    <section class="card message-preview" aria-labelledby="message-preview">
      <h2 id="message-preview">{t('msg.preview')}</h2>
      {draft.priority === 'emergency' && <p><span class="badge badge--not_arrived">{priorityLabel('emergency')}</span></p>}
      <h3>{draft.title.trim() || t('msg.preview_empty')}</h3>
      <MessageText text={draft.body} />
      {draft.attachments.length > 0 && (
        <ul>{draft.attachments.map((a) => <li key={a.id}>{a.name}</li>)}</ul>
      )}
    </section>
  );
}

export function MessageCompose() {
  const [draft, setDraft] = useState<Draft>(kEmpty);
  const [confirming, setConfirming] = useState(false);
  const client_id = useMemo(() => crypto.randomUUID(), []);
  const form = useSubmit();
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const emergency = draft.priority === 'emergency';

  const send = () => {
    setConfirming(false);
    void form.run(async () => {
      const input: MessageInput = {
        title: draft.title.trim(), body: draft.body, priority: draft.priority,
        audience: audienceOf(draft.audience),
        channels: emergency ? [...kMessageChannels] : draft.channels,
        attachment_ids: draft.attachments.map((a) => a.id), client_id,
      };
      const send_at = emergency ? undefined : orgTimeOf(draft.send_at);
      if (send_at) input.send_at = send_at;
      const sent = await api.sendMessage(input);
      go(`/messages/${encodeURIComponent(sent.message.id)}`);
    });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    if (emergency) setConfirming(true);
    else send();
  };

  return (
    <>
      <PageHead title={t('msg.compose_title')} />
      <div class="compose">
        <form ref={form.form_ref} onSubmit={submit} noValidate class="card">
          <ErrorMessage>{form.errors.message}</ErrorMessage>
          <TextField label={t('msg.title')} name="title" value={draft.title} required
            hint={t('msg.length', { n: codePoints(draft.title), max: kTitleMax })}
            onValue={(title) => set({ title })} error={form.field('title')} />
          <TextAreaField label={t('msg.body')} name="body" value={draft.body} required rows={8}
            hint={t('msg.body_hint', { n: codePoints(draft.body), max: kBodyMax })}
            onValue={(body) => set({ body })} error={form.field('body')} />
          <fieldset class="choices">
            <legend>{t('msg.priority')}</legend>
            {kPriorities.map((p) => (
              <label key={p} class="choice">
                <input type="radio" name="priority" value={p} checked={draft.priority === p}
                  onChange={() => set({ priority: p })} />
                {priorityLabel(p)}
              </label>
            ))}
            {emergency && <p class="hint">{t('msg.priority_emergency_hint')}</p>}
          </fieldset>
          {emergency
            ? <p class="hint">{t('msg.channels_emergency_hint')}</p>
            : <CheckboxGroup legend={t('msg.channels')} name="channels"
                options={kMessageChannels.map((c) => ({ value: c, label: channelLabel(c) }))}
                selected={draft.channels} onSelected={(c) => set({ channels: c as MessageChannel[] })}
                error={form.field('channels')} />}
          <AudienceFields value={draft.audience} onValue={(audience) => set({ audience })} field={form.field} />
          <AttachmentField value={draft.attachments} onValue={(attachments) => set({ attachments })}
            error={form.field('attachment_ids')} />
          {!emergency && (
            <DateTimeField value={draft.send_at} onValue={(send_at) => set({ send_at })} error={form.field('send_at')} />
          )}
          <div class="actions">
            <Button type="submit" variant={emergency ? 'danger' : 'primary'} busy={form.busy}>
              {!emergency && draft.send_at ? t('msg.schedule') : t('msg.send')}
            </Button>
            <Link to="/messages" class="btn btn--secondary">{t('common.cancel')}</Link>
          </div>
        </form>
        <Preview draft={draft} />
      </div>
      {confirming && (
        <ConfirmDialog title={t('msg.confirm_title')} text={t('msg.confirm_text')} confirm={t('msg.confirm_send')}
          onConfirm={send} onClose={() => setConfirming(false)} />
      )}
    </>
  );
}

/** The optional time to send, as <input type="datetime-local"> (the organization's wall clock). */
function DateTimeField({ value, onValue, error }: { value: string; onValue: (v: string) => void; error?: string }) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for="message-send-at">{t('msg.send_at')}</label>
      <input id="message-send-at" type="datetime-local" name="send_at" value={value}
        onInput={(e) => onValue(e.currentTarget.value)} aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'message-send-at-hint message-send-at-error' : 'message-send-at-hint'} />
      <p id="message-send-at-hint" class="hint">{t('msg.send_at_hint')}</p>
      {error && <p id="message-send-at-error" class="field-error">{error}</p>}
    </div>
  );
}
