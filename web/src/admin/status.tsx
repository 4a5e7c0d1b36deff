// What a page shows while its data load or when loading failed, and under a list shown a
// page at a time, the button that loads more.
import { t } from '../shared/i18n';
import type { Paged } from '../shared/data';
import { Button, ErrorMessage, Loading } from '../shared/ui/feedback';
import { errorText } from './form';

/** Loading line or error for a load that has no data yet; null once it has data. */
export function LoadStatus({ loaded }: { loaded: { data: unknown; error: unknown } }) {
  if (loaded.error) return <ErrorMessage>{errorText(loaded.error)}</ErrorMessage>;
  if (loaded.data === null) return <Loading label={t('common.loading')} />;
  return null;
}

/** Below a paged list (../shared/data usePaged): why loading more failed, and "more". */
export function MoreButton({ paged }: { paged: Pick<Paged<unknown>, 'loadMore' | 'more_error'> }) {
  const { loadMore, more_error } = paged;
  return (
    <>
      <ErrorMessage>{more_error ? errorText(more_error) : ''}</ErrorMessage>
      {loadMore && <Button variant="secondary" onClick={() => void loadMore()}>{t('common.more')}</Button>}
    </>
  );
}
