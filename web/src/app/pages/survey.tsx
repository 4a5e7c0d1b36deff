// One survey in the parents' app (/app/surveys/<id>, where its notification links): the
// title, who sent it and when it closes, the description, and the form of its questions
// (../survey_fields), filled with the family's answers when it has answered (any of its
// guardians). Sending saves the answers (PUT, replacing earlier ones) until the survey
// closes; what is typed and not sent yet survives a reload as a draft on this device
// (../survey_draft), said when restored, with a button to discard it. Once closed, the
// answers are shown read-only with a clear word. A survey that did not reach the family is
// not found.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { useLoad } from '../../shared/data';
import { errorText, useSubmit } from '../../shared/form';
import { t } from '../../shared/i18n';
import { api, useSession } from '../../shared/session';
import type { FamilySurvey } from '../../shared/types';
import { Button, ErrorMessage, Loading, Notice } from '../../shared/ui/feedback';
import { MessageText } from '../../shared/ui/message_text';
import { formatDayTime } from '../dates';
import { PageHead, useTitle } from '../layout';
import { Link } from '../router';
import { refreshSurveyCount } from '../survey_count';
import { answersOf, clearDraft, readDraft, valuesOf, writeDraft, type AnswerValues } from '../survey_draft';
import { AnswersList, QuestionField } from '../survey_fields';

export function SurveyPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.mySurvey(id), [id]);
  const [saved, setSaved] = useState(false);
  const s = loaded.data;

  const back = <p><Link to="/surveys">{t('survey.back_app')}</Link></p>;
  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFoundSurvey back={back} />;
  if (!s) {
    return (
      <>
        <PageHead title={t('survey.app_title')} />
        {loaded.error !== null ? <ErrorMessage>{errorText(loaded.error)}</ErrorMessage> : <Loading label={t('common.loading')} />}
        {back}
      </>
    );
  }
  return (
    <>
      <PageHead title={s.title} />
      <p class="meta">{t('survey.closes_at_label', { time: formatDayTime(s.closes_at) })}・{s.sender.name}</p>
      {s.description && <MessageText text={s.description} />}
      {saved && <Notice>{t('survey.saved')}</Notice>}
      {s.status === 'closed' ? (
        <ClosedSurvey survey={s} />
      ) : (
        <SurveyForm key={s.answered_at ?? ''} survey={s} onSaved={() => {
          setSaved(true);
          refreshSurveyCount();
          loaded.reload();
        }} onClosed={loaded.reload} />
      )}
      {back}
    </>
  );
}

function ClosedSurvey({ survey: s }: { survey: FamilySurvey }) {
  const { user } = useSession();
  // A draft of a closed survey can never be sent.
  useEffect(() => clearDraft(user.id, s.id), [s.id]);
  return (
    <>
      <p class="alert alert--warning pa-closed" role="status">{t('survey.closed_readonly')}</p>
      <section aria-labelledby="survey-answers">
        <h2 id="survey-answers">{t('survey.family_answers')}</h2>
        <AnswersList questions={s.questions} answers={s.answers} />
      </section>
    </>
  );
}

function SurveyForm({ survey: s, onSaved, onClosed }: { survey: FamilySurvey; onSaved: () => void; onClosed: () => void }) {
  const { user } = useSession();
  const [restored, setRestored] = useState(() => readDraft(user.id, s.id));
  const [values, setValues] = useState<AnswerValues>(() => restored ?? valuesOf(s.answers));
  const form = useSubmit();

  const change = (question_id: string, value: string | string[]) => {
    const next = { ...values, [question_id]: value };
    setValues(next);
    writeDraft(user.id, s.id, next);
  };
  const discard = () => {
    clearDraft(user.id, s.id);
    setRestored(null);
    setValues(valuesOf(s.answers));
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    void form.run(async () => {
      try {
        await api.answerSurvey(s.id, answersOf(s.questions, values));
      } catch (err) {
        if (err instanceof ApiError && err.reason === 'survey_closed') onClosed();
        throw err;
      }
      clearDraft(user.id, s.id);
      onSaved();
    });
  };

  return (
    <form ref={form.form_ref} onSubmit={submit} noValidate class="pa-survey">
      {s.answered && s.answered_at && (
        <p class="meta">{t('survey.answered_by', {
          time: formatDayTime(s.answered_at), name: s.answered_by?.name ?? '', closes: formatDayTime(s.closes_at),
        })}</p>
      )}
      {restored && (
        <div class="alert alert--warning" role="status">
          {t('survey.draft_restored')}{' '}
          <Button variant="link" onClick={discard}>{t('survey.discard_draft')}</Button>
        </div>
      )}
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      {s.questions.some((q) => q.required) && <p class="hint">{t('survey.required_legend')}</p>}
      {s.questions.map((q) => (
        <QuestionField key={q.id} question={q} value={values[q.id]} onValue={(v) => change(q.id, v)}
          error={form.field(`answers.${q.id}`)} />
      ))}
      <div class="form-submit">
        <Button type="submit" busy={form.busy}>{t(s.answered ? 'survey.update' : 'survey.submit')}</Button>
      </div>
    </form>
  );
}

function NotFoundSurvey({ back }: { back: ComponentChildren }) {
  useTitle(t('survey.not_found'));
  return (
    <>
      <h1>{t('survey.not_found')}</h1>
      <p>{t('survey.not_found_body')}</p>
      {back}
    </>
  );
}
