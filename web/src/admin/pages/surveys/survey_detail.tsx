// One survey: what was asked (title, description), its status, when it closes, on which
// channels and to which facilities it went, how many of its families answered, the
// results question by question, and the files of the results (CSV in UTF-8, CSV in
// Shift_JIS for Excel on a Japanese PC, an xlsx workbook). Staff remind the families that
// have not answered, and close the survey early (after confirming).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { StaffSurvey, SurveyFile, SurveyResults } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button } from '../../../shared/ui/feedback';
import { MessageText } from '../../../shared/ui/message_text';
import { useFacilities, useLoad } from '../../data';
import { PageHead } from '../../layout';
import { Link } from '../../router';
import { LoadStatus } from '../../status';
import { shortDateTime } from '../roster/roster_row';
import { channelLabel, ConfirmDialog } from '../messages/message_parts';
import { SurveyResultsView } from './survey_results';
import { percentOf, SurveyStatusBadge } from './survey_parts';

const kFiles: readonly SurveyFile[] = ['csv', 'csv_shift_jis', 'xlsx'];

interface Loaded {
  survey: StaffSurvey;
  results: SurveyResults;
}

async function load(id: string): Promise<Loaded> {
  const [survey, results] = await Promise.all([api.staffSurvey(id), api.surveyResults(id)]);
  return { survey, results };
}

function Facts({ survey: s }: { survey: StaffSurvey }) {
  const facilities = useFacilities();
  const names = s.facility_ids.map((id) => facilities.data?.find((f) => f.id === id)?.name ?? '').filter(Boolean);
  return (
    <dl class="facts">
      <dt>{t('survey.col_status')}</dt><dd><SurveyStatusBadge status={s.status} /></dd>
      <dt>{t('survey.col_closes_at')}</dt><dd>{shortDateTime(s.closes_at)}</dd>
      <dt>{t('msg.channels')}</dt><dd>{s.channels.map(channelLabel).join('、')}</dd>
      <dt>{t('msg.audience_facilities')}</dt><dd>{names.join('、') || '—'}</dd>
      <dt>{t('survey.sender')}</dt><dd>{s.sender.name}</dd>
      <dt>{t('survey.created_at')}</dt><dd>{shortDateTime(s.created_at)}</dd>
    </dl>
  );
}

function Downloads({ id }: { id: string }) {
  return (
    <section class="card no-print" aria-labelledby="survey-downloads">
      <h2 id="survey-downloads">{t('survey.downloads')}</h2>
      <ul class="downloads">
        {kFiles.map((f) => (
          <li key={f}><a href={api.surveyResultsUrl(id, f)} download>{t(`survey.file.${f}`)}</a></li>
        ))}
      </ul>
    </section>
  );
}

export function SurveyDetail({ id }: { id: string }) {
  const loaded = useLoad(() => load(id), [id]);
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const s = loaded.data?.survey;

  const run = (fn: () => Promise<string>) => {
    setAsking(false);
    void action.run(async () => {
      const said = await fn();
      loaded.reload();
      return said;
    });
  };
  const remind = () => run(async () => t('survey.reminded', { n: await api.remindSurvey(id) }));
  const close = () => run(async () => (await api.closeSurvey(id), t('survey.closed_now')));

  return (
    <>
      <PageHead title={t('survey.detail_title')}>
        <Link to="/surveys" class="btn btn--secondary">{t('survey.back')}</Link>
      </PageHead>
      <Outcome of={action} />
      <LoadStatus loaded={loaded} />
      {s && loaded.data && (
        <>
          <section class="card" aria-labelledby="survey-title">
            <h2 id="survey-title">{s.title}</h2>
            {s.description && <MessageText text={s.description} />}
            <Facts survey={s} />
            <p class="totals">
              {t('survey.totals', { respondents: s.respondents, families: s.families, percent: percentOf(s.respondents, s.families) })}
            </p>
            {s.status === 'open' && (
              <div class="actions no-print">
                {s.respondents < s.families && (
                  <Button busy={!!action.busy} onClick={remind}>{t('survey.remind')}</Button>
                )}
                <Button variant="danger" busy={!!action.busy} onClick={() => setAsking(true)}>{t('survey.close')}</Button>
              </div>
            )}
          </section>
          <Downloads id={s.id} />
          <SurveyResultsView survey={s} results={loaded.data.results} />
        </>
      )}
      {asking && (
        <ConfirmDialog title={t('survey.close_confirm_title')} text={t('survey.close_confirm_text')} confirm={t('survey.close')}
          busy={!!action.busy} onConfirm={close} onClose={() => setAsking(false)} />
      )}
    </>
  );
}
