// Above the roster of a closure day (休館日): 「本日は休館日です：お盆休み」 (another day:
// 「この日は…」), with a link to the entry. Plans for that day are refused and nobody is
// raised as not arrived.
import { t } from '../../../shared/i18n';
import type { Roster } from '../../../shared/types';
import { Link } from '../../router';
import '../../../shared/ui/calendar.css';

export function ClosureBanner({ closure, today }: { closure: Roster['closure'] | undefined; today: boolean }) {
  if (!closure) return null;
  return (
    <div class="closure-banner" role="status">
      <p class="closure-banner-title">
        {t(today ? 'cal.closed_today' : 'cal.closed_that_day', { title: closure.title })}
      </p>
      <p class="no-print"><Link to={`/calendar/${encodeURIComponent(closure.id)}`}>{t('cal.closure_open')}</Link></p>
    </div>
  );
}
