// What the 利用者票 page says of a child's age as read (the hint under a child's field) and
// of a stored form's children (the list), in the current language.
import { t } from '../../../shared/i18n';
import type { WalkIn } from '../../../shared/types';
import { bandLabel } from '../stats/stats_parts';
import { gradeParts, yearsAndMonths, type ChildAgeReading } from './child_age';

/** 「生年月日 2024-05-01」「1歳3か月」「3歳」「小学2年」, a problem, or the field's hint when empty. */
export function readingText(reading: ChildAgeReading): string {
  switch (reading.kind) {
    case 'empty':
      return t('walk_in.child_hint');
    case 'problem':
      return t(`walk_in.problem.${reading.problem}`);
    case 'birth_date':
      return t('walk_in.understood.birth_date', { date: reading.birth_date });
    case 'age_months': {
      const { years, months } = yearsAndMonths(reading.age_months);
      return months === 0 && years > 0
        ? t('walk_in.understood.years', { years })
        : t('walk_in.understood.years_months', { years, months });
    }
    case 'grade': {
      const { school, year } = gradeParts(reading.grade);
      return t(`walk_in.understood.${school}`, { year });
    }
  }
}

/** 「2人（1歳、小学生）」, or 「なし」 for a form of adults only. */
export function childrenText(walk_in: Pick<WalkIn, 'children'>): string {
  const n = walk_in.children.length;
  if (n === 0) return t('walk_in.children_none');
  const bands = walk_in.children.map((c) => bandLabel(c.age_band)).join(t('walk_in.band_join'));
  return t('walk_in.children_bands', { n, bands });
}
