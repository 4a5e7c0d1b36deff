// The pairing screen: staff paste the kiosk token issued on the facility page of the
// admin app (or open the /kiosk/#token=… link, which skips this screen).
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button, ErrorMessage } from '../shared/ui/feedback';

export function PairingScreen({ error, busy, onToken }: { error: string; busy: boolean; onToken: (token: string) => void }) {
  const [token, setToken] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (token.trim()) onToken(token.trim());
  };
  return (
    <main class="narrow pairing" id="main">
      <h1>{t('kiosk.pair_title')}</h1>
      <p>{t('kiosk.pair_intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorMessage>{error}</ErrorMessage>
        <div class="field">
          <label for="kiosk-token">{t('kiosk.pair_token')}</label>
          <textarea id="kiosk-token" name="token" rows={3} value={token} autoComplete="off" spellcheck={false}
            required autoFocus onInput={(e) => setToken(e.currentTarget.value)} />
        </div>
        <Button type="submit" busy={busy} disabled={!token.trim()}>{t('kiosk.pair_submit')}</Button>
      </form>
    </main>
  );
}
