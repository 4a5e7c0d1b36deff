// The parts of the contact threads (連絡) that the admin and the parents' app show alike:
// the unread badge, who wrote a post and when, the conversation (posts in order, the
// staff's and the guardians' told apart by colour, side and a written label), the reply
// form, the note that a thread is read-only, and the whole conversation page around them.
//
// The reply form (and the new-thread form, through useSendOnce) sends one post per attempt:
// the attempt's client_id is made on the first press of 送信 and kept until the post is
// written (a retry after a failed network sends the same one), so a double click or a
// retry writes it once; editing the text starts a new attempt. A thread that became
// read-only (409 thread_closed) is fetched again, and the form gives way to the note.
import type { ComponentChildren, ComponentType } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { newClientId } from '../api';
import { errorText, useSubmit } from '../form';
import { t } from '../i18n';
import { api } from '../session';
import { useThreadDetail, withWritten } from '../threads';
import type { Thread, ThreadPost, ThreadWritten } from '../types';
import { Button, ErrorMessage, Loading, Notice } from './feedback';
import { TextAreaField } from './fields';
import { MessageText } from './message_text';
import { calendarDate, clockTime } from './time';
import './threads.css';

export type ThreadSide = 'staff' | 'guardian';

export const kBodyMax = 2000;
export const kSubjectMax = 100;

/** "6/10 15:04" on the organization's clock (as the server writes it, Asia/Tokyo). */
export function threadTime(iso: string): string {
  const [, month, day] = calendarDate(iso).split('-');
  return `${Number(month)}/${Number(day)} ${clockTime(iso)}`;
}

/** 職員 / 保護者. */
export const sideLabel = (side: ThreadSide) => t(side === 'staff' ? 'thread.by_staff' : 'thread.by_guardian');

/** The visible 「未読 2」 (hidden from screen readers: UnreadText says it in the link). */
export function UnreadBadge({ n }: { n: number }) {
  if (n <= 0) return null;
  return <span class="badge thread-unread" aria-hidden="true">{t('thread.unread_badge', { n })}</span>;
}

/** 「（未読 2件）」 for screen readers, inside a thread's link. */
export function UnreadText({ n }: { n: number }) {
  if (n <= 0) return null;
  return <span class="visually-hidden">{t('thread.unread_sr', { n })}</span>;
}

/** 「保護者：今日は…」: the start of the last post and which side wrote it. */
export function LastPost({ thread }: { thread: Thread }) {
  return (
    <span class="thread-preview">
      {t('thread.preview', { who: sideLabel(thread.last_post.author_kind), body: thread.last_post.body })}
    </span>
  );
}

/** The posts in order; the reader's own side's posts on the right. */
export function ThreadPosts({ posts, reader }: { posts: readonly ThreadPost[]; reader: ThreadSide }) {
  return (
    <ol class="thread-posts" aria-label={t('thread.posts')}>
      {posts.map((post) => (
        <li key={post.id}
          class={`thread-post thread-post--${post.author.kind}${post.author.kind === reader ? ' thread-post--own' : ''}`}>
          <p class="thread-post-head">
            <strong class="thread-post-author">
              {t('thread.post_by', { name: post.author.name, who: sideLabel(post.author.kind) })}
            </strong>
            <time dateTime={post.at}>{threadTime(post.at)}</time>
          </p>
          <div class="thread-post-body"><MessageText text={post.body} /></div>
        </li>
      ))}
    </ol>
  );
}

/** Why there is no reply form: the family has left the facility. */
export function ClosedNote({ text }: { text: string }) {
  return (
    <section class="thread-closed" aria-labelledby="thread-closed-title">
      <h2 id="thread-closed-title">{t('thread.read_only_title')}</h2>
      <p>{text}</p>
    </section>
  );
}

/**
 * One write a double click or a retry must not repeat: the attempt's client_id is kept
 * until what is written changes (changed()) or the write succeeds, and a second send()
 * while one is in flight does nothing (answers null).
 */
