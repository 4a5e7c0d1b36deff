// The 利用者票 form, made for a stack of paper forms typed one after another: in tab order
// the date (today at first, kept from one form to the next), the time, the adults (1), a
// row a child — one field taking a birth date, an age or a grade, with a live hint of what
// it read (child_age.ts) — the area (offering those entered before) and the family (chosen
// in a dialog). Enter moves to the next field; in the last child row it adds a row (in an
// empty last row it moves on to the area). Ctrl+Enter (⌘+Enter) or 登録 sends the form:
// what cannot be read is said beside its field and nothing is sent; the server's field
// errors are said beside the field they name. On success the form starts afresh (the date
// kept, the focus on the time) and `onCreated` gets the stored form. One client_id a form:
// a double submit (or a retry after a lost answer) stores it once.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { newClientId } from '../../../shared/api';
import { useSubmit } from '../../../shared/form';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Family, WalkIn } from '../../../shared/types';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { TextField } from '../../../shared/ui/fields';
import { kOrgOffset } from '../../../shared/ui/time';
import { readChildAge } from './child_age';
import { FamilyPickDialog } from './family_pick_dialog';
import {
  childControl, controlOf, emptyDraft, kMaxArea, kMaxChildren, readClockTime, readDraft, type WalkInDraft,
} from './walk_in_draft';
import { readingText } from './walk_in_text';

interface LineProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  /** Said under the field (what was read, or how to write it). */
  hint?: string;
  /** The hint is a problem of what was typed (shown as such, not yet an error). */
  hintProblem?: boolean;
  /** The hint changes as one types: announced politely. */
  liveHint?: boolean;
  error?: string;
  inputMode?: 'numeric' | 'text';
  list?: string;
  maxLength?: number;
  row?: number;
}

/** A one-line text field as ../../../shared/ui/fields draws one, with a hint that may be live. */
function Line(props: LineProps) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <input id={id} type="text" name={props.name} value={props.value} autoComplete="off"
        inputMode={props.inputMode} list={props.list} maxLength={props.maxLength} data-row={props.row}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined} aria-describedby={described || undefined} />
      {props.hint && (
        <p id={`${id}-hint`} class={props.hintProblem ? 'hint hint--problem' : 'hint'}
          aria-live={props.liveHint ? 'polite' : undefined}>{props.hint}</p>
      )}
      {props.error && <p id={`${id}-error`} class="field-error">{props.error}</p>}
    </div>
  );
}

/** Whether the element may take the focus from the keyboard (Enter moves there). */
const focusable = (el: Element): el is HTMLElement =>
  el instanceof HTMLElement && !(el as HTMLInputElement).disabled && el.tabIndex >= 0 &&
  (el instanceof HTMLInputElement || el instanceof HTMLButtonElement || el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement);

