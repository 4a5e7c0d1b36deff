// The USB scanner path: such a scanner types the code like a keyboard, then Enter.
// Keys are collected page-wide (whatever has focus, except a text field of a form), and
// Enter hands the text to onCode; a pause of more than kGapMs starts a new code, so a
// stray key press does not spoil the next scan. Enter after a code never activates the
// focused button. The visually hidden input gives the keys a home that opens no
// on-screen keyboard (inputmode="none"); it takes focus whenever nothing else has it.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';

const kGapMs = 1_000;

function isOtherTextField(target: EventTarget | null, own: HTMLInputElement | null): boolean {
  if (!(target instanceof HTMLElement) || target === own) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** `screen` changes with every screen shown: then focus returns here if it rests nowhere. */
export function ScannerInput({ onCode, screen }: { onCode: (text: string) => void; screen: unknown }) {
  const input_ref = useRef<HTMLInputElement>(null);
  const on_code = useRef(onCode);
  on_code.current = onCode;

  useEffect(() => {
    let buffer = '';
    let last_key = 0;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isOtherTextField(e.target, input_ref.current) || e.isComposing) return;
      const now = Date.now();
      if (now - last_key > kGapMs) buffer = '';
      last_key = now;
      if (e.key === 'Enter') {
        if (!buffer) return;
        e.preventDefault();
        const text = buffer;
        buffer = '';
        if (input_ref.current) input_ref.current.value = '';
        on_code.current(text);
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        buffer += e.key;
      }
    };
    // Focus comes back to the scanner input when it would otherwise rest on the page body.
    const refocus = () => {
      setTimeout(() => {
        const active = document.activeElement;
        if (!active || active === document.body) input_ref.current?.focus({ preventScroll: true });
      }, 0);
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusout', refocus);
    input_ref.current?.focus({ preventScroll: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusout', refocus);
    };
  }, []);

  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) input_ref.current?.focus({ preventScroll: true });
  }, [screen]);

  return (
    <input ref={input_ref} class="visually-hidden scanner-input" type="text" inputMode="none"
      autoComplete="off" spellcheck={false} aria-label={t('kiosk.scanner_label')}
      onInput={(e) => (e.currentTarget.value = '')} />
  );
}
