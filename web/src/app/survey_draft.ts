// The answers of a survey being filled in, as the form holds them, and the draft of them
// kept on this device: written at every change in localStorage under the signed-in user
// and the survey ("tadaima.survey-draft.<user>.<survey>"), so that a phone locking or the
// page reloading loses nothing; read when the survey opens again, removed once the
// answers are saved (or the survey has closed), and every draft when the user signs out.
// Without storage (private mode) there is no draft, and nothing fails.
import type { SurveyAnswers, SurveyQuestion } from '../shared/types';

/** Question id → what the control holds: the option(s) chosen, or the text typed. */
export type AnswerValues = Record<string, string | string[]>;

const kPrefix = 'tadaima.survey-draft.';
const keyOf = (user_id: string, survey_id: string) => `${kPrefix}${user_id}.${survey_id}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The draft kept for this user and survey, or null. */
export function readDraft(user_id: string, survey_id: string): AnswerValues | null {
  try {
    const text = storage()?.getItem(keyOf(user_id, survey_id));
    const parsed: unknown = text ? JSON.parse(text) : null;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as AnswerValues) : null;
  } catch {
    return null;
  }
}

export function writeDraft(user_id: string, survey_id: string, values: AnswerValues): void {
  try {
    storage()?.setItem(keyOf(user_id, survey_id), JSON.stringify(values));
  } catch {
    // Storage full or refused: the form still holds the answers.
  }
}

export function clearDraft(user_id: string, survey_id: string): void {
  try {
    storage()?.removeItem(keyOf(user_id, survey_id));
  } catch {
    // Nothing kept.
  }
}

/** Removes every survey draft on this device (signing out). */
export function forgetSurveyDrafts(): void {
  const s = storage();
  if (!s) return;
  try {
    const keys = Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k) => k?.startsWith(kPrefix));
    for (const k of keys) s.removeItem(k!);
  } catch {
    // Nothing to do.
  }
}

/** The form's values of saved answers (none: an empty form). */
export function valuesOf(answers: SurveyAnswers | null | undefined): AnswerValues {
  const values: AnswerValues = {};
  for (const [id, a] of Object.entries(answers ?? {})) values[id] = Array.isArray(a) ? a : String(a);
  return values;
}

/**
 * The answers to send: one entry a question answered (a multiple answer's options in the
 * survey's order, a number as a number); a question left empty is left out.
 */
export function answersOf(questions: readonly SurveyQuestion[], values: AnswerValues): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const q of questions) {
    const v = values[q.id];
    if (q.kind === 'multiple') {
      const chosen = (q.options ?? []).filter((o) => Array.isArray(v) && v.includes(o));
      if (chosen.length) answers[q.id] = chosen;
    } else if (typeof v === 'string' && v.trim() !== '') {
      answers[q.id] = q.kind === 'number' && Number.isFinite(Number(v)) ? Number(v) : v;
    }
  }
  return answers;
}
