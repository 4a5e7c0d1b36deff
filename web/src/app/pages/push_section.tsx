// 設定 → この端末への通知: whether push reaches this device, and when it cannot be turned
// on, why (a status line, never a greyed button): the browser has no push (on an iPhone,
// add the app to the home screen first), the site's notifications are blocked (how to
// allow them), or the server has no key. Turning it on or off says how it went; a failure
// is said with its reason. The state is checked again when the page is shown again (back
// from the browser's settings) and on 「もう一度確かめる」.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { t, type MessageKey } from '../../shared/i18n';
import { Outcome, useAction } from '../../shared/action';
import { Button, Loading } from '../../shared/ui/feedback';
import { errorText } from '../../shared/form';
import { disablePush, enablePush, PushError, pushState, type PushState } from '../push';

const kPushStateText: Record<PushState, MessageKey> = {
  unsupported: 'parent.push.unsupported',
  denied: 'parent.push.denied',
  no_key: 'parent.push.off',
  off: 'parent.push.off',
  on: 'parent.push.on',
};

/** Why push cannot be turned on in this state, with what to do; none when it can. */
const kPushWhy: Partial<Record<PushState, MessageKey>> = {
  unsupported: 'parent.push_why.unsupported',
  denied: 'parent.push_why.denied',
  no_key: 'parent.push_why.no_key',
};

function pushErrorText(err: unknown): string {
  if (err instanceof PushError) {
    if (err.reason === 'server') return `${t('parent.push.failed.server')} ${errorText(err.cause)}`;
    if (err.reason === 'no_key') return t('parent.push_why.no_key');
    return t(`parent.push.failed.${err.reason}` as MessageKey);
  }
  if (err instanceof ApiError) return errorText(err);
  return t('parent.push.failed.no_service');
}

export function PushSection() {
  const [state, setState] = useState<PushState | null>(null);
  const action = useAction(pushErrorText);
  const refresh = () => pushState().then(setState, () => setState('off'));
  useEffect(() => {
    void refresh();
    const again = () => void (document.visibilityState === 'visible' && refresh());
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, []);

  const run = async (fn: () => Promise<void>, done: MessageKey) => {
    await action.run(async () => {
      await fn();
      return t(done);
    });
    void refresh();
  };
  const busy = !!action.busy;
  const why = state ? kPushWhy[state] : undefined;

  return (
    <section aria-labelledby="push-title" class="card">
      <h2 id="push-title">{t('parent.push.title')}</h2>
      <p>{t('parent.push.intro')}</p>
      {state === null ? <Loading label={t('common.loading')} /> : (
        <div class={why ? 'pa-push-state pa-push-state--why' : 'pa-push-state'} role="status">
          <p><strong>{t(kPushStateText[state])}</strong></p>
          {why && <p class="pa-push-why">{t(why, { app: t('app.title') })}</p>}
        </div>
      )}
      <Outcome of={action} />
      {state === 'on' && (
        <Button variant="secondary" busy={busy} onClick={() => void run(disablePush, 'parent.push.disabled')}>
          {t('parent.push.disable')}
        </Button>
      )}
      {state === 'off' && (
        <Button busy={busy} onClick={() => void run(enablePush, 'parent.push.enabled')}>{t('parent.push.enable')}</Button>
      )}
      {(state === 'denied' || state === 'no_key') && (
        <Button variant="secondary" onClick={() => { setState(null); void refresh(); }}>{t('parent.push_why.check_again')}</Button>
      )}
    </section>
  );
}
