// A button's action whose outcome the page then says (admin and parents' app): resend a
// notification, acknowledge a plan, reissue a card, mark an item read. useAction().run(fn)
// clears the last notice and error, marks the action busy, and runs fn; the text fn
// returns (if any) becomes the notice, an error it throws the error's text (after
// "<about>: " when given, e.g. the child's name on a roster row). When several buttons
// share one action (a button a row), `tag` says which one is busy. An answer 401 ends the
// session instead, as useLoad and useSubmit do. <Outcome of={action} /> shows the notice
// (role status) and the error (role alert).
import { useContext, useState } from 'preact/hooks';
import { ApiError } from './api';
import { errorText } from './form';
import { SessionContext } from './session';
import { ErrorMessage, Notice } from './ui/feedback';

export interface RunOptions<Tag> {
  /**
   * Which of the action's buttons is busy (e.g. a row's id); `true` when not given.
   * REQUIRES: given when Tag is not `true`.
   */
  tag?: Tag;
  /** What the action was about, said before the error's text. */
  about?: string;
}

export interface Action<Tag> {
  /** The tag of the run in progress, or null. */
  busy: Tag | null;
  notice: string;
  error: string;
  /** Runs fn as said above; true when it succeeded. */
  run: (fn: () => Promise<string | void>, options?: RunOptions<Tag>) => Promise<boolean>;
  /** Says `notice` (an outcome that came another way, e.g. from a dialog), clearing the error. */
  say: (notice: string) => void;
}

/** `describe` turns a thrown error into the text shown (errorText by default). */
export function useAction<Tag = true>(describe: (err: unknown) => string = errorText): Action<Tag> {
  const [busy, setBusy] = useState<Tag | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const session = useContext(SessionContext);

  async function run(fn: () => Promise<string | void>, options: RunOptions<Tag> = {}): Promise<boolean> {
    setBusy(options.tag ?? (true as Tag));
    setNotice('');
    setError('');
    try {
      const said = await fn();
      if (said) setNotice(said);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && session) session.expire();
      else setError(options.about ? `${options.about}: ${describe(err)}` : describe(err));
      return false;
    } finally {
      setBusy(null);
    }
  }

  const say = (text: string) => {
    setNotice(text);
    setError('');
  };

  return { busy, notice, error, run, say };
}

/** The notice and the error of an action. */
export function Outcome({ of }: { of: Pick<Action<unknown>, 'notice' | 'error'> }) {
  return (
    <>
      <Notice>{of.notice}</Notice>
      <ErrorMessage>{of.error}</ErrorMessage>
    </>
  );
}
