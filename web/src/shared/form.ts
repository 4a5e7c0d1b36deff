// Submitting a form to the API and showing what went wrong (admin and parents' app).
// useSubmit().run(fn) marks the form busy, runs fn, and on ApiError keeps the error's
// fields (shown next to the control of the same name) and a message for the form; a
// field error with no control of that name joins the message. Every text is said by its
// reason (the error's `reason`, each field's `fieldReasons` with `fieldParams`) in the
// current language; only a reason the client does not know shows the server's own text. `fieldName` may rename a
// server field first and name what it was about (e.g. "days[3].arrive_at" → control
// "arrive_at" about "6月14日（月）" when one control edits every selected day); the same
// text about several things is said once ("6月14日（月）、6月15日（火）：…"). After a
// failure, focus moves to the first invalid control. The admin says each field error with
// no control as "name: text" instead (`stray: 'each'`).
import { useContext, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';
import { reasonText, t, type MessageKey } from './i18n';
import { SessionContext } from './session';

export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

const kNoErrors: FormErrors = { message: '', fields: {} };

/**
 * The text for an error thrown by an API call, in the current language. `overrides` names
 * the message for a reason or a code (the reason's first), e.g. {unauthenticated: …}.
 */
export function errorText(err: unknown, overrides: Partial<Record<string, MessageKey>> = {}): string {
  if (!(err instanceof ApiError)) return t('error.network');
  const chosen = overrides[err.reason] ?? overrides[err.code];
  if (chosen) return t(chosen);
  // What the reason adds to the code (nothing when it is the code's name or "invalid_fields").
  const specific = err.reason !== err.code && err.reason !== 'invalid_fields'
    ? reasonText(err.reason, {}, err.message) : '';
  const key = `error.${err.code}` as MessageKey;
  const general = t(key);
  if (general === key) return specific || reasonText(err.code, {}, err.message) || t('error.internal');
  // Naming no field, a conflict is said by its reason alone ("すでに入館しています。"), a
  // refusal by the general text and its reason; the fields say the rest next to them.
  if (!specific || Object.keys(err.fields).length > 0) return general;
  if (err.code === 'conflict') return specific;
  return err.code === 'invalid_argument' ? `${general} ${specific}` : general;
}

/** The text of one field's problem in err, by its reason and params. */
export function fieldText(err: ApiError, name: string): string {
  return reasonText(err.fieldReasons[name], err.fieldParams[name], err.fields[name] ?? '');
}

function fieldSelector(name: string): string {
  return `[name="${name.replace(/["\\]/g, '\\$&')}"]`;
}

export interface SubmitOptions {
  overrides?: Partial<Record<string, MessageKey>>;
  /** Maps a server field name to the form's control name and what the error is about. */
  fieldName?: (name: string) => { name: string; about?: string };
  /** A field error with no control: 'grouped' (default) or 'each' as "name: text" in order. */
  stray?: 'grouped' | 'each';
}

export function useSubmit(options: SubmitOptions = {}) {
  const overrides = options.overrides ?? {};
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(kNoErrors);
  const form_ref = useRef<HTMLFormElement>(null);
  const session = useContext(SessionContext);

  const focusFirstProblem = () =>
    requestAnimationFrame(() => {
      const form = form_ref.current;
      const target =
        form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        form?.querySelector<HTMLElement>('[role="alert"]');
      if (target) {
        if (!target.hasAttribute('tabindex') && target.getAttribute('role') === 'alert') target.tabIndex = -1;
        target.focus();
      }
    });

  /** Runs fn; returns true when it succeeded. */
  async function run(fn: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setErrors(kNoErrors);
    try {
      await fn();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && session && !overrides.unauthenticated) {
        session.expire();
        return false;
      }
      // control name → message → what it is about (in order of appearance)
      const grouped = new Map<string, Map<string, string[]>>();
      const each: string[] = [];
      const form = form_ref.current;
      for (const server_name of Object.keys(err instanceof ApiError ? err.fields : {})) {
        const text = fieldText(err as ApiError, server_name);
        const mapped = options.fieldName?.(server_name) ?? { name: server_name };
        const known = !!form?.querySelector(fieldSelector(mapped.name));
        if (!known && options.stray === 'each') {
          each.push(`${server_name}: ${text}`);
          continue;
        }
        const key = known ? mapped.name : '';
        const about = mapped.about ?? (known ? '' : server_name);
        const messages = grouped.get(key) ?? new Map<string, string[]>();
        grouped.set(key, messages);
        const abouts = messages.get(text) ?? [];
        messages.set(text, abouts);
        if (about && !abouts.includes(about)) abouts.push(about);
      }
      const say = (messages: Map<string, string[]>) =>
        [...messages].map(([text, abouts]) => (abouts.length ? `${abouts.join('、')}：${text}` : text)).join(' ');
      const fields: Record<string, string> = {};
      for (const [name, messages] of grouped) if (name) fields[name] = say(messages);
      const stray = grouped.get('');
      const message = [errorText(err, overrides), stray ? say(stray) : '', ...each].filter(Boolean).join(' ');
      setErrors({ message, fields });
      focusFirstProblem();
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Shows a message made on the client (e.g. two passwords differ). */
  const fail = (message: string, fields: Record<string, string> = {}) => {
    setErrors({ message, fields });
    focusFirstProblem();
  };

  const clear = () => setErrors(kNoErrors);

  return { busy, errors, run, fail, clear, form_ref, field: (name: string) => errors.fields[name] };
}
