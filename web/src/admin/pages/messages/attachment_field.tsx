// The attachments of a message being written: a file input (PDF, PNG, JPEG) whose files
// are each uploaded at once (POST /attachments), then listed with a button to remove one.
// Removing only leaves it out of the message; the upload stays on the server.
import { useId } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Attachment } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button, Loading } from '../../../shared/ui/feedback';

export const kMaxAttachments = 10;
const kAccept = 'application/pdf,image/png,image/jpeg';

/** "1.2 MB", "34 KB" */
function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export interface AttachmentFieldProps {
  value: Attachment[];
  onValue: (value: Attachment[]) => void;
  error?: string;
}

export function AttachmentField({ value, onValue, error }: AttachmentFieldProps) {
  const id = useId();
  const action = useAction();

  const upload = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    void action.run(async () => {
      let list = value;
      try {
        for (const file of files) {
          list = [...list, await api.uploadAttachment(file, file.name, file.type)];
        }
      } finally {
        onValue(list);
      }
      return t('msg.attached', { name: files.map((f) => f.name).join('、') });
    }, { about: files.length === 1 ? files[0].name : undefined });
  };

  return (
    <fieldset class={error ? 'field--invalid' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('msg.attachments')}</legend>
      {value.length > 0 && (
        <ul class="attachments">
          {value.map((a) => (
            <li key={a.id}>
              {a.name} <span class="meta">({sizeText(a.size)})</span>{' '}
              <Button variant="link" label={t('msg.remove_attachment', { name: a.name })}
                onClick={() => onValue(value.filter((x) => x.id !== a.id))}>
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {value.length < kMaxAttachments && (
        <div class="field">
          <label for={id}>{t('msg.attach')}</label>
          <input id={id} type="file" name="attachment_ids" accept={kAccept} multiple
            disabled={!!action.busy} aria-describedby={`${id}-hint`}
            onChange={(e) => upload(e.currentTarget)} />
          <p id={`${id}-hint`} class="hint">{t('msg.attach_hint', { max: kMaxAttachments })}</p>
        </div>
      )}
      {action.busy && <Loading label={t('msg.uploading')} />}
      <Outcome of={action} />
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </fieldset>
  );
}
