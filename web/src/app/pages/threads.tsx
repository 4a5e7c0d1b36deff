// 連絡 in the parents' app: the family's contact threads with the facilities, latest
// written first (unread ones marked and counted, said in their link for screen readers),
// kept fresh by the `thread` live events and push messages, older ones on demand; and
// 新しい連絡, the form that opens a thread: which child (and, when the child uses several
// facilities, which facility), an optional subject, the message. Sending goes to the new
// thread's page. One client_id per attempt makes a double tap send once.
import { useState } from 'preact/hooks';
import { errorText, useSubmit } from '../../shared/form';
import { t } from '../../shared/i18n';
import { api } from '../../shared/session';
import { useThreadList } from '../../shared/threads';
import { Button, ErrorMessage, Loading } from '../../shared/ui/feedback';
import { namedOptions, SelectField, TextAreaField, TextField } from '../../shared/ui/fields';
import { kBodyMax, kSubjectMax, LastPost, threadTime, UnreadBadge, UnreadText, useSendOnce } from '../../shared/ui/thread_view';
import { useMyChildren } from '../children';
import { PageHead } from '../layout';
import { go, Link } from '../router';

const kPageSize = 20;

export function ThreadsPage() {
  const list = useThreadList({}, kPageSize);
  return (
    <>
      <PageHead title={t('thread.app_title')}>
        <Link to="/threads/new" class="btn btn--primary">{t('thread.new')}</Link>
      </PageHead>
      <p class="meta">{t('thread.app_intro')}</p>
      {list.first.error !== null && <ErrorMessage>{errorText(list.first.error)}</ErrorMessage>}
      {list.items === null && list.first.error === null && <Loading label={t('common.loading')} />}
      {list.items?.length === 0 && <p>{t('thread.app_none')}</p>}
      {list.items && list.items.length > 0 && (
        <ul class="thread-list" aria-label={t('thread.app_list')}>
          {list.items.map((th) => (
            <li key={th.id} class={th.unread > 0 ? 'thread-item thread-item--unread' : 'thread-item'}>
              {(th.unread > 0 || th.read_only) && (
                <p class="thread-item-head">
                  <UnreadBadge n={th.unread} />
                  {th.read_only && <span class="badge thread-closed-badge">{t('thread.read_only_badge')}</span>}
                </p>
              )}
              <Link to={`/threads/${encodeURIComponent(th.id)}`} class="thread-subject">
                {th.subject}
                <UnreadText n={th.unread} />
              </Link>
              <p class="meta">{t('thread.about', { child: th.child.name, facility: th.facility.name })}</p>
              <LastPost thread={th} />
              <p class="meta"><time dateTime={th.last_post_at}>{threadTime(th.last_post_at)}</time></p>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage>{list.more_error ? errorText(list.more_error) : ''}</ErrorMessage>
      {list.loadMore && (
        <div class="actions">
          <Button variant="secondary" busy={list.more_busy} onClick={() => void list.loadMore?.()}>{t('thread.more')}</Button>
        </div>
      )}
    </>
  );
}

/** 新しい連絡; `child_id` (from ?child=) is chosen first when given. */
export function NewThreadPage({ child_id }: { child_id: string | null }) {
  const children = useMyChildren();
  const [chosen_child, setChild] = useState(child_id ?? '');
  const [chosen_facility, setFacility] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const submit = useSubmit();
  const once = useSendOnce();

  const items = children.data ?? [];
  const item = items.find((c) => c.child.id === chosen_child) ?? items[0];
  const facilities = item?.facilities ?? [];
  const facility = facilities.find((f) => f.id === chosen_facility) ?? facilities[0];
  /** Any change of what is written starts a new attempt. */
  const edit = <V,>(set: (v: V) => void) => (v: V) => {
    set(v);
    once.changed();
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!item || !facility) return;
    if (!body.trim()) {
      submit.fail(t('thread.body_required'), { body: t('thread.body_required') });
      return;
    }
    const trimmed = subject.trim();
    await once.send((client_id) => submit.run(async () => {
      const written = await api.createThread({
        child_id: item.child.id, facility_id: facility.id, subject: trimmed || undefined, body, client_id,
      });
      go(`/threads/${encodeURIComponent(written.thread.id)}`, true);
    }));
  };

  return (
    <>
      <PageHead title={t('thread.new_title')}>
        <Link to="/threads" class="btn btn--secondary">{t('common.cancel')}</Link>
      </PageHead>
      {children.error !== null && <ErrorMessage>{errorText(children.error)}</ErrorMessage>}
      {children.data === null && children.error === null && <Loading label={t('common.loading')} />}
      {children.data?.length === 0 && <p>{t('thread.new_no_children')}</p>}
      {item && facility && (
        <form ref={submit.form_ref} onSubmit={(e) => void onSubmit(e)} noValidate class="thread-reply">
          <ErrorMessage>{submit.errors.message}</ErrorMessage>
          {items.length > 1 ? (
            <SelectField label={t('thread.new_child')} name="child_id" value={item.child.id} required
              options={items.map((c) => ({ value: c.child.id, label: c.child.name }))}
              error={submit.field('child_id')}
              onValue={edit((id: string) => { setChild(id); setFacility(''); })} />
          ) : (
            <p>{t('thread.new_child_one', { child: item.child.name })}</p>
          )}
          {facilities.length > 1 ? (
            <SelectField label={t('thread.new_facility')} name="facility_id" value={facility.id} required
              options={namedOptions(facilities)} error={submit.field('facility_id')}
              onValue={edit(setFacility)} />
          ) : (
            <p>{t('thread.new_facility_one', { facility: facility.name })}</p>
          )}
          <TextField label={t('thread.new_subject')} name="subject" value={subject} maxLength={kSubjectMax}
            hint={t('thread.new_subject_hint')} error={submit.field('subject')} onValue={edit(setSubject)} />
          <TextAreaField label={t('thread.new_body')} name="body" value={body} rows={6} maxLength={kBodyMax} required
            hint={t('thread.body_hint')} error={submit.field('body')} onValue={edit(setBody)} />
          <div class="actions">
            <Button type="submit" busy={submit.busy}>{t('thread.new_send')}</Button>
          </div>
        </form>
      )}
    </>
  );
}
