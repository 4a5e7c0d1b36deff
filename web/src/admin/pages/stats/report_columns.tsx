// 実績表の列: which figures the monthly usage report's files (Excel, CSV, PDF) show in their
// tables, and in which order — one list for drop-in rooms and nurseries, one for
// after-school clubs (GET/PUT /reports/columns, the organization's choice). The org admin
// edits both lists (↑/↓ and 外す on each chosen column, a button for each figure not chosen)
// and saves them together, or puts the defaults back; the server's refusal is said by field
// (the kind, the column's place and name) and reason. A staff member sees the chosen columns
// only. The columns' names are the files' headers as the server gives them (data, the same
// in both languages).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction, Outcome } from '../../../shared/action';
import { ApiError } from '../../../shared/api';
import { errorText, fieldText } from '../../../shared/form';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { ReportColumnLists, ReportColumnsAnswer } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { useLoad } from '../../data';
import { LoadStatus } from '../../status';

type Kind = keyof ReportColumnLists;
type Choice = ReportColumnsAnswer['choices'][Kind][number];

const kKinds: readonly Kind[] = ['drop_in', 'after_school'];

const kindLabel = (kind: Kind) => t(`report_columns.kind.${kind}`);

/** The label of `key` among `choices`; the key itself when the server no longer offers it. */
const labelOf = (choices: readonly Choice[], key: string) => choices.find((c) => c.key === key)?.label ?? key;

const sameLists = (a: ReportColumnLists, b: ReportColumnLists) =>
  kKinds.every((k) => a[k].length === b[k].length && a[k].every((key, i) => key === b[k][i]));

/**
 * The text of a refused PUT of `sent`: the general text, then each field's problem by its
 * reason — `drop_in[1]` as the kind, the column's place and name; `drop_in` (an empty list)
 * as the kind and 列を1つ以上選んでください.
 */
function refusalText(err: unknown, sent: Partial<ReportColumnLists>, answer: ReportColumnsAnswer): string {
  const general = errorText(err);
  if (!(err instanceof ApiError)) return general;
  const said = Object.keys(err.fields).map((name) => {
    const m = /^(drop_in|after_school)(?:\[(\d+)\])?$/.exec(name);
    if (!m) return `${name}: ${fieldText(err, name)}`;
    const kind = m[1] as Kind;
    if (m[2] === undefined) {
      const text = err.fieldReasons[name] === 'required' ? t('report_columns.required') : fieldText(err, name);
      return t('report_columns.error_list', { kind: kindLabel(kind), text });
    }
    const i = Number(m[2]);
    const label = labelOf(answer.choices[kind], sent[kind]?.[i] ?? '');
    return t('report_columns.error_item', { kind: kindLabel(kind), n: i + 1, label, text: fieldText(err, name) });
  });
  return [general, ...said].join(' ');
}

/** Which button takes the focus after a change: the data-column-action of the column's key. */
interface FocusTarget {
  key: string;
  action: 'up' | 'down' | 'remove' | 'add';
}

interface KindEditorProps {
  kind: Kind;
  chosen: string[];
  choices: readonly Choice[];
  onChosen: (chosen: string[]) => void;
}

