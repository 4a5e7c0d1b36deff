// 新しいアンケート: writing a survey (title, description, the time it closes on the
// organization's clock, channels, audience with its live count, the questions) and sending
// it. One client_id per form makes a double click or a retry send once. Once sent, the
// survey's page opens.
import { useMemo, useState } from 'preact/hooks';
import { newClientId } from '../../../shared/api';
import { reasonText, t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { MessageChannel, SurveyInput } from '../../../shared/types';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { CheckboxGroup, TextAreaField, TextField } from '../../../shared/ui/fields';
import { orgTimeOf } from '../../../shared/ui/time';
import { useSubmit } from '../../form';
import { PageHead } from '../../layout';
import { go, Link } from '../../router';
import { AudienceFields, audienceOf, kAnyone, type AudienceDraft } from '../messages/audience_fields';
import { channelLabel, kMessageChannels } from '../messages/message_parts';
import { newQuestion, QuestionBuilder, questionsOf, type QuestionDraft } from './question_builder';

// The server's limits (docs/openapi.yaml SurveyInput), in code points.
const kTitleMax = 100;
const kDescriptionMax = 5000;
// What the server sends on when no channel is named.
const kDefaultChannels: readonly MessageChannel[] = ['push', 'inapp'];

const codePoints = (s: string) => [...s].length;

interface Draft {
  title: string;
  description: string;
  /** <input type="datetime-local">: the organization's wall clock. */
  closes_at: string;
  channels: MessageChannel[];
  audience: AudienceDraft;
  questions: QuestionDraft[];
}

const kEmpty: Draft = {
  title: '', description: '', closes_at: '', channels: [...kDefaultChannels], audience: kAnyone,
  questions: [newQuestion([])],
};

export function SurveyCompose() {
  const [draft, setDraft] = useState<Draft>(kEmpty);
  const client_id = useMemo(newClientId, []);
  const form = useSubmit();
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const submit = (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    if (!draft.closes_at) {
      form.fail(t('error.invalid_argument'), { closes_at: reasonText('required') });
      return;
    }
    void form.run(async () => {
      const input: SurveyInput = {
        title: draft.title.trim(), description: draft.description, questions: questionsOf(draft.questions),
        audience: audienceOf(draft.audience), channels: draft.channels, client_id,
        closes_at: orgTimeOf(draft.closes_at)!,
      };
      const sent = await api.createSurvey(input);
      go(`/surveys/${encodeURIComponent(sent.survey.id)}`);
    });
  };

  return (
    <>
      <PageHead title={t('survey.compose_title')} />
      <form ref={form.form_ref} onSubmit={submit} noValidate class="card survey-compose">
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('survey.title')} name="title" value={draft.title} required
          hint={t('msg.length', { n: codePoints(draft.title), max: kTitleMax })}
          onValue={(title) => set({ title })} error={form.field('title')} />
        <TextAreaField label={t('survey.description')} name="description" value={draft.description} rows={4}
          hint={t('survey.description_hint', { n: codePoints(draft.description), max: kDescriptionMax })}
          onValue={(description) => set({ description })} error={form.field('description')} />
        <TextField label={t('survey.closes_at')} name="closes_at" type="datetime-local" value={draft.closes_at} required
          hint={t('survey.closes_at_hint')} onValue={(closes_at) => set({ closes_at })} error={form.field('closes_at')} />
        <QuestionBuilder value={draft.questions} onValue={(questions) => set({ questions })} field={form.field} />
        <CheckboxGroup legend={t('msg.channels')} name="channels"
          options={kMessageChannels.map((c) => ({ value: c, label: channelLabel(c) }))}
          selected={draft.channels} onSelected={(c) => set({ channels: c as MessageChannel[] })}
          error={form.field('channels')} />
        <AudienceFields value={draft.audience} onValue={(audience) => set({ audience })} field={form.field} />
        <div class="actions">
          <Button type="submit" busy={form.busy}>{t('survey.send')}</Button>
          <Link to="/surveys" class="btn btn--secondary">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
