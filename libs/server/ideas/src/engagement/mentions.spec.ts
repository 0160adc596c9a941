import { mentionIds, renderMentions } from './mentions';

const A = '3f1c2a4e-1111-4aaa-8bbb-000000000001';
const B = '3f1c2a4e-2222-4aaa-8bbb-000000000002';

describe('mentions', () => {
  it('finds each mentioned id once, in order', () => {
    expect(mentionIds(`Hi @[Ann](${A}) and @[Bob](${B.toUpperCase()}), again @[Ann](${A})`)).toEqual([A, B]);
  });

  it('ignores malformed tokens', () => {
    expect(mentionIds('@[Ann](not-an-id) @Ann (x) @[](' + A + ')')).toEqual([]);
  });

  it('renders resolved people with their directory name, escaped, and leaves the others as text', () => {
    const html = renderMentions(`<p>@[Typed](${A}) @[Gone](${B})</p>`, new Map([[A, 'Zoë <O’Neil>']]));
    expect(html).toBe(`<p><span class="ec-mention" data-person-id="${A}">@Zoë &lt;O’Neil&gt;</span> @Gone</p>`);
  });
});
