// The staff PIN of a facility's kiosks (職員メニューの暗証番号): it opens the kiosk's staff
// menu, where staff check in a child by name (a forgotten card). Says whether one is set
// (facility.kiosk_pin_set), never the PIN, which the server keeps hashed. An org_admin
// sets or changes it (4–8 digits, PATCH kiosk_pin) and removes it (kiosk_pin null); other
// staff only read whether it is set.
import { useId, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Facility } from '../../../shared/types';
import { Button, ErrorMessage, Notice } from '../../../shared/ui/feedback';
import { useLoad } from '../../data';
import { useSubmit } from '../../form';
import { api } from '../../../shared/session';
import { LoadStatus } from '../../status';

/** The PIN's input: masked, a number pad on a tablet, never filled in by the browser. */
function PinInput({ value, onValue, error }: { value: string; onValue: (v: string) => void; error?: string }) {
  const id = useId();
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{t('admin_pin.input')}</label>
      <input id={id} name="kiosk_pin" type="password" inputMode="numeric" autoComplete="new-password"
        maxLength={8} value={value} onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
      <p id={`${id}-hint`} class="hint">{t('admin_pin.input_hint')}</p>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

function PinForm({ facility, onSaved }: { facility: Facility; onSaved: (f: Facility) => void }) {
  const [pin, setPin] = useState('');
  const [said, setSaid] = useState('');
  const form = useSubmit();
  const save = (kiosk_pin: string | null, text: string) => {
    setSaid('');
    return form.run(async () => {
      const saved = await api.updateFacility(facility.id, { kiosk_pin });
      setPin('');
      setSaid(text);
      onSaved(saved);
    });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!pin) {
      form.fail(t('admin_pin.required'), { kiosk_pin: t('admin_pin.required') });
      return;
    }
    void save(pin, t('admin_pin.saved'));
  };
  const remove = () => {
    if (!window.confirm(t('admin_pin.remove_confirm'))) return;
    void save(null, t('admin_pin.removed'));
  };
  return (
    <form ref={form.form_ref} onSubmit={submit} noValidate aria-label={t('admin_pin.form')}>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <Notice>{said}</Notice>
      <div class="row row--end">
        <PinInput value={pin} onValue={setPin} error={form.field('kiosk_pin')} />
        <div class="field">
          <Button type="submit" busy={form.busy}>
            {facility.kiosk_pin_set ? t('admin_pin.change') : t('admin_pin.set')}
          </Button>
        </div>
        {facility.kiosk_pin_set && (
          <div class="field">
            <Button variant="danger" busy={form.busy} onClick={remove}>{t('admin_pin.remove')}</Button>
          </div>
        )}
      </div>
    </form>
  );
}

export function KioskPinSection({ facility_id, editable }: { facility_id: string; editable: boolean }) {
  const facility = useLoad(() => api.getFacility(facility_id), [facility_id]);
  const f = facility.data;
  return (
    <section class="card" aria-labelledby="kiosk-pin">
      <h2 id="kiosk-pin">{t('admin_pin.title')}</h2>
      <p class="hint">{t('admin_pin.intro')}</p>
      <LoadStatus loaded={facility} />
      {f && (
        <>
          <p class="pin-state" data-pin-set={f.kiosk_pin_set ? 'yes' : 'no'}>
            <strong>{t('admin_pin.state')}：</strong>
            {f.kiosk_pin_set ? t('admin_pin.is_set') : t('admin_pin.not_set')}
          </p>
          {editable && <PinForm facility={f} onSaved={facility.set} />}
        </>
      )}
    </section>
  );
}
