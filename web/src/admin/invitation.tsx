// The window letter (登録案内状): a PDF a family page each, with every guardian's login, a
// fresh initial password (the earlier ones stop working; a guardian who chose their own
// password is listed without one), the app's address and its QR code. It is fetched with
// the CSRF header (never a plain link: fetching it changes the passwords), saved as a
// download, and kept as a blob URL so that it can be opened again from the notice.
// useLetter() holds that URL (revoked when replaced or unmounted); <LetterDialog> asks to
// confirm first; <LetterSection> prints one family's letter (the family page).
import { useEffect, useState } from 'preact/hooks';
import { useAction } from '../shared/action';
import { t } from '../shared/i18n';
import { api } from '../shared/session';
import { Dialog } from '../shared/ui/dialog';
import { Button, ErrorMessage, Notice } from '../shared/ui/feedback';

/** Saves `blob` as a download named `file` and answers its blob URL (revoke it when done). */
export function saveBlob(blob: Blob, file: string): string {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  return url;
}

export interface Letter {
  /** The blob URL of the last letter made here, or null. */
  url: string | null;
  /** Fetches a letter with `fetch`, saves it as `file` and keeps its URL. */
  make: (fetch: () => Promise<Blob>, file: string) => Promise<void>;
  forget: () => void;
}

export function useLetter(): Letter {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return {
    url,
    make: async (fetch, file) => {
      const blob = await fetch();
      setUrl(saveBlob(blob, file));
    },
    forget: () => setUrl(null),
  };
}

/** 「登録案内状（PDF）を開く」: the letter made last, in a new tab. */
export function LetterLink({ letter }: { letter: Letter }) {
  if (!letter.url) return null;
  return <p><a href={letter.url} target="_blank" rel="noopener">{t('admin_letter.open')}</a></p>;
}

/** The filename of a family's letter: 登録案内状_山田家.pdf. */
export const letterFile = (name: string) => t('admin_letter.file', { name: name.replace(/[\\/:*?"<>|\s]+/g, '_') });

/**
 * The confirm of printing letters, saying what it does to the passwords; a failure is said
 * inside it (reasons' texts), and it closes once the letter is saved.
 */
export function LetterDialog({ text, fetch, file, letter, onClose, onDone }: {
  text: string;
  fetch: () => Promise<Blob>;
  file: string;
  letter: Letter;
  onClose: () => void;
  onDone: () => void;
}) {
  const action = useAction();
  const print = async () => {
    if (await action.run(() => letter.make(fetch, file))) onDone();
  };
  return (
    <Dialog title={t('admin_letter.confirm_title')} onClose={onClose} closeLabel={t('common.close')}>
      <p>{text}</p>
      <ErrorMessage>{action.error}</ErrorMessage>
      <div class="actions">
        <Button busy={action.busy !== null} onClick={() => void print()}>{t('admin_letter.confirm')}</Button>
        <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Dialog>
  );
}

/** 「登録案内状」 of the family page: what it is, and 「登録案内状を印刷」 after the confirm. */
export function LetterSection({ family }: { family: { id: string; name: string } }) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const letter = useLetter();
  return (
    <section aria-labelledby="letter" class="no-print">
      <h2 id="letter">{t('admin_letter.title')}</h2>
      <p class="hint">{t('admin_letter.intro')}</p>
      <Button variant="secondary" onClick={() => { setDone(false); setAsking(true); }}>{t('admin_letter.print')}</Button>
      {asking && (
        <LetterDialog text={t('admin_letter.confirm_text')} fetch={() => api.invitationPdf(family.id)}
          file={letterFile(family.name)} letter={letter}
          onClose={() => setAsking(false)} onDone={() => { setAsking(false); setDone(true); }} />
      )}
      {done && <Notice>{t('admin_letter.done')}</Notice>}
      <LetterLink letter={letter} />
    </section>
  );
}
