// The accessibility check of the browser tests: axe-core on the page as it is now, for
// WCAG 2.1 A/AA and best practice; a serious or critical violation fails the test, each
// one named in a line (rule, impact, help, the elements).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe-core's serious and critical violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(kTags).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fails the test when axe-core finds a serious or critical violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  expect((await seriousViolations(page)).join('\n')).toBe('');
}
