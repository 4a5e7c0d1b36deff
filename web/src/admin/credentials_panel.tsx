// The one-time display of guardians' logins and initial passwords, printable.
// The passwords live only in the caller's state: once closed they are gone.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';

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
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('guardian.name')}</th>
              <th scope="col">{t('credentials.login')}</th>
              <th scope="col">{t('credentials.password')}</th>
            </tr>
          </thead>
          <tbody>
            {logins.map((l) => (
              <tr key={l.login}>
                <td>{l.name}</td>
                <td><code class="login">{l.login}</code></td>
                <td><code class="initial-password">{l.initial_password}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <Button variant="secondary" onClick={() => window.print()}>{t('common.print')}</Button>
        <Button onClick={onDone}>{t('credentials.done')}</Button>
      </div>
    </section>
  );
}
