import { render, screen } from '@testing-library/react';
import { ApiError } from '@eclore/api-client';
import { isErrorCode } from '@eclore/domain';
import { Alert } from '@eclore/web-ui';
import { describeError, errorCode, fieldMessages, messageFor, problemMessage } from './errors';
import { en, fr } from './i18n';

const problem = (status: number, code: string, fieldErrors: { field: string; code: string; message: string }[] = []) =>
  new ApiError({ status, code, title: code, fieldErrors });

/** How the pages show a failed call: the message in an error alert. */
function Failure({ error, language }: { error: unknown; language: 'fr' | 'en' }) {
  return <Alert tone="error">{problemMessage((language === 'en' ? en : fr).problems, error)}</Alert>;
}

describe('error messages', () => {
  it('words a problem by its code, in the current language', () => {
    const { rerender } = render(<Failure error={problem(409, 'role_already_granted')} language="fr" />);
    expect(screen.getByRole('alert').textContent).toBe(fr.problems.role_already_granted);
    rerender(<Failure error={problem(409, 'role_already_granted')} language="en" />);
    expect(screen.getByRole('alert').textContent).toBe(en.problems.role_already_granted);
  });

  it('prefers the feature’s own message for a code over the common one', () => {
    expect(problemMessage(fr.problems, problem(403, 'role_required'), { role_required: 'Réservé au réseau.' })).toBe(
      'Réservé au réseau.',
    );
  });

  it('never shows a raw code: unknown codes get the generic message, no response the network one', () => {
    expect(problemMessage(fr.problems, problem(422, 'no_such_code'))).toBe(fr.problems.generic);
    expect(problemMessage(fr.problems, problem(0, 'aborted'))).toBe(fr.problems.network_error);
    expect(problemMessage(fr.problems, new Error('boom'))).toBe(fr.problems.generic);
    // Inherited object members are not messages.
    expect(messageFor(fr.problems, 'toString')).toBeUndefined();
  });

  it('words each refused field by its code, first error per field, with a fallback', () => {
    const error = problem(400, 'validation_failed', [
      { field: 'rationale', code: 'isNotEmpty', message: 'x' },
      { field: 'rationale', code: 'maxLength', message: 'y' },
      { field: 'until', code: 'unknown', message: 'z' },
    ]);
    const messages = fieldMessages(error, { isNotEmpty: 'Obligatoire.', maxLength: 'Trop long.' }, 'Invalide.');
    expect([...messages]).toEqual([
      ['rationale', 'Obligatoire.'],
      ['until', 'Invalide.'],
    ]);
  });

  it('keys the common messages on the server’s error catalogue (apart from the two fallbacks)', () => {
    const keys = Object.keys(fr.problems).filter((k) => k !== 'generic' && k !== 'network_error');
    expect(keys.filter((k) => !isErrorCode(k))).toEqual([]);
  });

  it('picks the code that words a failure: the problem’s, or its first field’s', () => {
    const error = problem(400, 'validation_failed', [{ field: 'weight', code: 'positive', message: 'x' }]);
    expect(errorCode(error)).toBe('validation_failed');
    expect(errorCode(error, 'field')).toBe('positive');
    expect(errorCode(error, 'field_on_validation')).toBe('positive');
    expect(errorCode(problem(409, 'stale_version'), 'field_on_validation')).toBe('stale_version');
    expect(errorCode(new Error('boom'))).toBeUndefined();
  });

  it('words a failed call in a feature’s words: its code, else a refusal or a conflict, else generic', () => {
    const words = { stale_version: 'Rechargez.', forbidden: 'Interdit.', conflict: 'Conflit.', generic: 'Échec.' };
    expect(describeError(words, problem(409, 'stale_version'))).toBe('Rechargez.');
    expect(describeError(words, problem(403, 'role_required'))).toBe('Interdit.');
    expect(describeError(words, problem(409, 'other'))).toBe('Conflit.');
    expect(describeError({ generic: 'Échec.' }, problem(403, 'role_required'))).toBe('Échec.');
    expect(describeError(words, new Error('boom'))).toBe('Échec.');
    const refused = problem(400, 'validation_failed', [{ field: 'x', code: 'stale_version', message: 'x' }]);
    expect(describeError(words, refused, 'field')).toBe('Rechargez.');
  });
});
