import { IDEA_STATUSES, STAGES, isEndState } from './idea';
import { TRANSITIONS, type IdeaRoleInTransition } from './transitions';

const WHO: Record<IdeaRoleInTransition, string> = {
  authors: 'authors (incl. accepted co-authors)',
  network: 'network member in scope',
  committee: 'committee member in scope',
  idea_team: 'idea team member',
  implementation_owner: 'implementation owner',
  system: 'system (once `parkedUntil` has passed)',
};

/**
 * docs/lifecycle.md, rendered from the transition table. A unit test fails when the committed file
 * differs; `npm run docs:lifecycle` rewrites it.
 */
export function renderLifecycleMarkdown(): string {
  const lines: string[] = [
    '# Idea lifecycle',
    '',
    '<!-- Generated from libs/domain/src/ideas/transitions.ts by `npm run docs:lifecycle`. Do not edit by hand. -->',
    '',
    'An idea moves through eight stages (the public timeline): ' + STAGES.map((s) => `\`${s}\``).join(' → ') + '.',
    'Besides the stages it can be in a waiting state (`returned`, `parked`) or a final one (' +
      IDEA_STATUSES.filter(isEndState)
        .map((s) => `\`${s}\``)
        .join(', ') +
      ').',
    'Facts such as `submittedAt`, `publishedAt`, `withdrawnAt`, the answer, `mergedIntoId`, `parkedUntil` and',
    '`hiddenAt` (moderation) are stored beside the status; "awaiting an answer" and "public" are derived from them.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '    [*] --> emerge',
  ];
  for (const rule of TRANSITIONS) {
    for (const from of rule.from) lines.push(`    ${from} --> ${rule.to}: ${rule.command}`);
  }
  for (const status of IDEA_STATUSES.filter(isEndState)) lines.push(`    ${status} --> [*]`);
  lines.push('```', '', '| command | from | to | who | required fields |', '|---|---|---|---|---|');
  for (const rule of TRANSITIONS) {
    const from = rule.from.map((s) => `\`${s}\``).join(', ');
    const who = rule.who.map((w) => WHO[w]).join(' or ');
    const required = rule.required.length > 0 ? rule.required.map((f) => `\`${f}\``).join(', ') : '—';
    lines.push(`| \`${rule.command}\` | ${from} | \`${rule.to}\` | ${who} | ${required} |`);
  }
  lines.push(
    '',
    'Other preconditions: `submit` needs the submission rules satisfied; `merge` needs a target that is neither',
    'the idea itself, nor a draft, nor ended; `park` needs `until` in the future. A refused command answers',
    '409 `transition_not_allowed` (not from this status), 403 with a reason (`not_author`, `out_of_scope`,',
    '`role_required`, ...) or 400 naming the missing field.',
    '',
  );
  return lines.join('\n');
}
