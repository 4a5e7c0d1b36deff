// What the kiosk shows and does, without any rendering: a scan (camera or USB scanner,
// both through scan()) becomes a preview, then a stamp, then a result screen that
// returns to `ready` by itself after a few seconds. The screen of a new scan replaces
// the previous one at once, so a child never sees another family's names.
//
// Scans are handled one at a time, in order. When the network fails (or the server
// answers 5xx) the stamp goes to the offline queue; while the queue holds anything,
// new scans are queued behind it so the server sees them in scan order. What a refusal
// means is decided by the answer's reason (not_code, credential_replaced, not_enrolled,
// kiosk_other_facility…; an unauthenticated kiosk was revoked), never by its text.
// Single-threaded (the page's event loop); subscribe() listeners run after each change.
import { ApiError, newClientId, type Api } from '../shared/api';
import { serverNowRfc3339 } from './clock';
import { isFamilyStampResult, type ErrorReason, type StampAnswer, type StampInput, type StampPreview,
  type StampResultKind } from '../shared/types';
import { isOffline, type StampQueue } from './offline_queue';
import { beep } from './sound';

export interface ResultLine {
  name: string;
  result: StampResultKind;
  /** RFC 3339: in_at of an arrival, out_at of a departure, the latest of both for a duplicate. */
  at: string;
  /** An arrival staff should look at: the child was reported absent today, or came after closing. */
  review: 'absent_plan' | 'after_closing' | null;
}

export interface PickupOffer {
  visit_ids: string[];
  choices: string[];
  chosen: string | null;
  failed: boolean;
}

export type RefusalReason = 'not_code' | 'replaced' | 'not_enrolled' | 'other_facility' | 'other';

export type Screen =
  | { kind: 'ready' }
  | { kind: 'checking' }
  | { kind: 'result'; lines: ResultLine[]; pickup: PickupOffer | null }
  | { kind: 'choose'; credential: string; preview: StampPreview; selected: string[] }
  | { kind: 'queued' }
  | { kind: 'refused'; reason: RefusalReason; detail: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'revoked' };

/** How long each screen stays before the kiosk is ready again (ms). */
const kHoldMs: Record<Screen['kind'], number> = {
  ready: 0,
  checking: 0,
  result: 5_000,
  choose: 30_000,
  queued: 4_000,
  refused: 8_000,
  failed: 6_000,
  revoked: 0,
};
const kPickupHoldMs = 20_000;
const kPickupThanksMs = 2_500;
const kRetryMs = 5_000;

/** The refusals the kiosk explains, by the reason of the answer or of its `credential` field. */
const kRefusals: Partial<Record<ErrorReason, RefusalReason>> = {
  not_code: 'not_code',
  credential_replaced: 'replaced',
  not_enrolled: 'not_enrolled',
  not_enrolled_anywhere: 'not_enrolled',
  not_family_child: 'not_enrolled',
  kiosk_other_facility: 'other_facility',
};

/** The reasons that mean this kiosk's token no longer counts: it was revoked. */
const kRevoked = new Set<string>(['kiosk_revoked', 'kiosk_not_paired', 'unauthenticated', 'sign_in_required']);

/** For staff: "400 invalid_argument credential_replaced (credential: has been replaced…)". */
function describe(err: unknown): string {
  if (!(err instanceof ApiError)) return String((err as Error)?.message ?? err);
  const fields = Object.entries(err.fields).map(([k, v]) => `${k}: ${v}`).join(', ');
  return `${err.status} ${err.code} ${err.reason}${fields ? ` (${fields})` : err.message ? ` (${err.message})` : ''}`;
}

/** What a refused stamp or preview means for the kiosk; null when it is not a refusal. */
function refusal(err: ApiError): RefusalReason | null {
  if (err.code === 'permission_denied') return kRefusals[err.reason as ErrorReason] ?? 'other';
  if (err.code !== 'invalid_argument' || !('credential' in err.fields)) return null;
  return kRefusals[err.fieldReasons.credential as ErrorReason] ?? 'other';
}

export class KioskController {
  private screen_: Screen = { kind: 'ready' };
  private seq_ = 0; // counts scans; a slow answer to an older scan is not shown
  private chain_: Promise<void> = Promise.resolve();
  private timer_: ReturnType<typeof setTimeout> | undefined;
  private retry_: ReturnType<typeof setInterval> | undefined;
  private readonly listeners_ = new Set<() => void>();

  constructor(
    private readonly api: Api,
    private readonly facility_id: string,
    readonly queue: StampQueue,
  ) {}

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

  private readonly retry = () => {
    if (this.queue.size() > 0 && this.screen_.kind !== 'revoked') void this.flushQueue();
  };