export function WalkInForm({ facility_id, date, onDate, areas, onCreated }: {
  facility_id: string;
  date: string;
  onDate: (date: string) => void;
  /** The areas entered before, offered as the area's choices. */
  areas: readonly string[];
  onCreated: (walk_in: WalkIn) => void;
}) {
  const [draft, setDraft] = useState<WalkInDraft>(() => emptyDraft(date));
  const [client_id, setClientId] = useState(newClientId);
  const [picking, setPicking] = useState(false);
  /** The rows of the children last sent, for the server's `children[i]`. */
  const sent_rows = useRef<number[]>([]);
  /** The control to focus after the next render (a row just added, the time after a reset). */
  const focus_next = useRef<string | null>('time');
  const mounted = useRef(false);
  const form = useSubmit({
    stray: 'each',
    fieldName: (name) => ({ name: controlOf(name, sent_rows.current) }),
  });
  const ids = useId();
  const areas_id = `${ids}-areas`;

  const control = (name: string) => form.form_ref.current?.querySelector<HTMLElement>(`[name="${name}"]`);
  // Before the next key is handled, so that what is typed next lands in the control.
  useLayoutEffect(() => {
    const name = focus_next.current;
    focus_next.current = null;
    if (!mounted.current) {
      mounted.current = true;
      // The first time after the frame: the shell focuses <main> after a navigation.
      if (name) requestAnimationFrame(() => control(name)?.focus());
    } else if (name) control(name)?.focus();
  });
  // The date is the page's too (its list shows that day).
  useEffect(() => {
    if (date !== draft.date) setDraft((d) => ({ ...d, date }));
  }, [date]);

  const edit = (change: Partial<WalkInDraft>) => setDraft((d) => ({ ...d, ...change }));
  const editChild = (row: number, text: string) =>
    setDraft((d) => ({ ...d, children: d.children.map((c, i) => (i === row ? text : c)) }));

  const submit = () => {
    if (form.busy) return;
    const reading = readDraft(draft, kOrgOffset);
    if (!reading.ok) {
      const fields = Object.fromEntries(Object.entries(reading.problems).map(([name, key]) => [name, t(key)]));
      form.fail(t('error.invalid_argument'), fields);
      return;
    }
    sent_rows.current = reading.rows;
    void form.run(async () => {
      const stored = await api.createWalkIn(facility_id, { client_id, ...reading.input });
      setDraft(emptyDraft(draft.date));
      setClientId(newClientId());
      focus_next.current = 'time';
      onCreated(stored);
    });
  };

  /** Enter in a child row: the next row; in the last one a new row, or the area when it is empty. */
  const enterInChild = (row: number) => {
    const last = row === draft.children.length - 1;
    if (last && draft.children[row].trim() !== '' && draft.children.length < kMaxChildren) {
      focus_next.current = childControl(row + 1); // once the row is there
      setDraft((d) => ({ ...d, children: [...d.children, ''] }));
    } else control(last ? 'area' : childControl(row + 1))?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Enter that ends a conversion of the input method belongs to it.
    if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    const target = e.target;
    if (!(target instanceof HTMLInputElement)) return; // Enter on a button presses it
    e.preventDefault(); // never an implicit submit
    if (target.dataset.row !== undefined) {
      enterInChild(Number(target.dataset.row));
      return;
    }
    const controls = [...(form.form_ref.current?.elements ?? [])].filter(focusable);
    controls[controls.indexOf(target) + 1]?.focus();
  };

  const time_read = readClockTime(draft.time);
  const known_areas = useMemo(() => [...new Set(areas)].sort((a, b) => a.localeCompare(b, 'ja')), [areas]);

  return (
    <>
      <form ref={form.form_ref} class="walk-in-form" noValidate onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <div class="row">
          <TextField label={t('walk_in.date')} name="date" type="date" value={draft.date}
            error={form.field('date')}
            onValue={(d) => {
              edit({ date: d });
              if (d) onDate(d);
            }} />
          <Line label={t('walk_in.time')} name="time" value={draft.time} onValue={(v) => edit({ time: v })}
            inputMode="numeric" error={form.field('time')} liveHint
            hint={draft.time.trim() === '' ? t('walk_in.time_hint') : (time_read ?? t('walk_in.time_invalid'))}
            hintProblem={draft.time.trim() !== '' && !time_read} />
          <Line label={t('walk_in.adults')} name="adults" value={draft.adults} onValue={(v) => edit({ adults: v })}
            inputMode="numeric" error={form.field('adults')} />
        </div>
        <fieldset class="walk-in-children">
          <legend>{t('walk_in.children')}</legend>
          {draft.children.map((text, row) => {
            const reading = readChildAge(text);
            return (
              <Line key={row} row={row} label={t('walk_in.child', { n: row + 1 })} name={childControl(row)}
                value={text} onValue={(v) => editChild(row, v)} error={form.field(childControl(row))}
                hint={readingText(reading)} hintProblem={reading.kind === 'problem'} liveHint />
            );
          })}
        </fieldset>
        <Line label={t('walk_in.area')} name="area" value={draft.area} onValue={(v) => edit({ area: v })}
          list={areas_id} maxLength={kMaxArea} hint={t('walk_in.area_hint')} error={form.field('area')} />
        <datalist id={areas_id}>
          {known_areas.map((a) => <option key={a} value={a} />)}
        </datalist>
        <div class={form.field('family_id') ? 'field field--invalid' : 'field'} role="group"
          aria-labelledby={`${ids}-family`}>
          <span id={`${ids}-family`} class="label">{t('walk_in.family')}</span>
          <div class="row row--end walk-in-family">
            <span id={`${ids}-family-value`}>{draft.family?.name ?? t('walk_in.family_none')}</span>
            <button type="button" class="btn btn--secondary" name="family_id"
              aria-describedby={`${ids}-family-value`} aria-invalid={form.field('family_id') ? 'true' : undefined}
              onClick={() => setPicking(true)}>
              {t('walk_in.family_pick')}
            </button>
            {draft.family && (
              <Button variant="link" onClick={() => {
                edit({ family: null });
                focus_next.current = 'family_id';
              }}>{t('walk_in.family_clear')}</Button>
            )}
          </div>
          {form.field('family_id') && <p class="field-error">{form.field('family_id')}</p>}
        </div>
        <div class="actions">
          <Button type="submit" busy={form.busy}>{t('walk_in.submit')}</Button>
          <p class="hint">{t('walk_in.submit_hint')}</p>
        </div>
      </form>
      {picking && (
        <FamilyPickDialog title={t('walk_in.pick_title')} onClose={() => setPicking(false)}
          onPick={async (family: Family) => {
            edit({ family: { id: family.id, name: family.name } });
            setPicking(false);
          }} />
      )}
    </>
  );
}
