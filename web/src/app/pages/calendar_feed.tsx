// The family's calendar subscription (カレンダーの購読): the secret link a phone's calendar
// app follows (the same for every guardian of the family), a button copying it, a link
// opening it as webcal://, and making a new link after confirming — the old one stops
// working, so a link that went astray can be stopped.
import { useState } from 'preact/hooks';
import { Outcome, useAction } from '../../shared/action';
import { useLoad } from '../../shared/data';
import { errorText } from '../../shared/form';
import { t } from '../../shared/i18n';
import { api } from '../../shared/session';
import { ConfirmDialog } from '../../shared/ui/confirm_dialog';
import { Button, ErrorMessage, Loading } from '../../shared/ui/feedback';

/** The link as webcal:// (calendar apps subscribe to it), whatever its scheme. */
export const webcalOf = (url: string) => `webcal://${url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}`;

/** Copies text to the clipboard; where the Clipboard API is missing, through the selected input. */
async function copy(text: string, input: HTMLInputElement | null): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  input?.select();
  if (!document.execCommand('copy')) throw new Error('copy');
}

export function CalendarFeedSection() {
  const feed = useLoad(() => api.myCalendarFeed(), []);
  const action = useAction((err) => (err instanceof Error && err.message === 'copy' ? t('cal_app.copy_failed') : errorText(err)));
  const [asking, setAsking] = useState(false);
  const url = feed.data;

  const replace = () => {
    setAsking(false);
    void action.run(async () => {
      feed.set(await api.replaceCalendarFeed());
      return t('cal_app.feed_replaced');
    });
  };

  return (
    <section class="card" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('cal_app.feed_title')}</h2>
      <p>{t('cal_app.feed_intro')}</p>
      <p class="hint">{t('cal_app.feed_secret')}</p>
      {feed.error !== null && <ErrorMessage>{errorText(feed.error)}</ErrorMessage>}
      {url === null && feed.error === null && <Loading label={t('common.loading')} />}
      {url !== null && (
        <>
          <div class="field">
            <label for="feed-url">{t('cal_app.feed_url')}</label>
            <input id="feed-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <Outcome of={action} />
          <div class="pa-actions">
            <Button busy={!!action.busy}
              onClick={() => void action.run(async () => {
                await copy(url, document.getElementById('feed-url') as HTMLInputElement | null);
                return t('cal_app.copied');
              })}>{t('cal_app.copy')}</Button>
            <a class="btn btn--secondary" href={webcalOf(url)}>{t('cal_app.open_webcal')}</a>
            <Button variant="danger" busy={!!action.busy} onClick={() => setAsking(true)}>{t('cal_app.replace')}</Button>
          </div>
        </>
      )}
      {asking && (
        <ConfirmDialog title={t('cal_app.replace_confirm_title')} text={t('cal_app.replace_confirm_text')}
          confirm={t('cal_app.replace')} busy={!!action.busy} onConfirm={replace} onClose={() => setAsking(false)} />
      )}
    </section>
  );
}
