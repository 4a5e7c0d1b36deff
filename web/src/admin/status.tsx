// What a page shows while its data load or when loading failed.
import { t } from '../shared/i18n';
import { ErrorMessage, Loading } from '../shared/ui/feedback';
import { errorText } from './form';

/** Loading line or error for a load that has no data yet; null once it has data. */
export function LoadStatus({ loaded }: { loaded: { data: unknown; error: unknown } }) {
  if (loaded.error) return <ErrorMessage>{errorText(loaded.error)}</ErrorMessage>;
  if (loaded.data === null) return <Loading label={t('common.loading')} />;
  return null;
}
