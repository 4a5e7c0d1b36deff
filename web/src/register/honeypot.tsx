// The honeypot field "website": a text input people never see nor reach (moved off the
// screen, hidden from screen readers, out of the Tab order, no autofill). Programs that
// fill every input fill it too, which tells the server they are not a person.
import { t } from '../shared/i18n';

export function Honeypot({ value, onValue }: { value: string; onValue: (value: string) => void }) {
  return (
    <div class="reg-trap" aria-hidden="true">
      <label>
        {t('register.trap_label')}
        <input type="text" name="website" tabIndex={-1} autoComplete="off" value={value}
          onInput={(e) => onValue(e.currentTarget.value)} />
      </label>
    </div>
  );
}
