import { Injectable } from '@nestjs/common';
import { decide, DomainError, Forbidden, type Action, type Actor, type PolicyContext } from '@eclore/domain';

/** Thrown when a route needs a signed-in person and there is none (answered 401 `unauthenticated`). */
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super('unauthenticated', 'unauthenticated', message);
  }
}

/**
 * Object-level checks for handlers of routes declared `@RequirePermission(action, { objectLevel: true })`:
 * the handler loads the object, then asserts with its scope, authorship or state. Same policy, same
 * refusal codes as the guard's route-level check.
 */
@Injectable()
export class AccessService {
  /** Throws Unauthenticated (401) or Forbidden with the policy's reason as `code` (403). */
  assert(actor: Actor | null | undefined, action: Action, ctx: PolicyContext = {}): asserts actor is Actor {
    const decision = decide(actor ?? null, action, ctx);
    if (decision.allowed) return;
    if (decision.reason === 'unauthenticated' || !actor) throw new Unauthenticated();
    throw new Forbidden(decision.reason ?? 'forbidden', `You are not allowed to do this (${action}).`);
  }

  can(actor: Actor | null | undefined, action: Action, ctx: PolicyContext = {}): boolean {
    return decide(actor ?? null, action, ctx).allowed;
  }
}
