// Submitting a form to the API and showing what went wrong (as in the admin app).
// useSubmit().run(fn) marks the form busy, runs fn, and on ApiError keeps the error's
// `fields` (shown next to the control of the same name) and a message for the form; a
// field error with no control of that name joins the message. `fieldName` may rename a
// server field first (e.g. "days[3].arrive_at" → "arrive_at" when one control edits
// every selected day). After a failure, focus moves to the first invalid control.
import { useContext, useRef, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import { serverText, t, type MessageKey } from '../shared/i18n';
import { SessionContext } from './session';

export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

const kNoErrors: FormErrors = { message: '', fields: {} };

/** The text for an error thrown by an API call, in the current language. */
export function errorText(err: unknown, overrides: Partial<Record<string, MessageKey>> = {}): string {
  if (!(err instanceof ApiError)) return t('error.network');
  const key = overrides[err.code] ?? (`error.${err.code}` as MessageKey);
  const general = t(key);
  if (general === key) return err.message ? serverText(err.message) : t('error.internal');
  const explain = err.message && (err.code === 'conflict' ||
    (err.code === 'invalid_argument' && Object.keys(err.fields).length === 0));
  return explain ? `${general} ${serverText(err.message)}` : general;
}

function fieldSelector(name: string): string {
  return `[name="${name.replace(/["\\]/g, '\\$&')}"]`;
}

export interface SubmitOptions {
  overrides?: Partial<Record<string, MessageKey>>;
  /** Maps a server field name to the form's control name and a prefix for its text. */
  fieldName?: (name: string) => { name: string; prefix?: string };
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
      const fields: Record<string, string> = {};
      const stray: string[] = [];
      const form = form_ref.current;
      for (const [server_name, text] of Object.entries(err instanceof ApiError ? err.fields : {})) {
        const mapped = options.fieldName?.(server_name) ?? { name: server_name };
        const shown = mapped.prefix ? `${mapped.prefix}${serverText(text)}` : serverText(text);
        if (form?.querySelector(fieldSelector(mapped.name))) {
          fields[mapped.name] = fields[mapped.name] ? `${fields[mapped.name]} ${shown}` : shown;
        } else {
          stray.push(mapped.prefix ? shown : `${server_name}: ${shown}`);
        }
      }
      setErrors({ message: [errorText(err, overrides), ...stray].join(' '), fields });
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
