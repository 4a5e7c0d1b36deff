// A button that copies a text to the clipboard (navigator.clipboard.writeText) and then
// says 「コピーしました」 beside it (role status) for a few seconds. When the browser refuses
// (no permission, not a secure context), it selects the text's element instead (`target`)
// and says to copy the selection by hand.
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';

/** How long 「コピーしました」 stays. */
const kSaidMs = 4_000;

type CopyState = 'idle' | 'copied' | 'selected';

/** Selects every character inside `element` (the fallback when the clipboard is refused). */
function selectContents(element: HTMLElement | null): void {
  if (!element) return;
  const selection = window.getSelection();
  selection?.removeAllRanges();
  const range = document.createRange();
  range.selectNodeContents(element);
  selection?.addRange(range);
}

export interface CopyButtonProps {
  text: string;
  /** The element showing `text`, selected when the clipboard is refused. */
  target: RefObject<HTMLElement | null>;
  /** The button's text, e.g. 「リンクをコピー」. */
  label: string;
}

export function CopyButton({ text, target, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), kSaidMs);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      selectContents(target.current);
      setState('selected');
    }
  };

  return (
    <span class="copy">
      <Button variant="secondary" onClick={() => void copy()}>{label}</Button>
      <span role="status" class={`copy-said copy-said--${state}`}>
        {state === 'copied' && t('admin_copy.done')}
        {state === 'selected' && t('admin_copy.select_instead')}
      </span>
    </span>
  );
}
