// What the kiosk shows and does, without any rendering: a scan (camera or USB scanner,
// both through scan()) becomes a preview, then a stamp, then a result screen that
// returns to `ready` by itself after a few seconds. The screen of a new scan replaces
// the previous one at once; the only names of other children it keeps are the pick-up
// questions still unanswered (./pickup_questions.ts), each labelled with its children.
// Staff with the unlocked menu stamp a child by name (stampChild) the same way.
// A family code shows the choice of children first; at a drop-in room (the preview's
// asks_adults) it also asks how many adults came (setAdults), and 「みんなで来ました」
// (allCame) stamps every child not present yet with one adult: the children who arrive
// together are one visit (組) of the family on the server, with its adults.
//
// Scans are handled one at a time, in order. When the network fails (or the server
// answers 5xx) the stamp goes to the offline queue; while the queue holds anything,
// new scans are queued behind it so the server sees them in scan order. A queued scan
// says who and which way when today's answers to the same code tell (./known_codes.ts).
// What a refusal means is decided by the answer's reason (not_code, credential_replaced,
// not_enrolled, kiosk_other_facility…; an unauthenticated kiosk was revoked), never by its
// text. Single-threaded (the page's event loop); subscribe() listeners run after each change.
import { ApiError, newClientId, type Api } from '../shared/api';
import { isFamilyStampResult, type StampAnswer, type StampInput, type StampPreview } from '../shared/types';
import { serverNowMs, serverNowRfc3339, serverToday } from './clock';
import { KnownCodes } from './known_codes';
import { isOffline, type StampQueue } from './offline_queue';
import { kPickupAnswerMs, PendingPickups, pickupInput, questionOf, type PickupAnswer } from './pickup_questions';
import { kAdultsDefault, kAdultsMax, kAdultsMin, kHoldMs, kPickupHoldMs, kPickupThanksMs, kRetryMs, kRevoked,
  kTypingHoldMs, refusal, type ResultLine, type Screen } from './screens';
import { beep } from './sound';
import { staffDetail } from './staff_detail';

export type { RefusalReason, ResultLine, Screen } from './screens';

export class KioskController {
  private screen_: Screen = { kind: 'ready' };
  private seq_ = 0; // counts scans; a slow answer to an older scan is not shown
  private chain_: Promise<void> = Promise.resolve();
  private timer_: ReturnType<typeof setTimeout> | undefined;
  private retry_: ReturnType<typeof setInterval> | undefined;
  private readonly listeners_ = new Set<() => void>();
  private readonly pending_ = new PendingPickups(serverNowMs);
  private readonly known_: KnownCodes;

  constructor(
    private readonly api: Api,
    private readonly facility_id: string,
    readonly queue: StampQueue,
  ) {
    this.known_ = new KnownCodes(facility_id, serverToday);
    queue.onSent((input, answer) => input.credential && this.known_.rememberAnswer(input.credential, answer));
  }

  get screen(): Screen {
    return this.screen_;
  }

  /** Increments with every scan: a key for the result view. */
  get seq(): number {
    return this.seq_;
  }

