// A modal dialog on the native <dialog> element: mounted open (showModal), focus moves
// inside it, Escape or the close button calls onClose, and focus returns to where it was.
// Render it only while it should be open.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Label of the close button in the corner. */
  closeLabel: string;
}

export function Dialog({ title, onClose, children, closeLabel }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}>
      <div class="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" class="btn btn--link" onClick={onClose} aria-label={closeLabel}>×</button>
      </div>
      {children}
    </dialog>
  );
}
