/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** LIKE pattern for "contains", with the user's `%`, `_` and `\` taken literally. */
export function likeContains(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** LIKE pattern for "starts with" (lower-cased, trimmed), with the user's wildcards taken literally. */
export function prefixPattern(q: string): string {
  return `${escapeLike(q.trim().toLowerCase())}%`;
}
