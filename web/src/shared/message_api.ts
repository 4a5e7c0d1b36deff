// The client's calls of messages (お知らせ), emergency notices, attachments and contact
// threads (連絡), spread into
// createApi's object (api.ts) so that `Api` has them. `call` and `request` are createApi's:
// `call` unwraps a 2xx answer (or one key of it) and throws ApiError otherwise; `request`
// answers {status, headers, body} whatever the status.
import type { Method, RawResponse, RequestOptions } from './api';
import { query } from './api';
import { ApiError } from './api_error';
import type {
  Attachment,
  EmergencyNotice,
  FamilyMessage,
  MessageInput,
  MessageListParams,
  MessageReceipts,
  MyMessageParams,
  Page,
  SentMessage,
  StaffMessage,
  Thread,
  ThreadInput,
  ThreadListParams,
  ThreadPage,
  ThreadPost,
  ThreadWritten,
} from './types';

/** createApi's `call`: the answer (or its field `key`); ApiError for a non-2xx status. */
export type CallFn = <T>(method: Method, path: string, body?: unknown, key?: string) => Promise<T>;
/** createApi's `request`: never throws on an HTTP status. */
export type RequestFn = <T = any>(
  method: Method,
  path: string,
  body?: unknown,
  opts?: RequestOptions,
) => Promise<RawResponse<T>>;

const seg = encodeURIComponent;

/** The bytes as a fetch body: a view of a SharedArrayBuffer is copied (fetch takes none). */
function bodyOf(bytes: Blob | Uint8Array | ArrayBuffer): BodyInit {
  if (!(bytes instanceof Uint8Array)) return bytes;
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export function messageCalls(call: CallFn, request: RequestFn) {
  return {
    // messages (staff)
    /**
     * 201 sent (or scheduled with send_at), 200 with the first answer when client_id was seen
     * before; `recipients` counts whom it reached (scheduled: whom it would reach today).
     */
    sendMessage: (input: MessageInput) => call<SentMessage>('POST', '/api/v1/messages', input),
    /** Newest first; facility_staff see the messages whose facilities are all theirs. */
    messages: (p: MessageListParams = {}) =>
      call<Page<StaffMessage>>('GET', `/api/v1/messages${query({
        facility_id: p.facility_id, status: p.status, limit: p.limit, cursor: p.cursor,
      })}`),
    staffMessage: (id: string) =>
      call<StaffMessage>('GET', `/api/v1/messages/${seg(id)}`, undefined, 'message'),
    /** A scheduled message never goes out (again: harmless); a sent one is 409 already_sent. */
    cancelMessage: (id: string) => call<void>('DELETE', `/api/v1/messages/${seg(id)}`),
    /** An emergency notice stops showing as a banner. */
    endMessage: (id: string) =>
      call<StaffMessage>('POST', `/api/v1/messages/${seg(id)}/end`, undefined, 'message'),
    messageReceipts: (id: string) =>
      call<MessageReceipts>('GET', `/api/v1/messages/${seg(id)}/receipts`),
    /** Sends again to the families that have not read it; answers how many. */
    remindMessage: (id: string) =>
      call<number>('POST', `/api/v1/messages/${seg(id)}/remind`, undefined, 'families'),

    // messages of the signed-in guardian's family
    /** The sent messages that reached the family, newest first, each with its read_at. */
    myMessages: (p: MyMessageParams = {}) =>
      call<Page<FamilyMessage>>('GET', `/api/v1/me/messages${query({ limit: p.limit, cursor: p.cursor })}`),
    /** GET /messages/{id} as a guardian: the family's view of it. */
    myMessage: (id: string) =>
      call<FamilyMessage>('GET', `/api/v1/messages/${seg(id)}`, undefined, 'message'),
    /** The family has read it (any of its guardians); a repeat is harmless. */
    readMessage: (id: string) => call<void>('POST', `/api/v1/me/messages/${seg(id)}/read`),

    /** The emergency notices in force: staff, guardians and kiosks each see theirs. */
    emergencies: () => call<EmergencyNotice[]>('GET', '/api/v1/emergencies', undefined, 'items'),

    // attachments (staff upload; readers of a message fetch)
    /** Uploads a PDF, PNG or JPEG (at most 10 MiB) as the raw body with its Content-Type. */
    uploadAttachment: async (
      bytes: Blob | Uint8Array | ArrayBuffer,
      name: string,
      contentType: string,
    ): Promise<Attachment> => {
      const res = await request('POST', `/api/v1/attachments${query({ name })}`, undefined, {
        raw: bodyOf(bytes),
        headers: { 'Content-Type': contentType },
      });
      if (res.status < 200 || res.status > 299) throw new ApiError(res.status, res.body);
      return res.body?.attachment as Attachment;
    },
    /** Where the file is fetched (same origin, as Attachment.url). */
    attachmentUrl: (id: string) => `/api/v1/attachments/${seg(id)}`,

    // contact threads (guardians of the family, staff of the facility)
    /** A guardian opens a thread about a child at a facility where it is enrolled. */
    createThread: (input: ThreadInput) => call<ThreadWritten>('POST', '/api/v1/threads', input),
    /** The reader's threads, latest written first, with `unread_threads` for the navigation. */
    threads: (p: ThreadListParams = {}) =>
      call<ThreadPage>('GET', `/api/v1/threads${query({
        facility_id: p.facility_id, unread: p.unread, limit: p.limit, cursor: p.cursor,
      })}`),
    /** The thread and its posts; reading marks them read for the reader's side. */
    thread: (id: string) =>
      call<{ thread: Thread; items: ThreadPost[] }>('GET', `/api/v1/threads/${seg(id)}`),
    /** 409 thread_closed once the family is no longer enrolled at the facility. */
    postToThread: (id: string, body: string, client_id?: string) =>
      call<ThreadWritten>('POST', `/api/v1/threads/${seg(id)}/messages`, { body, client_id }),
  };
}