/** One kind's chosen columns (in order, each with ↑, ↓ and 外す), then the figures to add. */
function KindEditor({ kind, chosen, choices, onChosen }: KindEditorProps) {
  const box = useRef<HTMLFieldSetElement>(null);
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const rest = choices.filter((c) => !chosen.includes(c.key));
  const kindName = kindLabel(kind);

  // A moved, removed or added column keeps the keyboard's place: its button (or, at the
  // edge where that button is disabled, the other move button) takes the focus.
  useEffect(() => {
    if (!focus) return;
    setFocus(null);
    const find = (action: FocusTarget['action']) => box.current?.querySelector<HTMLButtonElement>(
      `button[data-column="${CSS.escape(focus.key)}"][data-column-action="${action}"]:not(:disabled)`);
    const other = focus.action === 'up' ? 'down' : focus.action === 'down' ? 'up' : 'remove';
    (find(focus.action) ?? find(other))?.focus();
  }, [focus]);

  const move = (i: number, delta: -1 | 1) => {
    const next = [...chosen];
    [next[i], next[i + delta]] = [next[i + delta], next[i]];
    onChosen(next);
    setFocus({ key: chosen[i], action: delta < 0 ? 'up' : 'down' });
  };
  const remove = (key: string) => {
    onChosen(chosen.filter((k) => k !== key));
    setFocus({ key, action: 'add' });
  };
  const add = (key: string) => {
    onChosen([...chosen, key]);
    setFocus({ key, action: 'remove' });
  };

  return (
    <fieldset ref={box} class="card report-columns">
      <legend>{kindName}</legend>
      {kind === 'drop_in' && <p class="meta">{t('report_columns.total_note')}</p>}
      {chosen.length > 0 ? (
        <ol class="report-columns-chosen" aria-label={t('report_columns.chosen', { kind: kindName })}>
          {chosen.map((key, i) => {
            const label = labelOf(choices, key);
            return (
              <li key={key}>
                <div class="report-column">
                  <span class="report-column-name">{label}</span>
                  <span class="cell-actions">
                    <button type="button" class="btn btn--secondary" data-column={key} data-column-action="up"
                      disabled={i === 0} aria-label={t('report_columns.up_label', { label })} onClick={() => move(i, -1)}>
                      {t('report_columns.up')}
                    </button>
                    <button type="button" class="btn btn--secondary" data-column={key} data-column-action="down"
                      disabled={i === chosen.length - 1} aria-label={t('report_columns.down_label', { label })}
                      onClick={() => move(i, 1)}>
                      {t('report_columns.down')}
                    </button>
                    <button type="button" class="btn btn--danger" data-column={key} data-column-action="remove"
                      aria-label={t('report_columns.remove_label', { label })} onClick={() => remove(key)}>
                      {t('report_columns.remove')}
                    </button>
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p class="report-columns-none">{t('report_columns.none_left')}</p>
      )}
      {rest.length > 0 ? (
        <ul class="report-columns-addable" aria-label={t('report_columns.addable', { kind: kindName })}>
          {rest.map((c) => (
            <li key={c.key}>
              <button type="button" class="btn btn--secondary" data-column={c.key} data-column-action="add"
                aria-label={t('report_columns.add_label', { label: c.label })} onClick={() => add(c.key)}>
                {t('report_columns.add', { label: c.label })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="meta">{t('report_columns.all_chosen')}</p>
      )}
    </fieldset>
  );
}

/** The org admin's editor of both lists: 保存 puts both, 既定に戻す puts {}. */
function ColumnsEditor({ answer, onAnswer }: { answer: ReportColumnsAnswer; onAnswer: (a: ReportColumnsAnswer) => void }) {
  const [draft, setDraft] = useState<ReportColumnLists>(answer.columns);
  const sent = useRef<Partial<ReportColumnLists>>({}); // what the refusal is about
  const action = useAction<'save' | 'reset'>((err) => refusalText(err, sent.current, answer));
  const put = (lists: Partial<ReportColumnLists>, tag: 'save' | 'reset') => {
    sent.current = lists;
    return action.run(async () => {
      const next = await api.putReportColumns(lists);
      onAnswer(next);
      setDraft(next.columns);
      return t(tag === 'save' ? 'report_columns.saved' : 'report_columns.restored');
    }, { tag });
  };
  return (
    <>
      {kKinds.map((kind) => (
        <KindEditor key={kind} kind={kind} chosen={draft[kind]} choices={answer.choices[kind]}
          onChosen={(chosen) => setDraft({ ...draft, [kind]: chosen })} />
      ))}
      {!sameLists(draft, answer.columns) && <p class="meta">{t('report_columns.unsaved')}</p>}
      <div class="actions">
        <Button busy={action.busy === 'save'} disabled={action.busy !== null}
          onClick={() => void put({ drop_in: draft.drop_in, after_school: draft.after_school }, 'save')}>
          {t('report_columns.save')}
        </Button>
        <Button variant="secondary" busy={action.busy === 'reset'} disabled={action.busy !== null}
          onClick={() => void put({}, 'reset')}>
          {t('report_columns.reset')}
        </Button>
      </div>
      <Outcome of={action} />
    </>
  );
}

/** A staff member's view: each kind's chosen columns, in order. */
function ColumnsShown({ answer }: { answer: ReportColumnsAnswer }) {
  return (
    <>
      {kKinds.map((kind) => (
        <div key={kind} class="card report-columns">
          <h3 id={`report-columns-${kind}`}>{kindLabel(kind)}</h3>
          <ol class="report-columns-chosen" aria-labelledby={`report-columns-${kind}`}>
            {answer.columns[kind].map((key) => (
              <li key={key}><span class="report-column-name">{labelOf(answer.choices[kind], key)}</span></li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

/** The section 実績表の列: the editor for an org admin (`admin`), the columns for staff. */
export function ReportColumnsSection({ admin }: { admin: boolean }) {
  const loaded = useLoad(() => api.reportColumns(), []);
  return (
    <section class="stats-report-columns" aria-labelledby="report-columns">
      <h2 id="report-columns">{t('report_columns.title')}</h2>
      <p>{t(admin ? 'report_columns.intro' : 'report_columns.intro_staff')}</p>
      <LoadStatus loaded={loaded} />
      {loaded.data && (admin
        ? <ColumnsEditor answer={loaded.data} onAnswer={loaded.set} />
        : <ColumnsShown answer={loaded.data} />)}
    </section>
  );
}
