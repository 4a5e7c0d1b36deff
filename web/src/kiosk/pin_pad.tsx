// The staff PIN of the kiosk's menu: a numeric keypad on screen (big keys for a tablet,
// 4–8 digits), the digits hidden in a password field that opens no on-screen keyboard
// (a real keyboard may type into it too). onSubmit(pin) asks the server; while it
// answers the keys wait, and a refusal empties the field and shows `error`.
import { useId, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

const kMin = 4;
const kMax = 8;
const kKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export interface PinPadProps {
  /** Resolves true when the PIN opened the menu. */
  onSubmit: (pin: string) => Promise<boolean>;
  /** Why the last PIN was refused ("" when none). */
  error: string;
}

export function PinPad({ onSubmit, error }: PinPadProps) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const press = (digit: string) => setPin((p) => (p + digit).slice(0, kMax));
  const submit = async () => {
    if (pin.length < kMin || busy) return;
    setBusy(true);
    const ok = await onSubmit(pin);
    setBusy(false);
    if (!ok) setPin('');
  };
  return (
    <form class="pin-pad" onSubmit={(e) => {
      e.preventDefault();
      void submit();
    }}>
      <p class="pin-title">{t('kiosk.pin_title')}</p>
      <label for={id} class="visually-hidden">{t('kiosk.pin_label')}</label>
      <input id={id} class="pin-field" type="password" inputMode="none" autoComplete="off" maxLength={kMax}
        value={pin} aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, kMax))} />
      {error && <p id={`${id}-error`} class="pin-error" role="alert">{error}</p>}
      <div class="pin-keys">
        {kKeys.map((d) => (
          <button key={d} type="button" class="pin-key" disabled={busy} onClick={() => press(d)}>{d}</button>
        ))}
        <button type="button" class="pin-key" disabled={busy} aria-label={t('kiosk.pin_delete')}
          onClick={() => setPin((p) => p.slice(0, -1))}>⌫</button>
        <button type="button" class="pin-key" disabled={busy} onClick={() => press('0')}>0</button>
        <button type="submit" class="pin-key pin-key--go" disabled={busy || pin.length < kMin} aria-busy={busy ? 'true' : undefined}>
          {t('kiosk.pin_submit')}
        </button>
      </div>
    </form>
  );
}
