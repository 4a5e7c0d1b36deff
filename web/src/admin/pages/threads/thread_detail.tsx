// One contact thread for staff: its subject, child, family and facility, the posts in
// order (the staff's on the right, the guardians' on the left), and the reply form — or,
// once the family has left the facility, why there is none. Opening it marks it read for
// the staff; it follows the `thread` live events of this thread.
import { t } from '../../../shared/i18n';
import { ThreadConversation } from '../../../shared/ui/thread_view';
import { PageHead } from '../../layout';
import { Link } from '../../router';
import { refreshUnreadThreadCount } from '../../thread_count';

export function ThreadDetail({ id }: { id: string }) {
  return (
    <ThreadConversation id={id} reader="staff" Head={PageHead} show_family
      back={<Link to="/threads" class="btn btn--secondary">{t('thread.back_inbox')}</Link>}
      closed_text={t('thread.read_only_admin')} onRead={refreshUnreadThreadCount} />
  );
}
