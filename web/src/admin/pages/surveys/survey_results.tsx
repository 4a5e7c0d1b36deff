// 集計結果: for each question in the survey's order, how many families answered it; for a
// choice question a bar chart of the count of each option (every option, none left out),
// for a text, date or number question the answers given, oldest first; then every family
// the survey reached, answered or not (whom to call before it closes).
import { t } from '../../../shared/i18n';
import type { StaffSurvey, SurveyQuestionResult, SurveyResults } from '../../../shared/types';
import { MessageText } from '../../../shared/ui/message_text';
import { Table } from '../../../shared/ui/table';
import { shortDateTime } from '../roster/roster_row';
import { BarChart } from './bar_chart';
import { kindLabel } from './survey_parts';

function QuestionResult({ result: r, options, n }: { result: SurveyQuestionResult; options: string[]; n: number }) {
  const heading = `survey-result-${r.id}`;
  const question = t('survey.question_n', { n });
  return (
    <section class="card survey-result" aria-labelledby={heading}>
      <h3 id={heading}>{question}. {r.text}</h3>
      <p class="meta">{kindLabel(r.kind)}・{t('survey.answered_n', { n: r.answered })}</p>
      {r.counts ? (
        <BarChart title={t('survey.chart_title', { question: r.text })} total={r.answered}
          bars={options.map((label) => ({ label, count: r.counts?.[label] ?? 0 }))} />
      ) : r.values?.length ? (
        <ul class="survey-values" aria-label={t('survey.values_label', { question: r.text })}>
          {r.values.map((v, i) => <li key={i}><MessageText text={String(v)} /></li>)}
        </ul>
      ) : (
        <p>{t('survey.no_answers')}</p>
      )}
    </section>
  );
}

type FamilyRow = SurveyResults['families'][number];

function FamiliesTable({ families }: { families: FamilyRow[] }) {
  return (
    <section aria-labelledby="survey-families">
      <h3 id="survey-families">{t('survey.families')}</h3>
      <Table<FamilyRow> labelledBy="survey-families" rows={families} rowKey={(f) => f.family.id} columns={[
        { header: t('survey.col_family'), cell: (f) => f.family.name, rowHeader: true },
        { header: t('survey.col_answered_at'), cell: (f) => (f.answered_at ? shortDateTime(f.answered_at) : t('survey.family_not_answered')) },
        { header: t('survey.col_answered_by'), cell: (f) => f.answered_by?.name ?? '' },
        { header: t('survey.col_reminders'), cell: (f) => (f.reminders ? t('survey.reminders_n', { n: f.reminders }) : '') },
      ]} />
    </section>
  );
}

export function SurveyResultsView({ survey, results }: { survey: StaffSurvey; results: SurveyResults }) {
  // The survey's options in its order; the counts' own keys for a question it no longer names.
  const optionsOf = (r: SurveyQuestionResult) =>
    survey.questions.find((q) => q.id === r.id)?.options ?? Object.keys(r.counts ?? {});
  return (
    <section aria-labelledby="survey-results">
      <h2 id="survey-results">{t('survey.results')}</h2>
      {results.questions.map((r, i) => <QuestionResult key={r.id} result={r} n={i + 1} options={optionsOf(r)} />)}
      <FamiliesTable families={results.families} />
    </section>
  );
}
