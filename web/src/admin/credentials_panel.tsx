// The one-time display of guardians' logins and initial passwords, printable.
// The passwords live only in the caller's state: once closed they are gone.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';
import { Table } from '../shared/ui/table';

export interface IssuedLogin {
  name: string;
  login: string;
  initial_password: string;
}

export function CredentialsPanel({ family, logins, onDone }: { family: string; logins: IssuedLogin[]; onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class="card credentials" aria-labelledby="credentials-title" tabIndex={-1} ref={ref}>
      <h2 id="credentials-title">{t('credentials.title')}</h2>
      <p class="warning" role="alert">{t('credentials.warning')}</p>
      <p><strong>{t('family.name')}:</strong> {family}</p>
      <Table labelledBy="credentials-title" rows={logins} rowKey={(l) => l.login} columns={[
        { header: t('guardian.name'), cell: (l) => l.name },
        { header: t('credentials.login'), cell: (l) => <code class="login">{l.login}</code> },
        { header: t('credentials.password'), cell: (l) => <code class="initial-password">{l.initial_password}</code> },
      ]} />
      <div class="actions">
        <Button variant="secondary" onClick={() => window.print()}>{t('common.print')}</Button>
        <Button onClick={onDone}>{t('credentials.done')}</Button>
      </div>
    </section>
  );
}