export function useSendOnce() {
  const attempt = useRef<string | null>(null);
  const sending = useRef(false);
  return {
    changed: () => {
      attempt.current = null;
    },
    /** Runs `write` with the attempt's client_id; its answer (did it succeed), or null when one was in flight. */
    send: async (write: (client_id: string) => Promise<boolean>): Promise<boolean | null> => {
      if (sending.current) return null;
      sending.current = true;
      attempt.current ??= newClientId();
      try {
        const ok = await write(attempt.current);
        if (ok) attempt.current = null;
        return ok;
      } finally {
        sending.current = false;
      }
    },
  };
}

interface ReplyFormProps {
  thread_id: string;
  onWritten: (written: ThreadWritten) => void;
  /** After a failed attempt (the thread may have become read-only). */
  onFailed: () => void;
}

/** The reply: a text area and 送信, one post per attempt (see the top of this file). */
export function ReplyForm({ thread_id, onWritten, onFailed }: ReplyFormProps) {
  const [body, setBody] = useState('');
  const [notice, setNotice] = useState('');
  const submit = useSubmit();
  const once = useSendOnce();

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setNotice('');
    if (!body.trim()) {
      submit.fail(t('thread.body_required'), { body: t('thread.body_required') });
      return;
    }
    const ok = await once.send((client_id) =>
      submit.run(async () => onWritten(await api.postToThread(thread_id, body, client_id))));
    if (ok === null) return;
    if (ok) {
      setBody('');
      setNotice(t('thread.sent'));
      submit.form_ref.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    } else {
      onFailed();
    }
  };

  return (
    <form ref={submit.form_ref} class="thread-reply" onSubmit={(e) => void onSubmit(e)} noValidate
      aria-labelledby="thread-reply-title">
      <h2 id="thread-reply-title">{t('thread.reply_title')}</h2>
      <Notice>{notice}</Notice>
      <ErrorMessage>{submit.errors.message}</ErrorMessage>
      <TextAreaField label={t('thread.reply')} name="body" value={body} rows={4} maxLength={kBodyMax}
        hint={t('thread.body_hint')} error={submit.field('body')} required
        onValue={(v) => {
          setBody(v);
          once.changed(); // a new text is a new attempt
        }} />
      <div class="actions">
        <Button type="submit" busy={submit.busy}>{t('thread.send')}</Button>
      </div>
    </form>
  );
}

export interface ThreadConversationProps {
  id: string;
  reader: ThreadSide;
  /** The front end's page heading (title and actions). */
  Head: ComponentType<{ title: string; children?: ComponentChildren }>;
  /** The way back to the list, in the heading. */
  back: ComponentChildren;
  /** Show the family (staff see many). */
  show_family: boolean;
  /** The explanation shown instead of the form when the thread is read-only. */
  closed_text: string;
  /** After each fetch (which marked the thread read): the navigation's count may change. */
  onRead: () => void;
}

/** A thread's page: heading (subject), who and where, the posts, the reply form or the note. */
export function ThreadConversation(props: ThreadConversationProps) {
  const { id, reader, Head } = props;
  const detail = useThreadDetail(id, props.onRead);
  const d = detail.data;
  return (
    <>
      <Head title={d?.thread.subject ?? t('thread.posts')}>{props.back}</Head>
      {detail.error !== null && <ErrorMessage>{errorText(detail.error)}</ErrorMessage>}
      {d === null && detail.error === null && <Loading label={t('common.loading')} />}
      {d && (
        <>
          <dl class="thread-facts">
            <div><dt>{t('thread.child')}</dt><dd>{d.thread.child.name}</dd></div>
            {props.show_family && <div><dt>{t('thread.family')}</dt><dd>{d.thread.family.name}</dd></div>}
            <div><dt>{t('thread.facility')}</dt><dd>{d.thread.facility.name}</dd></div>
          </dl>
          <ThreadPosts posts={d.items} reader={reader} />
          {d.thread.read_only ? (
            <ClosedNote text={props.closed_text} />
          ) : (
            <ReplyForm thread_id={id} onWritten={(w) => detail.set(withWritten(w))} onFailed={detail.reload} />
          )}
        </>
      )}
    </>
  );
}
