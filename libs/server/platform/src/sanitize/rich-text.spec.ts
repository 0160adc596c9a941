import { plainText, sanitizeRichText } from './rich-text';

/** Every output must be free of these, whatever the input. */
function expectHarmless(html: string): void {
  expect(html).not.toMatch(/<script|<svg|<img|<iframe|<object|<embed|<style|<math|<form|<input/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(html).not.toMatch(/\sstyle\s*=|\sclass\s*=|\ssrc\s*=/i);
}

describe('sanitizeRichText', () => {
  it('keeps the allow-listed formatting as it is', () => {
    const html =
      '<h3>Problème</h3><p>Un <strong>gras</strong>, <em>italique</em>, <u>souligné</u>, <s>barré</s><br />ligne</p>' +
      '<ul><li>un</li></ul><ol><li>deux</li></ol><blockquote>cité</blockquote><h4>Solution</h4><pre><code>x = 1</code></pre>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('keeps http, https and mailto links and adds rel="noopener noreferrer"', () => {
    expect(sanitizeRichText('<a href="https://example.org/a?b=1&amp;c=2">lien</a>')).toBe(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">lien</a>',
    );
    expect(sanitizeRichText('<a href="http://intra.local">x</a>')).toBe(
      '<a href="http://intra.local" rel="noopener noreferrer">x</a>',
    );
    expect(sanitizeRichText('<a href="mailto:a@example.org">m</a>')).toBe(
      '<a href="mailto:a@example.org" rel="noopener noreferrer">m</a>',
    );
  });

  it('replaces an author-supplied rel/target and drops event handlers on links', () => {
    expect(
      sanitizeRichText('<a href="https://e.org" rel="opener" target="_blank" onclick="steal()" title="t">ok</a>'),
    ).toBe('<a href="https://e.org" rel="noopener noreferrer">ok</a>');
  });

  it('maps b/i/strike/del to their allowed equivalents', () => {
    expect(sanitizeRichText('<b>a</b><i>b</i><strike>c</strike><del>d</del>')).toBe(
      '<strong>a</strong><em>b</em><s>c</s><s>d</s>',
    );
  });

  const corpus: Array<[string, string]> = [
    ['script tag', '<p>Hello<script>alert(1)</script></p>'],
    ['script tag, upper case and spaced', '<SCRIPT >alert(1)</SCRIPT >text'],
    ['script in attribute-less context', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['event handler on an allowed tag', '<p onmouseover="alert(1)">p</p>'],
    ['event handler without quotes', '<strong onclick=alert(1)>s</strong>'],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['javascript: link, mixed case and spaces', '<a href="  JaVaScRiPt:alert(1)">x</a>'],
    ['javascript: link, entity-encoded', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['javascript: link, hex entity', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>'],
    ['javascript: link, tab inside', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
    ['data: URL link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['data: URL image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
    ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>after'],
    ['svg with script', '<svg><script>alert(1)</script></svg>'],
    ['math with link', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
    ['style attribute', '<p style="background:url(javascript:alert(1))">s</p>'],
    ['style tag', '<style>body{background:url("javascript:alert(1)")}</style>t'],
    ['class attribute', '<p class="admin-only">c</p>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['object/embed', '<object data="x.swf"></object><embed src="x.swf">'],
    ['form', '<form action="https://evil.example"><input name="p"><button>go</button></form>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['base href', '<base href="javascript:alert(1)//">'],
    ['malformed nesting', '<p><strong>unclosed <em>nest</p></strong><li>stray</ul>'],
    ['unterminated tag', '<p>text<a href="javascript:alert(1)"'],
    ['comment hiding a script', '<!--<script>alert(1)</script>--><p>ok</p>'],
    ['CDATA', '<![CDATA[<script>alert(1)</script>]]>'],
    ['noscript trick', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['template', '<template><script>alert(1)</script></template>'],
    ['srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ];

  it.each(corpus)('neutralises %s', (_label, input) => {
    expectHarmless(sanitizeRichText(input));
  });

  it('keeps the text of a refused link but not the link', () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)">cliquez</a>')).toBe('cliquez');
    expect(sanitizeRichText('<a href="/relative">rel</a>')).toBe('rel');
    expect(sanitizeRichText('<a href="//evil.example">pr</a>')).toBe('pr');
  });

  it('drops the content of script, style and svg but keeps the text of other refused tags', () => {
    expect(
      sanitizeRichText('<div><h1>Titre</h1><span>texte</span></div><script>bad()</script><svg><text>svg</text></svg>'),
    ).toBe('Titretexte');
  });

  it('closes malformed nesting into well-formed HTML', () => {
    expect(sanitizeRichText('<p><strong>un <em>deux</p>')).toBe('<p><strong>un <em>deux</em></strong></p>');
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeRichText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
  });

  it('treats empty and whitespace-only input as empty', () => {
    expect(sanitizeRichText('')).toBe('');
    expect(sanitizeRichText('   ')).toBe('');
  });
});

describe('plainText', () => {
  it('returns the text with blocks separated and entities decoded', () => {
    expect(
      plainText(
        '<h3>Titre</h3><p>Un &amp; deux</p><p>trois&nbsp;<strong>quatre</strong><br>cinq</p><ul><li>a</li><li>b</li></ul>',
      ),
    ).toBe('Titre Un & deux trois quatre cinq a b');
  });

  it('drops script and style content', () => {
    expect(plainText('<p>ok</p><script>alert(1)</script><style>p{}</style>')).toBe('ok');
  });

  it('decodes numeric entities and keeps accents', () => {
    expect(plainText('<p>&#233;t&#xE9; &lt;b&gt;</p>')).toBe('été <b>');
  });
});
