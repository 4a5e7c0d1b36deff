// What the server said today about each code scanned at this kiosk, so a scan queued
// offline can still say who and which way: 「送信待ち：山田 太郎さん（おかえり）」.
// Kept in memory and localStorage for the current day and facility only (a new day, or
// a pairing with another facility, starts empty), keyed by the exact scanned text, and filled only from the answers to that very text
// (previews and stamps), so the names shown are never another family's. A refused code
// is forgotten. Single-threaded (the page's event loop); one kiosk page per device.
import { isFamilyStampResult, type StampAnswer, type StampInput, type StampPreview } from '../shared/types';

const kKey = 'tadaima.kiosk.known_codes';
const kKept = 500; // codes kept per day: more than a facility's children and families

export interface KnownChild {
  id: string;
  name: string;
  /** In the facility after the last answer the server gave. */
  present: boolean;
}

export interface KnownCode {
  family_name: string;
  children: KnownChild[];
}

/** A queued scan as the kiosk expects the server to take it: each child and the probable direction. */
export interface QueuedGuess {
  children: { name: string; direction: 'in' | 'out' }[];
}

interface Stored {
  day: string;
  facility_id: string;
  codes: Record<string, KnownCode>;
}

export class KnownCodes {
  private day_ = '';
  private codes_ = new Map<string, KnownCode>();

  /** `today` gives the current day ("2027-06-10"); see ./clock.ts. */
  constructor(private readonly facility_id: string, private readonly today: () => string) {
    try {
      const stored = JSON.parse(localStorage.getItem(kKey) ?? 'null') as Stored | null;
      if (stored && stored.day === today() && stored.facility_id === facility_id && stored.codes) {
        this.day_ = stored.day;
        this.codes_ = new Map(Object.entries(stored.codes));
      }
    } catch {
      // Unreadable: start empty.
    }
  }

  /** What the code's preview said: the family and each child's presence. */
  rememberPreview(code: string, preview: StampPreview): void {
    const known = this.get(code);
    this.put(code, {
      family_name: preview.family_name,
      children: preview.children.map(({ id, name, present }) => ({ id, name, present })),
    }, known);
  }

  /** What a stamp of the code answered: the stamped children are in or out now. */
  rememberAnswer(code: string, answer: StampAnswer): void {
    const results = isFamilyStampResult(answer) ? answer.results : [answer];
    const known = this.get(code);
    const children = [...(known?.children ?? [])];
    for (const { visit } of results) {
      const child = { id: visit.child.id, name: visit.child.name, present: visit.out_at === null };
      const at = children.findIndex((c) => c.id === child.id);
      if (at >= 0) children[at] = child;
      else children.push(child);
    }
    this.put(code, { family_name: known?.family_name ?? '', children }, known);
    // The same child on another code (a family's and the child's own card): only the presence.
    for (const [other, value] of this.codes_) {
      if (other === code) continue;
      for (const c of value.children) {
        const seen = children.find((s) => s.id === c.id);
        if (seen) c.present = seen.present;
      }
    }
    this.save();
  }

  /** Forgets a code the server refused. */
  forget(code: string): void {
    if (this.get(code)) {
      this.codes_.delete(code);
      this.save();
    }
  }

  /**
   * Who `input` names and which way each probably goes: the flip of the last known
   * presence, after the scans of the same code in `queued` (sent before it). Null when the
   * code is not known today.
   */
  guess(input: StampInput, queued: StampInput[]): QueuedGuess | null {
    const known = input.credential ? this.get(input.credential) : null;
    if (!known) return null;
    const names = (i: StampInput, id: string) => !i.child_ids || i.child_ids.includes(id);
    const children = known.children.filter((c) => names(input, c.id)).map((c) => {
      let present = c.present;
      for (const q of queued) if (q.credential === input.credential && names(q, c.id)) present = !present;
      return { name: c.name, direction: present ? 'out' as const : 'in' as const };
    });
    return children.length > 0 ? { children } : null;
  }

  /** Forgets everything (unpairing). */
  clear(): void {
    this.codes_.clear();
    localStorage.removeItem(kKey);
  }

  private get(code: string): KnownCode | null {
    const today = this.today();
    if (today !== this.day_) {
      this.day_ = today;
      this.codes_.clear();
    }
    return this.codes_.get(code) ?? null;
  }

  private put(code: string, value: KnownCode, before: KnownCode | null): void {
    if (before) this.codes_.delete(code); // re-inserted last: the oldest go first
    this.codes_.set(code, value);
    while (this.codes_.size > kKept) this.codes_.delete(this.codes_.keys().next().value!);
    this.save();
  }

  private save(): void {
    const stored: Stored = { day: this.day_, facility_id: this.facility_id, codes: Object.fromEntries(this.codes_) };
    try {
      localStorage.setItem(kKey, JSON.stringify(stored));
    } catch {
      // Storage full or unavailable: the memory copy still answers until a reload.
    }
  }
}
