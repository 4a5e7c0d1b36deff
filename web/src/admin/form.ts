// The admin's form submission: useSubmit(overrides) is ../shared/form's, saying each field
// error with no control of that name as "name: text" after the form's message.
import { useSubmit as useSharedSubmit } from '../shared/form';
import type { MessageKey } from '../shared/i18n';

export { errorText, type FormErrors } from '../shared/form';

export function useSubmit(overrides: Partial<Record<string, MessageKey>> = {}) {
  return useSharedSubmit({ overrides, stray: 'each' });
}
