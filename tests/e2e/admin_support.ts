// Helpers of the admin browser tests (admin_*.test.ts): axe-core's serious findings
// and the rows of a page's table by the name in them.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core's serious and critical violations of WCAG 2.1 A/AA and best practice, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The table row whose text names `name` (a child or a guardian). */
export const rowOf = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });
