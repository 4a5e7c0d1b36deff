// The control of one survey question in the parents' app, by its kind: radio buttons
// (単一選択), checkboxes (複数選択), a text area (記述), a date or a number input; a required
// one marked (* and 必須 for a screen reader). Each is named `answers.<question id>` as the
// server names a refused answer, so the refusal shows beside it. And the answers saved,
// shown read-only once the survey has closed.
import { t } from '../shared/i18n';
import type { SurveyAnswers, SurveyQuestion } from '../shared/types';
import { CheckboxGroup, RadioGroup, TextAreaField, TextField } from '../shared/ui/fields';
import { MessageText } from '../shared/ui/message_text';

// The longest text answer the server takes (docs/openapi.yaml answerSurvey).
const kTextMax = 2000;

export interface QuestionFieldProps {
  question: SurveyQuestion;
  value: string | string[] | undefined;
  onValue: (value: string | string[]) => void;
  error?: string;
}

export function QuestionField({ question: q, value, onValue, error }: QuestionFieldProps) {
  const name = `answers.${q.id}`;
  const text = typeof value === 'string' ? value : '';
  const options = (q.options ?? []).map((o) => ({ value: o, label: o }));
  const common = { name, error, required: q.required };
  switch (q.kind) {
    case 'single':
      return <RadioGroup {...common} legend={q.text} requiredText={t('survey.required_sr')} options={options}
        value={text} onValue={onValue} />;
    case 'multiple':
      return <CheckboxGroup {...common} legend={q.text} requiredText={t('survey.required_sr')} options={options}
        selected={Array.isArray(value) ? value : []} onSelected={onValue} />;
    case 'text':
      return <TextAreaField {...common} label={q.text} rows={4} maxLength={kTextMax} value={text} onValue={onValue} />;
    case 'date':
      return <TextField {...common} label={q.text} type="date" value={text} onValue={onValue} />;
    case 'number':
      return <TextField {...common} label={q.text} type="number" value={text} onValue={onValue} />;
  }
}

/** The family's answers question by question, "（未回答）" for one left out. */
export function AnswersList({ questions, answers }: { questions: readonly SurveyQuestion[]; answers: SurveyAnswers | null | undefined }) {
  const said = (q: SurveyQuestion) => {
    const a = answers?.[q.id];
    if (a === undefined || (Array.isArray(a) && !a.length)) return t('survey.not_answered');
    return Array.isArray(a) ? a.join('、') : String(a);
  };
  return (
    <dl class="pa-answers">
      {questions.map((q) => (
        <div key={q.id}>
          <dt>{q.text}</dt>
          <dd>{q.kind === 'text' ? <MessageText text={said(q)} /> : said(q)}</dd>
        </div>
      ))}
    </dl>
  );
}
