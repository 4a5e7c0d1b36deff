// Helpers of the admin browser tests (admin_*.test.ts): the rows of a page's table by the
// name in them. axe-core's check is ./axe.
import type { Page } from 'playwright-core';

/** The table row whose text names `name` (a child or a guardian). */
export const rowOf = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });
