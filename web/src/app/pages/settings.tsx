// 設定: push notifications on this device (./push_section), how notifications arrive (per
// kind: push, e-mail, in the app; quiet hours; their language), the family (own contact
// details, the children's care notes and going home alone, inviting another guardian),
// and the account (password, sign-out).
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import type { ChannelChoice, NotificationPreferences } from '../../shared/types';
import { Button, ErrorMessage, Loading, Notice } from '../../shared/ui/feedback';
import { CheckField, SelectField, TextField } from '../../shared/ui/fields';
import { useLoad } from '../../shared/data';
import { errorText, useSubmit } from '../../shared/form';
import { PageHead } from '../layout';
import { PushSection } from './push_section';
import { Link } from '../router';
import { api, useSession } from '../../shared/session';

export function SettingsPage() {
  const { user, signOut } = useSession();
  return (
    <>
      <PageHead title={t('parent.settings_title')} />
      <PushSection />
      <PreferencesSection />
      <section aria-labelledby="family-title" class="card">
        <h2 id="family-title">{t('parent.family_title')}</h2>
        <p>{t('parent.family_intro')}</p>
        <p>{t('parent.family_more')}</p>
        <Link to="/family" class="btn btn--secondary">{t('parent.family_open')}</Link>
      </section>
      <section aria-labelledby="account-title" class="card">
        <h2 id="account-title">{t('parent.account_title')}</h2>
        <p>{t('parent.account_signed_in', { name: user.name, login: user.login })}</p>
        <div class="pa-actions">
          <Link to="/password" class="btn btn--secondary">{t('password.title')}</Link>
          <Button variant="danger" onClick={() => void signOut()}>{t('nav.sign_out')}</Button>
        </div>
      </section>
    </>
  );
}

const kKinds = ['stamps', 'messages'] as const;
const kChannels: (keyof ChannelChoice)[] = ['push', 'email', 'inapp'];

function PreferencesSection() {
  const loaded = useLoad(() => api.notificationPreferences(), []);
  return (
    <section aria-labelledby="prefs-title" class="card">
      <h2 id="prefs-title">{t('parent.prefs.title')}</h2>
      {loaded.error !== null && <ErrorMessage>{errorText(loaded.error)}</ErrorMessage>}
      {loaded.data === null && loaded.error === null && <Loading label={t('common.loading')} />}
      {loaded.data && <PreferencesForm initial={loaded.data} onSaved={loaded.set} />}
    </section>
  );
}

function PreferencesForm({ initial, onSaved }: { initial: NotificationPreferences; onSaved: (p: NotificationPreferences) => void }) {
  const [prefs, setPrefs] = useState(initial);
  const [quiet, setQuiet] = useState(initial.quiet_hours !== null);
  const [from, setFrom] = useState(initial.quiet_hours?.from ?? '21:00');
  const [to, setTo] = useState(initial.quiet_hours?.to ?? '07:00');
  const [saved, setSaved] = useState(false);
  const form = useSubmit({ fieldName: (name) => ({ name: name.replace(/^quiet_hours\./, 'quiet_') }) });

  const setChannel = (kind: (typeof kKinds)[number], channel: keyof ChannelChoice, on: boolean) => {
    setSaved(false);
    setPrefs((p) => ({ ...p, [kind]: { ...p[kind], [channel]: on } }));
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const stored = await api.updateNotificationPreferences({ ...prefs, quiet_hours: quiet ? { from, to } : null });
      setPrefs(stored);
      onSaved(stored);
      setSaved(true);
    });
  };

  return (
    <form ref={form.form_ref} onSubmit={submit} noValidate>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      {kKinds.map((kind) => (
        <fieldset key={kind} class="choices">
          <legend>{t(`parent.prefs.${kind}` as MessageKey)}</legend>
          {kChannels.map((channel) => (
            <CheckField key={channel} name={`${kind}.${channel}`} label={t(`parent.prefs.${channel}` as MessageKey)}
              checked={prefs[kind][channel]} onChecked={(on) => setChannel(kind, channel, on)} />
          ))}
        </fieldset>
      ))}
      <p class="hint">{t('parent.prefs.email_hint')}</p>
      <fieldset class="choices">
        <legend>{t('parent.prefs.quiet_title')}</legend>
        <CheckField name="quiet_hours" label={t('parent.prefs.quiet_on')} checked={quiet}
          onChecked={(on) => { setSaved(false); setQuiet(on); }} />
        {quiet && (
          <div class="row">
            <TextField label={t('parent.prefs.quiet_from')} name="quiet_from" type="time" value={from}
              onValue={setFrom} required error={form.field('quiet_from')} />
            <TextField label={t('parent.prefs.quiet_to')} name="quiet_to" type="time" value={to}
              onValue={setTo} required error={form.field('quiet_to')} />
          </div>
        )}
        <p class="hint">{t('parent.prefs.quiet_hint')}</p>
      </fieldset>
      <SelectField label={t('parent.prefs.language')} name="language" value={prefs.language}
        options={[{ value: 'ja', label: '日本語' }, { value: 'en', label: 'English' }]}
        onValue={(language) => { setSaved(false); setPrefs((p) => ({ ...p, language })); }}
        error={form.field('language')} />
      {saved && <Notice>{t('common.saved')}</Notice>}
      <div class="form-submit"><Button type="submit" busy={form.busy}>{t('common.save')}</Button></div>
    </form>
  );
}
