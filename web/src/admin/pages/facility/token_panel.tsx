// The one-time display of a newly paired kiosk's token: the token, the pairing link
// (/kiosk/#token=…) to open on the tablet, the same link as a QR code to scan with the
// tablet's camera, and a button that copies the link. Gone once closed: the server never
// shows the token again.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { NewKiosk } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { CopyButton } from '../../copy_button';
import { QrImage } from '../../qr_image';

/** The link that pairs a kiosk: the kiosk app reads the token from the fragment (never sent to a server). */
export const pairingLink = (token: string) => `${location.origin}/kiosk/#token=${encodeURIComponent(token)}`;

export function TokenPanel({ created, onDone }: { created: NewKiosk; onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);
  const link_ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const link = pairingLink(created.token);
  return (
    <section class="card secret" aria-labelledby="kiosk-token-title" tabIndex={-1} ref={ref}>
      <h3 id="kiosk-token-title">{t('kiosks.token_title')}</h3>
      <p class="warning" role="alert">{t('kiosks.token_warning')}</p>
      <div class="pairing">
        <figure class="pairing-qr">
          <QrImage text={link} alt={t('admin_pairing.qr_alt', { name: created.kiosk.name })} class="qr" />
          <figcaption class="hint">{t('admin_pairing.qr_hint')}</figcaption>
        </figure>
        <div class="pairing-text">
          <p><strong>{t('kiosks.name')}：</strong>{created.kiosk.name}</p>
          <p><strong>{t('kiosks.token')}：</strong><code class="kiosk-token">{created.token}</code></p>
          <p>
            <strong>{t('kiosks.link')}：</strong>
            <a class="kiosk-link" href={link} target="_blank" rel="noopener noreferrer"><code ref={link_ref}>{link}</code></a>
          </p>
          <CopyButton text={link} target={link_ref} label={t('admin_pairing.copy_link')} />
        </div>
      </div>
      <div class="actions">
        <Button onClick={onDone}>{t('kiosks.token_done')}</Button>
      </div>
    </section>
  );
}
