// The signed-in guardian's children (GET /me/children) kept fresh: refetched on a stamp of
// one of them, a change of their plans, a push message, and by polling while the live
// stream is down. Also the small helpers the pages share about a child.
import { gradeLabel, t } from '../shared/i18n';
import type { MyChild } from '../shared/types';
import { useFresh, type Fresh } from '../shared/fresh';
import { api } from '../shared/session';

export function useMyChildren(): Fresh<MyChild[]> {
  return useFresh('children', () => api.myChildren(), (event) => event.type === 'stamp' || event.type === 'plan' || event.type === 'push');
}

/** "8歳3か月・小3" */
export function ageAndGrade(item: MyChild): string {
  const { years, months } = item.child.age;
  return `${t('child.age_value', { years, months })}・${gradeLabel(item.child.grade)}`;
}

/** The facilities where a child can have plans (drop-in rooms take no plans). */
export function planFacilities(item: MyChild): MyChild['facilities'] {
  const planned = item.facilities.filter((f) => f.kind !== 'drop_in');
  return planned.length > 0 ? planned : item.facilities;
}

/** The child picked by ?child=, else the first one. */
export function pickChild(items: MyChild[], child_id: string | null): MyChild | undefined {
  return items.find((c) => c.child.id === child_id) ?? items[0];
}
