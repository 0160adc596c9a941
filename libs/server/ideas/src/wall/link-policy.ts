import { hasRole, type Actor, type ScopeTarget } from '@eclore/domain';

/**
 * Who may link an idea to another (or remove the link): its authors, or a network member whose scope
 * covers it. Pure, like the rest of the idea policy (candidate to move into libs/domain/src/ideas).
 */
export function canLinkIdea(actor: Actor, idea: { isAuthor: boolean; target: ScopeTarget }): boolean {
  return idea.isAuthor || hasRole(actor, 'network_member', idea.target);
}
