// Small status components: a form-level error (announced), a success notice,
// a loading line and a button that shows it is busy.
import type { ComponentChildren } from 'preact';

export function ErrorMessage({ children }: { children?: ComponentChildren }) {
  if (!children) return null;
  return <div class="alert alert--error" role="alert">{children}</div>;
}

export function Notice({ children }: { children?: ComponentChildren }) {
  if (!children) return null;
  return <div class="alert alert--ok" role="status">{children}</div>;
}

export function Loading({ label }: { label: string }) {
  return <p class="loading" role="status">{label}</p>;
}

export interface ButtonProps {
  children: ComponentChildren;
  type?: 'button' | 'submit';
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  busy?: boolean;
  disabled?: boolean;
  onClick?: () => void;
  label?: string;
}

export function Button(props: ButtonProps) {
  return (
    <button
      type={props.type ?? 'button'}
      class={`btn btn--${props.variant ?? 'primary'}`}
      disabled={props.disabled || props.busy}
      aria-busy={props.busy ? 'true' : undefined}
      aria-label={props.label}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
