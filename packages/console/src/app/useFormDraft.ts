import type { FormInstance } from 'antd';
import { useCallback, useMemo } from 'react';
import { useLocation } from 'react-router';
import { clearDraft, draftKey, loadDraft, saveDraft } from './form-drafts';

/**
 * Keeps an Ant Design form's half-filled values across a session's end (app/form-drafts.ts):
 * spread `initialValues` and `onValuesChange` onto the `<Form>`, call `forget()` once it is sent.
 */
export function useFormDraft<T extends object>(
  form: FormInstance<T>,
  name: string,
  defaults: Partial<T> = {},
): {
  initialValues: Partial<T>;
  onValuesChange: (changed: unknown, all: T) => void;
  forget: () => void;
} {
  const location = useLocation();
  // By path, not query: a board's filters changing is still the same form.
  const key = draftKey(location.pathname, name);
  // Read once per page: the draft is where the form starts, not something it follows.
  const initialValues = useMemo(() => ({ ...defaults, ...loadDraft(sessionStorage, key) }), [key]);
  const onValuesChange = useCallback(
    // All the form's values, also those set before this change (a reset keeps its draft in step).
    () => saveDraft(sessionStorage, key, form.getFieldsValue(true) as Record<string, unknown>),
    [form, key],
  );
  const forget = useCallback(() => clearDraft(sessionStorage, key), [key]);
  return { initialValues: initialValues as Partial<T>, onValuesChange, forget };
}
