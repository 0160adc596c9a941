import { useState } from 'react';
import { isApiError } from '@eclore/api-client';
import { Alert, FormDialog, type FormDialogProps } from '@eclore/web-ui';
import { fieldMessages } from '../../app/errors';

/**
 * What the realisation dialogs (milestones, impact…) share: a submit that clears the last refusal,
 * runs the call, then shows the API's field errors on their fields and any other refusal (403, 409
 * stale_version…) above them in the feature's words.
 */
export function useApiForm(
  messages: { required?: string } & Record<string, string | undefined>,
  describe: (error: unknown) => string,
) {
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (call: () => Promise<void>) => {
    setErrors(new Map());
    setFailure(null);
    try {
      await call();
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length)
        setErrors(fieldMessages(error, messages, messages.required ?? ''));
      else setFailure(describe(error));
    }
  };
  return { errors, failure, submit };
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
