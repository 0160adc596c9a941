import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLifecycleMarkdown } from '@eclore/domain';

// docs/lifecycle.md is rendered from the domain's transition table. This test fails when they
// differ; `npm run docs:lifecycle` runs it with UPDATE_LIFECYCLE_DOC=1 to rewrite the file.
const DOC = join(__dirname, '..', 'docs', 'lifecycle.md');

describe('docs/lifecycle.md', () => {
  it('matches the transition table', () => {
    const expected = renderLifecycleMarkdown();
    if (process.env.UPDATE_LIFECYCLE_DOC === '1') writeFileSync(DOC, expected);
    expect(readFileSync(DOC, 'utf8')).toBe(expected);
  });
});
