// A small card form around GuardianFields or ChildFields, for adding or editing one
// person on the family page. submit() gets the draft; its ApiError shows in the form.
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { useSubmit } from '../../form';

interface FieldsProps<D> {
  prefix: string;
  value: D;
  onChange: (value: D) => void;
  error: (name: string) => string | undefined;
}

export interface DraftFormProps<D> {
  title: string;
  initial: D;
  Fields: ComponentType<FieldsProps<D>>;
  submitLabel: string;
  submit: (draft: D) => Promise<void>;
  onCancel: () => void;
}

export function DraftForm<D>({ title, initial, Fields, submitLabel, submit, onCancel }: DraftFormProps<D>) {
  const [draft, setDraft] = useState(initial);
  const form = useSubmit();
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void form.run(() => submit(draft));
  };
  return (
    <form ref={form.form_ref} onSubmit={onSubmit} noValidate class="card" aria-label={title}>
      <h3>{title}</h3>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <Fields prefix="" value={draft} onChange={setDraft} error={form.field} />
      <div class="actions">
        <Button type="submit" busy={form.busy}>{submitLabel}</Button>
        <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
