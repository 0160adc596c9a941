import { DomUtils, parseDocument } from 'htmlparser2';
import { sanitizeRichText } from '@eclore/server-platform';
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

describe('mentions inside attribute values (finding 9)', () => {
  const names = new Map([[A, 'Ann Example']]);
  // What the comment service does: sanitise first, then resolve.
  const render = (input: string) => renderMentions(sanitizeRichText(input), names);

  it.each([
    ['href', `<p><a href="https://example.org/@[x](${A})">link</a></p>`],
    ['href with the typed text', `<p><a href="https://example.org/?q=@[x onmouseover=alert(1) a](${A})">link</a></p>`],
    ['href of an unknown person', `<p><a href="https://example.org/@[Gone](${B})">link</a></p>`],
  ])('leaves a token in a link %s untouched and adds no attribute or element', (_label, input) => {
    const clean = sanitizeRichText(input);
    const html = render(input);
    expect(html).toBe(clean);
    expect(html).not.toContain('ec-mention');
    expect(html).not.toContain('data-person-id');
    // One element, one href, one rel: nothing injected.
    const doc = parseDocument(html);
    const links = DomUtils.getElementsByTagName('a', doc.children, true);
    expect(links).toHaveLength(1);
    expect(Object.keys(links[0]!.attribs).sort()).toEqual(['href', 'rel']);
    expect(DomUtils.getElementsByTagName('span', doc.children, true)).toHaveLength(0);
    expect(mentionIds(clean)).toEqual([]);
  });

  it('leaves a token in a title attribute untouched (if an attribute ever allows free text)', () => {
    const html = `<p title="@[x](${A})">hi</p>`;
    expect(renderMentions(html, names)).toBe(html);
    expect(mentionIds(html)).toEqual([]);
  });

  it('still renders a token in the text, including the text of a link, next to one in its href', () => {
    const html = render(`<p><a href="https://example.org/@[x](${A})">@[Typed](${A})</a> and @[Typed](${A})</p>`);
    const doc = parseDocument(html);
    const spans = DomUtils.getElementsByTagName('span', doc.children, true);
    expect(spans).toHaveLength(2);
    for (const span of spans) {
      expect(span.attribs).toEqual({ class: 'ec-mention', 'data-person-id': A });
      expect(DomUtils.textContent(span)).toBe('@Ann Example');
    }
    expect(DomUtils.getElementsByTagName('a', doc.children, true)[0]!.attribs['href']).toBe(
      `https://example.org/@[x](${A})`,
    );
    expect(mentionIds(sanitizeRichText(`<p><a href="https://e.org/@[x](${B})">t</a> @[y](${A})</p>`))).toEqual([A]);
  });
});
