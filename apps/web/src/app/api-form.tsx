import { useState, type ChangeEvent } from 'react';
import { isApiError } from '@eclore/api-client';
import { Alert, FormDialog, type FormDialogProps } from '@eclore/web-ui';
import { describeError, fieldMessages, type CodeMessages } from './errors';

/** How a submit ended: saved, refused field by field (shown on the fields), or refused as a whole. */
export type ApiFormOutcome = 'done' | 'fields' | 'failed';

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * What the forms sending one API call share: the typed values (`initial`), a submit that clears the last
 * refusal, runs the call, then shows the API's field errors on their fields and any other refusal (403,
 * 409 stale_version…) as `failure`, in the feature's words (`messages`; `describe` where a feature
 * words a failure otherwise than `describeError`).
 * `field(name)` binds a TextField, TextAreaField or SelectField to a value and to the API's refusal of the
 * field of that name.
 */
export function useApiForm<V extends Record<string, string> = Record<string, never>>(
  messages: CodeMessages & { required?: string; generic?: string },
  initial: V | (() => V) = {} as V,
  describe: (error: unknown) => string = (error) => describeError(messages, error),
) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (call: () => Promise<void>): Promise<ApiFormOutcome> => {
    setErrors(new Map());
    setFailure(null);
    try {
      await call();
      return 'done';
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length) {
        setErrors(fieldMessages(error, messages, messages.required ?? ''));
        return 'fields';
      }
      setFailure(describe(error));
      return 'failed';
    }
  };
  const field = (name: keyof V & string) => ({
    value: values[name],
    onChange: (e: ChangeEvent<FieldElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors.get(name),
  });
  return {
    values,
    setValues,
    errors,
    failure,
    submit,
    field,
    /** A refusal found before calling (a required choice missing): shown on its field. */
    refuse: (name: string, message: string) => (setFailure(null), setErrors(new Map([[name, message]]))),
    /** Clears the last refusal (a dialog opened again). */
    clear: () => (setErrors(new Map()), setFailure(null)),
  };
}

/** What opens a form dialog gives it: closing without a change, and taking the API's answer once saved. */
export interface FormDialogEvents<Answer = void> {
  onClose: () => void;
  onDone: (answer: Answer) => void;
}

/** The libs/web/ui FormDialog, always open while rendered, with the refusal above its fields. */
export function ApiFormDialog({
  failure,
  children,
  ...props
}: Omit<FormDialogProps, 'open'> & { failure: string | null }) {
  return (
    <FormDialog open {...props}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {children}
    </FormDialog>
  );
}