  subscribe(listener: () => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  /** Starts sending the offline queue in the background (every few seconds, and when back online). */
  start(): void {
    this.retry_ = setInterval(this.retry, kRetryMs);
    window.addEventListener('online', this.retry);
    this.retry();
  }

  stop(): void {
    clearInterval(this.retry_);
    clearTimeout(this.timer_);
    window.removeEventListener('online', this.retry);
  }

  /** Forgets the queue, the pending questions and the codes known today (unpairing). */
  forgetAll(): void {
    this.queue.clear();
    this.pending_.clear();
    this.known_.clear();
  }

  private readonly retry = () => {
    if (this.queue.size() > 0 && this.screen_.kind !== 'revoked') void this.flushQueue();
  };

  /** A code read by the camera or typed by the USB scanner. */
  scan(raw: string): void {
    const text = raw.trim();
    if (!text || this.screen_.kind === 'revoked') return;
    const seq = ++this.seq_;
    this.show({ kind: 'checking' });
    this.chain_ = this.chain_.then(() => this.handle(text, seq)).catch((err) => this.crashed(err, seq));
  }

  /**
   * Staff menu (unlocked): stamps a child who forgot the card, direction auto, and shows
   * the result as a scan would. Never queued: the server takes a stamp by name only while
   * unlocked. Resolves once the server answered (or failed).
   */
  stampChild(child_id: string): Promise<void> {
    if (this.screen_.kind === 'revoked') return Promise.resolve();
    const seq = ++this.seq_;
    const input: StampInput = { facility_id: this.facility_id, client_id: newClientId(), child_id,
      direction: 'auto', scanned_at: serverNowRfc3339() };
    this.show({ kind: 'checking' });
    const done = this.chain_.then(async () => {
      if (this.queue.size() > 0 && (await this.flushQueue()) !== 'empty') {
        if (seq === this.seq_ && this.screen_.kind !== 'revoked') this.show({ kind: 'failed', detail: staffDetail(new Error('offline')) });
        return;
      }
      return this.send(input, seq, false);
    }).catch((err) => this.crashed(err, seq));
    this.chain_ = done;
    return done;
  }

  /** Family code: ticks or unticks a child on the choose screen. */
  toggleChild(child_id: string): void {
    const s = this.screen_;
    if (s.kind !== 'choose') return;
    const selected = s.selected.includes(child_id)
      ? s.selected.filter((id) => id !== child_id)
      : [...s.selected, child_id];
    this.show({ ...s, selected });
  }

  /** Family code at a drop-in room: sets how many adults came (kept within kAdultsMin..kAdultsMax). */
  setAdults(adults: number): void {
    const s = this.screen_;
    if (s.kind !== 'choose' || s.adults === null) return;
    this.show({ ...s, adults: Math.min(kAdultsMax, Math.max(kAdultsMin, Math.round(adults))) });
  }

  /** Family code: stamps the ticked children, with the adults chosen at a drop-in room. */
  confirmFamily(): void {
    const s = this.screen_;
    if (s.kind !== 'choose' || s.selected.length === 0) return;
    const children = s.preview.children.filter((c) => s.selected.includes(c.id));
    // The adults came with the children who arrive; a departure has none to say.
    const adults = s.adults !== null && children.some((c) => !c.present) ? s.adults : null;
    this.stampFamily(s.credential, children.map((c) => c.id), adults);
  }

  /** Family code at a drop-in room: 「みんなで来ました（大人1人）」, every child not present yet, one adult. */
  allCame(): void {
    const s = this.screen_;
    if (s.kind !== 'choose' || s.adults === null) return;
    const arriving = s.preview.children.filter((c) => !c.present).map((c) => c.id);
    if (arriving.length === 0) return;
    this.stampFamily(s.credential, arriving, kAdultsDefault);
  }

  /** Stamps `child_ids` of the family `credential` (queued when offline); `adults` null sends none. */
  private stampFamily(credential: string, child_ids: string[], adults: number | null): void {
    const seq = ++this.seq_;
    const input: StampInput = {
      facility_id: this.facility_id,
      client_id: newClientId(),
      credential,
      child_ids,
      ...(adults !== null ? { adults } : {}),
      direction: 'auto',
      scanned_at: serverNowRfc3339(),
    };
    this.show({ kind: 'checking' });
    this.chain_ = this.chain_.then(() => this.send(input, seq, true)).catch((err) => this.crashed(err, seq));
  }

  /** Records who picks up the children of question `id` (on the result screen), for its visits only. */
  choosePickup(id: string, answer: PickupAnswer): void {
    const s = this.screen_;
    const q = s.kind === 'result' ? s.questions.find((x) => x.id === id && !x.answer) : undefined;
    if (s.kind !== 'result' || !q) return;
    this.pending_.take(id);
    this.showResult({ ...s, questions: s.questions.map((x) => (x.id === id ? { ...x, answer } : x)) }, kPickupThanksMs);
    void Promise.all(q.visit_ids.map((v) => this.api.setPickup(v, pickupInput(answer)))).catch((err) => {
      // Not sent at all: asked again on the next result screen while still in time.
      if (isOffline(err) && serverNowMs() < q.departed_at + kPickupAnswerMs) this.pending_.add(q);
      const now = this.screen_;
      if (now.kind !== 'result' || !now.questions.some((x) => x.id === id && x.answer)) return;
      const questions = now.questions.map((x) => (x.id === id ? { ...x, failed: staffDetail(err) } : x));
      this.show({ ...now, questions }, kHoldMs.failed);
    });
  }

  /** 記録しない: forgets question `id`; with none left unanswered, back to the ready screen. */
  skipPickup(id: string): void {
    const s = this.screen_;
    if (s.kind !== 'result') return;
    this.pending_.take(id);
    const questions = s.questions.filter((x) => x.id !== id);
    if (!questions.some((x) => !x.answer)) return this.show({ kind: 'ready' });
    this.showResult({ ...s, questions }, kPickupThanksMs);
  }

  /** Someone is typing on the result screen (a pick-up name): it stays a while longer. */
  keepScreen(): void {
    if (this.screen_.kind === 'result') this.show(this.screen_, kTypingHoldMs);
  }

  /** Back to the ready screen (cancel, tap on a result). */
  dismiss(): void {
    if (this.screen_.kind === 'revoked') return;
    this.show({ kind: 'ready' });
  }

  private async handle(credential: string, seq: number): Promise<void> {
    const input: StampInput = {
      facility_id: this.facility_id,
      client_id: newClientId(),
      credential,
      direction: 'auto',
      scanned_at: serverNowRfc3339(),
    };
    if (this.queue.size() > 0) {
      const outcome = await this.flushQueue();
      if (outcome === 'revoked') return;
      if (outcome === 'offline') return this.enqueue(input, seq);
    }
    let preview: StampPreview;
    try {
      preview = await this.api.previewStamp({ facility_id: this.facility_id, credential });
    } catch (err) {
      return this.failed(err, input, seq, true);
    }
    this.known_.rememberPreview(credential, preview);
    if (seq !== this.seq_) return;
    if (preview.kind === 'family') {
      this.show({ kind: 'choose', credential, preview, selected: preview.children.map((c) => c.id),
        adults: preview.asks_adults ? kAdultsDefault : null });
      return;
    }
    return this.send(input, seq, true);
  }

  /** Stamps `input`; a network failure queues it when `queue_offline`, else says it failed. */
  private async send(input: StampInput, seq: number, queue_offline: boolean): Promise<void> {
    let answer: StampAnswer;
    try {
      answer = await this.api.stamp(input);
    } catch (err) {
      return this.failed(err, input, seq, queue_offline);
    }
    if (input.credential) this.known_.rememberAnswer(input.credential, answer);
    const own = questionOf(answer);
    if (own) this.pending_.add(own);
    if (seq !== this.seq_) return;
    const results = isFamilyStampResult(answer) ? answer.results : [answer];
    const lines = results.map(({ result, visit }): ResultLine => ({
      name: visit.child.name,
      result,
      // A duplicate shows the time of the stamp it repeats: the departure once there is one.
      at: result === 'arrived' ? visit.in_at : (visit.out_at ?? visit.in_at),
      review: result === 'arrived' ? visit.review_reason : null,
    }));
    const questions = [...(own ? [own] : []), ...this.pending_.list().filter((q) => q.id !== own?.id)];
    const sound = lines.some((l) => l.result === 'arrived') ? 'arrived'
      : lines.some((l) => l.result === 'departed') ? 'departed' : 'duplicate';
    beep(sound);
    // The adults are said back only when the family was asked (a drop-in room's choose screen).
    const adults = input.adults === undefined ? null : (answer.group?.adults ?? null);
    this.showResult({ kind: 'result', lines, own: own?.id ?? null, questions, adults }, kHoldMs.result);
  }

  private failed(err: unknown, input: StampInput, seq: number, queue_offline: boolean): void {
    if (isOffline(err) && queue_offline) return this.enqueue(input, seq);
    if (seq !== this.seq_) return;
    const e = err as ApiError;
    if (e instanceof ApiError && (e.code === 'unauthenticated' || kRevoked.has(e.reason))) return this.revoked();
    // A refusal is about a card; a stamp by name that fails (kiosk_locked…) just failed.
    const reason = e instanceof ApiError && input.credential ? refusal(e) : null;
    beep('refused');
    if (reason) {
      if (input.credential) this.known_.forget(input.credential);
      this.show({ kind: 'refused', reason, detail: staffDetail(err) });
      return;
    }
    this.show({ kind: 'failed', detail: staffDetail(err) });
  }

  private crashed(err: unknown, seq: number): void {
    if (seq === this.seq_ && this.screen_.kind !== 'revoked') this.show({ kind: 'failed', detail: staffDetail(err) });
  }

  private enqueue(input: StampInput, seq: number): void {
    const guess = this.known_.guess(input, this.queue.items().map((q) => q.input));
    this.queue.add(input);
    if (seq !== this.seq_) return;
    beep('queued');
    this.show({ kind: 'queued', guess });
  }

  private async flushQueue() {
    const outcome = await this.queue.flush(this.api);
    if (outcome === 'revoked') this.revoked();
    return outcome;
  }

  private revoked(): void {
    this.pending_.clear();
    this.show({ kind: 'revoked' });
  }

  /** A result screen: it stays longer while a question on it waits for an answer. */
  private showResult(screen: Extract<Screen, { kind: 'result' }>, hold_ms: number): void {
    this.show(screen, screen.questions.some((q) => !q.answer) ? kPickupHoldMs : hold_ms);
  }

  private show(screen: Screen, hold_ms = kHoldMs[screen.kind]): void {
    clearTimeout(this.timer_);
    this.screen_ = screen;
    if (hold_ms > 0) this.timer_ = setTimeout(() => this.show({ kind: 'ready' }), hold_ms);
    for (const listener of this.listeners_) listener();
  }
}
