// The one-time display of guardians' logins and initial passwords, printable. On screen,
// staff see a warning and 伝えました; what prints is a letter to the family (greeting, what
// the login is for, where to sign in — the parents' app at this server's /app/ — and that
// the password must be changed at the first sign-in) with each guardian's login and
// initial password, in the current language. The passwords live only in the caller's
// state: once closed they are gone.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';
import { Table } from '../shared/ui/table';

export interface IssuedLogin {
  name: string;
  login: string;
  initial_password: string;
}

/** The address of the parents' app on this server, as printed on the letter. */
const appAddress = () => `${window.location.origin}/app/`;

function FamilyLetter({ family, logins }: { family: string; logins: IssuedLogin[] }) {
  return (
    <div class="family-letter">
      <p class="letter-to">{t('letter.to', { family })}</p>
      <h3 id="letter-title">{t('letter.title')}</h3>
      <p>{t('letter.greeting')}</p>
      <p>{t('letter.purpose')}</p>
      <p>{t('letter.where')}</p>
      <p class="letter-address"><code>{appAddress()}</code></p>
      <Table labelledBy="letter-title" rows={logins} rowKey={(l) => l.login} columns={[
        { header: t('letter.guardian'), cell: (l) => l.name },
        { header: t('credentials.login'), cell: (l) => <code class="login">{l.login}</code> },
        { header: t('credentials.password'), cell: (l) => <code class="initial-password">{l.initial_password}</code> },
      ]} />
      <p><strong>{t('letter.first_sign_in')}</strong></p>
      <p>{t('letter.keep')}</p>
    </div>
  );
}

export function CredentialsPanel({ family, logins, onDone }: { family: string; logins: IssuedLogin[]; onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class="card credentials" aria-labelledby="credentials-title" tabIndex={-1} ref={ref}>
      <h2 id="credentials-title" class="no-print">{t('credentials.title')}</h2>
      <p class="warning no-print" role="alert">{t('credentials.warning')}</p>
      <FamilyLetter family={family} logins={logins} />
      <div class="actions">
        <Button variant="secondary" onClick={() => window.print()}>{t('common.print')}</Button>
        <Button onClick={onDone}>{t('credentials.done')}</Button>
      </div>
    </section>
  );
}