  /** A code read by the camera or typed by the USB scanner. */
  scan(raw: string): void {
    const text = raw.trim();
    if (!text || this.screen_.kind === 'revoked') return;
    const seq = ++this.seq_;
    this.show({ kind: 'checking' });
    this.chain_ = this.chain_.then(() => this.handle(text, seq)).catch((err) => {
      if (seq === this.seq_) this.show({ kind: 'failed', detail: describe(err) });
    });
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

  /** Family code: stamps the ticked children. */
  confirmFamily(): void {
    const s = this.screen_;
    if (s.kind !== 'choose' || s.selected.length === 0) return;
    const seq = ++this.seq_;
    const input: StampInput = {
      facility_id: this.facility_id,
      client_id: newClientId(),
      credential: s.credential,
      child_ids: s.preview.children.filter((c) => s.selected.includes(c.id)).map((c) => c.id),
      direction: 'auto',
      scanned_at: serverNowRfc3339(),
    };
    this.show({ kind: 'checking' });
    this.chain_ = this.chain_.then(() => this.send(input, seq)).catch((err) => {
      if (seq === this.seq_) this.show({ kind: 'failed', detail: describe(err) });
    });
  }

  /** After a departure: records who picks the child(ren) up. */
  choosePickup(choice: string): void {
    const s = this.screen_;
    if (s.kind !== 'result' || !s.pickup || s.pickup.chosen) return;
    const seq = this.seq_;
    const pickup = s.pickup;
    this.show({ ...s, pickup: { ...pickup, chosen: choice } }, kPickupThanksMs);
    void Promise.all(pickup.visit_ids.map((id) => this.api.setPickup(id, choice))).catch(() => {
      const now = this.screen_;
      if (seq === this.seq_ && now.kind === 'result' && now.pickup) {
        this.show({ ...now, pickup: { ...now.pickup, failed: true } }, kHoldMs.failed);
      }
    });
  }

  /** Back to the ready screen (skip, cancel, tap on a result). */
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
      return this.failed(err, input, seq);
    }
    if (seq !== this.seq_) return;
    if (preview.kind === 'family') {
      this.show({ kind: 'choose', credential, preview, selected: preview.children.map((c) => c.id) });
      return;
    }
    return this.send(input, seq);
  }

  private async send(input: StampInput, seq: number): Promise<void> {
    let answer: StampAnswer;
    try {
      answer = await this.api.stamp(input);
    } catch (err) {
      return this.failed(err, input, seq);
    }
    if (seq !== this.seq_) return;
    const results = isFamilyStampResult(answer) ? answer.results : [answer];
    const lines = results.map(({ result, visit }): ResultLine => ({
      name: visit.child.name,
      result,
      // A duplicate shows the time of the stamp it repeats: the departure once there is one.
      at: result === 'arrived' ? visit.in_at : (visit.out_at ?? visit.in_at),
      review: result === 'arrived' ? visit.review_reason : null,
    }));
    const departed = results.filter((r) => r.result === 'departed').map((r) => r.visit.id);
    const pickup = departed.length > 0 && answer.pickup_choices.length > 0
      ? { visit_ids: departed, choices: answer.pickup_choices, chosen: null, failed: false }
      : null;
    const sound = lines.some((l) => l.result === 'arrived') ? 'arrived'
      : lines.some((l) => l.result === 'departed') ? 'departed' : 'duplicate';
    beep(sound);
    this.show({ kind: 'result', lines, pickup }, pickup ? kPickupHoldMs : kHoldMs.result);
  }

  private failed(err: unknown, input: StampInput, seq: number): void {
    if (isOffline(err)) return this.enqueue(input, seq);
    if (seq !== this.seq_) return;
    const e = err as ApiError;
    if (e.code === 'unauthenticated' || kRevoked.has(e.reason)) return this.revoked();
    const reason = refusal(e);
    if (reason) {
      beep('refused');
      this.show({ kind: 'refused', reason, detail: describe(err) });
      return;
    }
    beep('refused');
    this.show({ kind: 'failed', detail: describe(err) });
  }

  private enqueue(input: StampInput, seq: number): void {
    this.queue.add(input);
    if (seq !== this.seq_) return;
    beep('queued');
    this.show({ kind: 'queued' });
  }

  private async flushQueue() {
    const outcome = await this.queue.flush(this.api);
    if (outcome === 'revoked') this.revoked();
    return outcome;
  }

  private revoked(): void {
    this.show({ kind: 'revoked' });
  }

  private show(screen: Screen, hold_ms = kHoldMs[screen.kind]): void {
    clearTimeout(this.timer_);
    this.screen_ = screen;
    if (hold_ms > 0) this.timer_ = setTimeout(() => this.show({ kind: 'ready' }), hold_ms);
    for (const listener of this.listeners_) listener();
  }
}
