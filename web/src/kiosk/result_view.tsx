// The big screens over the camera view: checking, the result of a stamp (greeted in the
// words of the facility's kind, ./greetings.ts, with the pick-up questions of
// ./pickup_view.tsx), the choice of children for a family code (at a drop-in room with
// the adults stepper and 「みんなで来ました（大人1人）」), a queued scan (who and which way
// when known), a refused card, a failure. Colours differ per outcome and the
// words are short and large, so a child understands at a glance; staff detail is small.
import { t } from '../shared/i18n';
import type { FacilityKind } from '../shared/types';
import { Stepper } from '../shared/ui/stepper';
import { clockTime } from '../shared/ui/time';
import type { KioskController, Screen } from './controller';
import { directionKey, headlineKey } from './greetings';
import { PickupQuestions } from './pickup_view';
import { kAdultsMax, kAdultsMin } from './screens';
import { staffDetailText } from './staff_detail';

function Result({ screen, kiosk, kind }: { screen: Extract<Screen, { kind: 'result' }>; kiosk: KioskController; kind: FacilityKind }) {
  const kinds = new Set(screen.lines.map((l) => l.result));
  const one_kind = kinds.size === 1 ? screen.lines[0].result : null;
  const headline = one_kind ? t(headlineKey(one_kind, kind)) : t('kiosk.recorded');
  return (
    <section class={`overlay overlay--${one_kind ?? 'mixed'}`} role="status" aria-live="assertive">
      <p class={headline.length > 12 ? 'headline headline--long' : 'headline'}>{headline}</p>
      <ul class="names">
        {screen.lines.map((l, i) => (
          <li key={i} class={`name-line name-line--${l.result}`}>
            <span class="child-name">{l.name}</span>
            {!one_kind && <span class="line-result">{t(headlineKey(l.result, kind))}</span>}
            <time class="at" dateTime={l.at}>{clockTime(l.at)}</time>
          </li>
        ))}
      </ul>
      {screen.adults !== null && <p class="sub group-adults">{t('kiosk.group_adults', { n: screen.adults })}</p>}
      {screen.lines.filter((l) => l.review).map((l, i) => (
        <p key={i} class="review-note" role="alert">{t(`kiosk.review.${l.review!}`, { name: l.name })}</p>
      ))}
      <PickupQuestions screen={screen} kiosk={kiosk} />
    </section>
  );
}

/** 「送信待ち：山田 太郎さん（おかえり）」 when the code is known today; else that it will be checked. */
function Queued({ screen, queued, kind }: { screen: Extract<Screen, { kind: 'queued' }>; queued: number; kind: FacilityKind }) {
  const who = screen.guess?.children
    .map((c) => t('kiosk.queued_child', { name: c.name, direction: t(directionKey(c.direction, kind)) }))
    .join(t('kiosk.list_separator'));
  return (
    <section class="overlay overlay--queued" role="status" aria-live="assertive">
      <p class="headline">{t('kiosk.queued')}</p>
      <p class="sub queued-who">{who ? t('kiosk.queued_who', { who }) : t('kiosk.queued_unknown')}</p>
      <p class="sub">{t('kiosk.queue_count', { n: queued })}</p>
    </section>
  );
}

function Choose({ screen, kiosk }: { screen: Extract<Screen, { kind: 'choose' }>; kiosk: KioskController }) {
  const { preview, selected, adults } = screen;
  // At a drop-in room the family says who came; nobody to bring in means they are leaving.
  const asks = adults !== null && preview.children.some((c) => !c.present);
  return (
    <section class="overlay overlay--choose" aria-labelledby="choose-title">
      <p class="family-name">{preview.family_name}</p>
      {asks && (
        <button type="button" class="big-button big-button--all" onClick={() => kiosk.allCame()}>
          {t('kiosk.all_came')}
        </button>
      )}
      <h1 id="choose-title" class="question">{t('kiosk.choose_title')}</h1>
      <fieldset class="children">
        <legend class="visually-hidden">{t('kiosk.choose_title')}</legend>
        {preview.children.map((c) => (
          <label key={c.id} class="child-choice">
            <input type="checkbox" checked={selected.includes(c.id)} onChange={() => kiosk.toggleChild(c.id)} />
            <span class="child-name">{c.name}</span>
            {c.present && <span class="present">{t('kiosk.present')}</span>}
          </label>
        ))}
      </fieldset>
      {selected.length === 0 && <p class="hint-line">{t('kiosk.choose_none')}</p>}
      {asks && adults !== null && (
        <Stepper size="large" label={t('kiosk.adults_label')} name="adults" value={adults} min={kAdultsMin} max={kAdultsMax}
          onValue={(n) => kiosk.setAdults(n)} decreaseLabel={t('kiosk.adults_decrease')}
          increaseLabel={t('kiosk.adults_increase')} valueText={(n) => t('kiosk.adults_value', { n })} />
      )}
      <div class="choice-buttons">
        <button type="button" class="big-button" disabled={selected.length === 0} onClick={() => kiosk.confirmFamily()}>
          {t('kiosk.choose_submit')}
        </button>
        <button type="button" class="big-button big-button--quiet" onClick={() => kiosk.dismiss()}>
          {t('kiosk.choose_cancel')}
        </button>
      </div>
    </section>
  );
}

const kReasonKey = {
  not_code: 'kiosk.reason.not_code',
  replaced: 'kiosk.reason.replaced',
  not_enrolled: 'kiosk.reason.not_enrolled',
  other_facility: 'kiosk.reason.other_facility',
  other: 'kiosk.reason.other',
} as const;

/** The overlay for the current screen; null on the ready screen. */
export function ResultView({ kiosk, queued, kind }: { kiosk: KioskController; queued: number; kind: FacilityKind }) {
  const screen = kiosk.screen;
  switch (screen.kind) {
    case 'ready':
    case 'revoked':
      return null;
    case 'checking':
      return (
        <section class="overlay overlay--checking" role="status">
          <p class="headline">{t('kiosk.checking')}</p>
        </section>
      );
    case 'result':
      return <Result screen={screen} kiosk={kiosk} kind={kind} />;
    case 'choose':
      return <Choose screen={screen} kiosk={kiosk} />;
    case 'queued':
      return <Queued screen={screen} queued={queued} kind={kind} />;
    case 'refused':
      return (
        <section class="overlay overlay--refused" role="alert">
          <p class="headline">{t('kiosk.refused')}</p>
          <p class="sub">{t(kReasonKey[screen.reason])}</p>
          <p class="sub">{t('kiosk.ask_staff')}</p>
          <p class="staff-detail">{t('kiosk.staff_detail', { detail: staffDetailText(screen.detail) })}</p>
        </section>
      );
    case 'failed':
      return (
        <section class="overlay overlay--failed" role="alert">
          <p class="headline">{t('kiosk.failed')}</p>
          <p class="staff-detail">{t('kiosk.staff_detail', { detail: staffDetailText(screen.detail) })}</p>
        </section>
      );
  }
}
