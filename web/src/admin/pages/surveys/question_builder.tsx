// The questions of a survey being written: each one's text, kind (単一選択, 複数選択, 記述,
// 日付, 数値), whether it is required and, for the choice kinds, its options; questions are
// added, removed and moved up or down. A question's id (q1, q2…) is given when it is added
// and kept when it moves, so its answers keep their key. Every control is named as the
// server names its field ("questions[0].options[1]"), so a refusal shows beside it.
import { t } from '../../../shared/i18n';
import type { SurveyQuestion, SurveyQuestionKind } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { CheckField, SelectField, TextField } from '../../../shared/ui/fields';
import { hasOptions, kindLabel, kQuestionKinds } from './survey_parts';

// The server's limits (docs/openapi.yaml SurveyInput).
const kQuestionsMax = 50;
const kOptionsMin = 2;
const kOptionsMax = 30;

/** A question as the form edits it: options kept while another kind is chosen. */
export interface QuestionDraft {
  id: string;
  kind: SurveyQuestionKind;
  text: string;
  required: boolean;
  options: string[];
}

/** A new single-choice question with two empty options and the next free id (q1, q2…). */
export function newQuestion(existing: readonly QuestionDraft[]): QuestionDraft {
  const taken = existing.map((q) => Number(/^q(\d+)$/.exec(q.id)?.[1] ?? 0));
  return { id: `q${Math.max(0, ...taken) + 1}`, kind: 'single', text: '', required: false, options: ['', ''] };
}

/** The questions to send: texts trimmed, options only for the choice kinds. */
export function questionsOf(drafts: readonly QuestionDraft[]): SurveyQuestion[] {
  return drafts.map((d) => {
    const q: SurveyQuestion = { id: d.id, kind: d.kind, text: d.text.trim(), required: d.required };
    if (hasOptions(d.kind)) q.options = d.options.map((o) => o.trim());
    return q;
  });
}

type Field = (name: string) => string | undefined;

function OptionsEditor({ name, options, onOptions, field }:
  { name: string; options: string[]; onOptions: (options: string[]) => void; field: Field }) {
  const error = field(name);
  const setAt = (i: number, text: string) => onOptions(options.map((o, k) => (k === i ? text : o)));
  return (
    <fieldset name={name} class={error ? 'options field--invalid' : 'options'}
      aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{t('survey.options')}</legend>
      <p class="hint">{t('survey.options_hint')}</p>
      {options.map((o, i) => (
        <div key={i} class="row row--end">
          <TextField label={t('survey.option_n', { n: i + 1 })} name={`${name}[${i}]`} value={o} required
            maxLength={100} onValue={(text) => setAt(i, text)} error={field(`${name}[${i}]`)} />
          {options.length > kOptionsMin && (
            <Button variant="link" label={t('survey.remove_option', { n: i + 1 })}
              onClick={() => onOptions(options.filter((_, k) => k !== i))}>{t('common.remove')}</Button>
          )}
        </div>
      ))}
      {options.length < kOptionsMax && (
        <Button variant="secondary" onClick={() => onOptions([...options, ''])}>{t('survey.add_option')}</Button>
      )}
      {error && <p id={`${name}-error`} class="field-error">{error}</p>}
    </fieldset>
  );
}

interface QuestionEditorProps {
  question: QuestionDraft;
  index: number;
  count: number;
  onChange: (question: QuestionDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  field: Field;
}

function QuestionEditor({ question: q, index, count, onChange, onMove, onRemove, field }: QuestionEditorProps) {
  const at = `questions[${index}]`;
  const n = index + 1;
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...q, ...patch });
  return (
    <fieldset class="card question">
      <legend>{t('survey.question_n', { n })}</legend>
      <TextField label={t('survey.question_text')} name={`${at}.text`} value={q.text} required maxLength={500}
        onValue={(text) => set({ text })} error={field(`${at}.text`) ?? field(`${at}.id`)} />
      <div class="row row--end">
        <SelectField label={t('survey.question_kind')} name={`${at}.kind`} value={q.kind}
          options={kQuestionKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          onValue={(kind) => set({ kind })} error={field(`${at}.kind`)} />
        <CheckField label={t('survey.required')} name={`${at}.required`} checked={q.required}
          onChecked={(required) => set({ required })} />
      </div>
      {hasOptions(q.kind) && (
        <OptionsEditor name={`${at}.options`} options={q.options} onOptions={(options) => set({ options })} field={field} />
      )}
      <div class="cell-actions">
        <Button variant="secondary" disabled={index === 0} label={t('survey.move_up_label', { n })}
          onClick={() => onMove(-1)}>{t('survey.move_up')}</Button>
        <Button variant="secondary" disabled={index === count - 1} label={t('survey.move_down_label', { n })}
          onClick={() => onMove(1)}>{t('survey.move_down')}</Button>
        {count > 1 && (
          <Button variant="danger" label={t('survey.remove_question', { n })} onClick={onRemove}>{t('common.remove')}</Button>
        )}
      </div>
    </fieldset>
  );
}

export interface QuestionBuilderProps {
  value: QuestionDraft[];
  onValue: (value: QuestionDraft[]) => void;
  field: Field;
}

export function QuestionBuilder({ value, onValue, field }: QuestionBuilderProps) {
  const error = field('questions');
  const move = (i: number, delta: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + delta]] = [next[i + delta], next[i]];
    onValue(next);
  };
  return (
    <fieldset name="questions" class={error ? 'questions field--invalid' : 'questions'}
      aria-describedby={error ? 'survey-questions-error' : undefined}>
      <legend>{t('survey.questions')}</legend>
      {value.map((q, i) => (
        <QuestionEditor key={q.id} question={q} index={i} count={value.length} field={field}
          onChange={(changed) => onValue(value.map((x, k) => (k === i ? changed : x)))}
          onMove={(delta) => move(i, delta)} onRemove={() => onValue(value.filter((_, k) => k !== i))} />
      ))}
      {value.length < kQuestionsMax && (
        <Button variant="secondary" onClick={() => onValue([...value, newQuestion(value)])}>{t('survey.add_question')}</Button>
      )}
      {error && <p id="survey-questions-error" class="field-error">{error}</p>}
    </fieldset>
  );
}
