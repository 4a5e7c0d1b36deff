// Changing one's own password; `forced` when the server requires it before anything else.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { Button, ErrorMessage, Notice } from '../../shared/ui/feedback';
import { TextField } from '../../shared/ui/fields';
import { useSubmit } from '../form';
import { Frame, useTitle } from '../layout';
import { api, useSession } from '../../shared/session';

export function ChangePassword({ forced, onDone }: { forced: boolean; onDone: () => void }) {
  useTitle(t('password.title'));
  const { signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useSubmit();

  const submit = (e: Event) => {
    e.preventDefault();
    if (next !== confirm) {
      form.fail(t('password.mismatch'), { confirm_password: t('password.mismatch') });
      return;
    }
    void form.run(async () => {
      await api.changePassword({ current_password: current, new_password: next });
      onDone();
    });
  };

  const sign_out = (
    <Button variant="link" onClick={() => void signOut()}>{t('nav.sign_out')}</Button>
  );
  return (
    <Frame actions={sign_out}>
      <h1>{t('password.title')}</h1>
      {forced && <Notice>{t('password.forced')}</Notice>}
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('password.current')} name="current_password" type="password" value={current}
          onValue={setCurrent} autoComplete="current-password" required autoFocus
          error={form.field('current_password')} />
        <TextField label={t('password.new')} name="new_password" type="password" value={next}
          onValue={setNext} autoComplete="new-password" required hint={t('password.new_hint')}
          error={form.field('new_password')} />
        <TextField label={t('password.confirm')} name="confirm_password" type="password" value={confirm}
          onValue={setConfirm} autoComplete="new-password" required error={form.field('confirm_password')} />
        <Button type="submit" busy={form.busy}>{t('password.submit')}</Button>
      </form>
    </Frame>
  );
}
