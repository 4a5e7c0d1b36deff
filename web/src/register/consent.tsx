// The consent part of the form: what is collected, what for, who sees it, how long it is
// kept and what happens next (the letter at a room's window), then the required checkbox
// "consent" (its server error, consent_required, shows under it).
import { useId } from 'preact/hooks';
import { t } from '../shared/i18n';

export function Consent(props: { org: string; checked: boolean; onChecked: (on: boolean) => void; error?: string }) {
  const id = useId();
  const rows: [string, string][] = [
    [t('register.consent.what_label'), t('register.consent.what')],
    [t('register.consent.why_label'), t('register.consent.why')],
    [t('register.consent.who_label'), t('register.consent.who', { org: props.org })],
    [t('register.consent.keep_label'), t('register.consent.keep')],
    [t('register.consent.next_label'), t('register.consent.next')],
  ];
  return (
    <section class="reg-section reg-consent" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('register.consent.title')}</h2>
      <dl class="reg-consent-list">
        {rows.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <div class={props.error ? 'field field--invalid' : 'field'}>
        <label class="choice reg-agree">
          <input
            type="checkbox"
            name="consent"
            checked={props.checked}
            required
            onChange={(e) => props.onChecked(e.currentTarget.checked)}
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? `${id}-error` : undefined}
          />
          <span>
            {t('register.consent.agree')}
            <span aria-hidden="true" class="required"> *</span>
          </span>
        </label>
        {props.error && <p id={`${id}-error`} class="field-error">{props.error}</p>}
      </div>
    </section>
  );
}
