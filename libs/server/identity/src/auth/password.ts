import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import type { FieldProblem } from '@eclore/domain';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn score 3 ≈ at least 10^8 guesses: below it the password is a common, breached or patterned one. */
const MIN_STRENGTH_SCORE = 3;

// Built once: loading the dictionaries takes a moment and they never change.
let estimator: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/** Length in characters as a person counts them (NFKC, code points), as NIST 800-63B asks. */
function characterCount(password: string): number {
  return [...password.normalize('NFKC')].length;
}

/**
 * The password policy of NIST SP 800-63B: 12 to 128 characters, any characters (no composition rules),
 * refused when it is common, breached or easily guessed — the offline zxcvbn dictionaries (common
 * passwords, English and French words and names) and the person's own name and e-mail stand in for a
 * breach list. Returns the problems for the field (empty when acceptable). Whatever sets a password
 * (seed, an admin's "set password", a change of one's own) must call it.
 */
export function checkPasswordPolicy(
  password: string,
  options: { field?: string; userInputs?: readonly string[] } = {},
): FieldProblem[] {
  const field = options.field ?? 'password';
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return [
      {
        field,
        code: 'password_too_short',
        message: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
      },
    ];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return [
      {
        field,
        code: 'password_too_long',
        message: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
      },
    ];
  }
  // Names and e-mail split into words, so "dupont" in "Dupont2024!!!" counts as known.
  // The service's own name counts as known, as NIST asks for context-specific words.
  const userInputs = ['eclore', 'éclore', ...(options.userInputs ?? [])]
    .flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length >= 3);
  const result = strength().check(password.normalize('NFKC'), userInputs);
  // Built on the person's own name or e-mail (or the service's): only a clearly strong rest makes up for it.
  const usesContext = result.sequence.some((m) => m['dictionaryName'] === 'userInputs');
  if (result.score < MIN_STRENGTH_SCORE || (usesContext && result.score < 4)) {
    return [
      {
        field,
        code: 'password_too_common',
        message:
          'This password is too common or too easy to guess; choose a longer, less predictable one (a few unrelated words work well).',
      },
    ];
  }
  return [];
}

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommended minimum). The
 * algorithm is part of the encoded hash, so parameters can be raised later without breaking old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    // A malformed stored hash refuses the sign-in; it never crashes it.
    return false;
  }
}

/**
 * A hash of a random password, computed once: sign-ins for unknown or deactivated accounts verify
 * against it, so they cost the same time as a wrong password for a real account.
 */
let dummy: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hash(randomBytes(24).toString('base64url'));
  return dummy;
}
