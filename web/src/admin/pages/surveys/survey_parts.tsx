// What the survey pages share: the labels of a question's kind and of a survey's status,
// and a share as a whole percentage.
import { t, type MessageKey } from '../../../shared/i18n';
import type { SurveyQuestionKind, SurveyStatus } from '../../../shared/types';

export { readPercent as percentOf } from '../messages/message_parts';

export const kQuestionKinds: readonly SurveyQuestionKind[] = ['single', 'multiple', 'text', 'date', 'number'];

/** 単一選択, 複数選択, 記述, 日付, 数値. */
export const kindLabel = (kind: SurveyQuestionKind) => t(`survey.kind.${kind}` as MessageKey);

/** Whether the kind offers options to choose from. */
export const hasOptions = (kind: SurveyQuestionKind) => kind === 'single' || kind === 'multiple';

/** 受付中 / 締切 as a badge. */
export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  return (
    <span class={`badge badge--${status === 'open' ? 'n-delivered' : 'n-cancelled'}`}>
      {t(`survey.status.${status}` as MessageKey)}
    </span>
  );
}
