// 連絡 (one thread) in the parents' app: the subject, the child and facility, the posts in
// order (the family's on the right, the facility's on the left), and the reply form — or,
// once the family no longer uses the facility, why there is none. Opening it marks it read
// for the family; it follows the `thread` live events of this thread and push messages.
import { t } from '../../shared/i18n';
import { ThreadConversation } from '../../shared/ui/thread_view';
import { PageHead } from '../layout';
import { Link } from '../router';
import { refreshUnreadThreads } from '../thread_count';

export function ThreadPage({ id }: { id: string }) {
  return (
    <ThreadConversation id={id} reader="guardian" Head={PageHead} show_family={false}
      back={<Link to="/threads" class="btn btn--secondary">{t('thread.back_inbox')}</Link>}
      closed_text={t('thread.read_only_app')} onRead={refreshUnreadThreads} />
  );
}
