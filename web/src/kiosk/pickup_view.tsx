// The pick-up questions on a result screen: for each, the guardians, ひとりで帰る (only
// when every child of it may go home alone), その他 (a name typed on the kiosk, sent with
// a big 記録する; blank cannot be sent; もどる returns to the question) and 記録しない.
// This stamp's own question keeps the short label when it is the only one; every other
// question is labelled with its children's names. An answered one leaves a thanks line.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { KioskController, Screen } from './controller';
import type { PickupQuestion } from './pickup_questions';
import { staffDetailText } from './staff_detail';

const kNameMax = 100;

function Thanks({ q, named }: { q: PickupQuestion; named: boolean }) {
  const done = q.answer && 'alone' in q.answer
    ? t('kiosk.pickup_done_alone')
    : t('kiosk.pickup_done', { name: q.answer?.pickup_by ?? '' });
  const names = q.names.join(t('kiosk.list_separator'));
  return (
    <p class="pickup-done">
      {named ? t('kiosk.pickup_done_for', { names, done }) : done}
      {q.failed && (
        <span class="staff-detail"> {t('kiosk.pickup_failed')} {t('kiosk.staff_detail', { detail: staffDetailText(q.failed) })}</span>
      )}
    </p>
  );
}

/** The name field of その他: submit records `{pickup_by: name}`. */
function OtherName({ q, label, kiosk, onBack }: { q: PickupQuestion; label: string; kiosk: KioskController; onBack: () => void }) {
  const [name, setName] = useState('');
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const blank = name.trim() === '';
  return (
    <form class="pickup pickup--name" aria-labelledby={`${id}-q`} onSubmit={(e) => {
      e.preventDefault();
      if (!blank) kiosk.choosePickup(q.id, { pickup_by: name.trim() });
    }}>
      <p id={`${id}-q`} class="question">{label}</p>
      <label for={id} class="name-label">{t('kiosk.pickup_name_label')}</label>
      <input ref={field} id={id} class="name-field" type="text" autoComplete="off" maxLength={kNameMax}
        value={name} onInput={(e) => {
          setName(e.currentTarget.value);
          kiosk.keepScreen();
        }} />
      <div class="choice-buttons">
        <button type="submit" class="big-button big-button--go" disabled={blank}>{t('kiosk.pickup_name_submit')}</button>
        <button type="button" class="big-button big-button--quiet" onClick={onBack}>{t('kiosk.pickup_name_back')}</button>
      </div>
    </form>
  );
}

function Question({ q, named, kiosk }: { q: PickupQuestion; named: boolean; kiosk: KioskController }) {
  const [naming, setNaming] = useState(false);
  const id = useId();
  const label = named
    ? t('kiosk.pickup_question_for', { names: q.names.join(t('kiosk.list_separator')) })
    : t('kiosk.pickup_question');
  if (q.answer) return <Thanks q={q} named={named} />;
  if (naming) return <OtherName q={q} label={label} kiosk={kiosk} onBack={() => setNaming(false)} />;
  return (
    <div class="pickup" role="group" aria-labelledby={id}>
      <p id={id} class="question">{label}</p>
      <div class="choice-buttons">
        {q.choices.map((c) => (
          <button key={c} type="button" class="big-button" onClick={() => kiosk.choosePickup(q.id, { pickup_by: c })}>{c}</button>
        ))}
        {q.alone && (
          <button type="button" class="big-button" onClick={() => kiosk.choosePickup(q.id, { alone: true })}>
            {t('kiosk.pickup_alone')}
          </button>
        )}
        <button type="button" class="big-button" onClick={() => {
          setNaming(true);
          kiosk.keepScreen();
        }}>{t('kiosk.pickup_other')}</button>
        <button type="button" class="big-button big-button--quiet" onClick={() => kiosk.skipPickup(q.id)}>
          {t('kiosk.pickup_not_recorded')}
        </button>
      </div>
    </div>
  );
}

/** Every question of the result screen, this stamp's first. */
export function PickupQuestions({ screen, kiosk }: { screen: Extract<Screen, { kind: 'result' }>; kiosk: KioskController }) {
  const { questions, own } = screen;
  if (questions.length === 0) return null;
  const named = questions.length > 1 || questions[0].id !== own;
  return (
    <div class="pickups">
      {questions.map((q) => <Question key={q.id} q={q} named={named} kiosk={kiosk} />)}
    </div>
  );
}
