import { frenchTypography, frenchTypographyHtml, NO_BREAK_SPACE } from './typography';

/** Shows the narrow no-break space as `⍽` so expectations read. */
const show = (s: string) => s.replace(/\u202F/g, '⍽');
const fr = (s: string) => show(frenchTypography(s));

describe('frenchTypography', () => {
  it('puts a narrow no-break space before a colon, replacing an ordinary one or adding a missing one', () => {
    expect(fr('Rappel : « A » attend')).toBe('Rappel⍽: «⍽A⍽» attend');
    expect(fr('Motif: Peu coûteux')).toBe('Motif⍽: Peu coûteux');
    expect(fr('La question posée :\n  Comment ?')).toBe('La question posée⍽:\n  Comment⍽?');
    expect(fr(`Note${NO_BREAK_SPACE}: x`)).toBe('Note⍽: x');
  });

  it('does the same before ; ! and ?, but not after another sign', () => {
    expect(fr('Oui ; non ! Vraiment ?')).toBe('Oui⍽; non⍽! Vraiment⍽?');
    expect(fr('Oui; non! Vraiment?')).toBe('Oui⍽; non⍽! Vraiment⍽?');
    expect(fr('Quoi ?!')).toBe('Quoi⍽?!');
    expect(fr('Quoi?!')).toBe('Quoi⍽?!');
    expect(fr('(vraiment?)')).toBe('(vraiment⍽?)');
  });

  it('puts the space inside « guillemets », with or without spaces written', () => {
    expect(fr('Appel : « Accueil des nouveaux »')).toBe('Appel⍽: «⍽Accueil des nouveaux⍽»');
    expect(fr('«Accueil»')).toBe('«⍽Accueil⍽»');
  });

  it('leaves links, e-mail addresses, times and colons inside words as they are', () => {
    expect(fr('Voir l’idée: https://eclore.example/ideas/i1?tab=a:b;c#x!')).toBe(
      'Voir l’idée⍽: https://eclore.example/ideas/i1?tab=a:b;c#x!',
    );
    expect(fr('Écrire à claire.rochat@eclore.example ; merci')).toBe('Écrire à claire.rochat@eclore.example⍽; merci');
    expect(fr('Séance à 18:30, a:b, ;-)')).toBe('Séance à 18:30, a:b, ;-)');
    expect(fr('mailto:x@y.fr')).toBe('mailto:x@y.fr');
  });

  it('leaves text without French punctuation alone, and changes nothing the second time', () => {
    expect(frenchTypography('[Éclore] Aurélie a commenté')).toBe('[Éclore] Aurélie a commenté');
    const once = frenchTypography('Rappel: « A » ; b ? https://x.example/?q=1 !');
    expect(frenchTypography(once)).toBe(once);
  });

  it('takes another space where the output cannot show U+202F', () => {
    expect(frenchTypography('Date : 10 mars à 14:00', { space: NO_BREAK_SPACE })).toBe(
      `Date${NO_BREAK_SPACE}: 10 mars à 14:00`,
    );
  });
});

describe('frenchTypographyHtml', () => {
  it('typesets text only: never tags, attributes, entities, styles or scripts', () => {
    const html =
      '<!doctype html><p style="color:red;margin:0"><strong>Motif:</strong> l&#39;idée &amp; la suite ? <a href="https://x.example/?a=1&amp;b=2">Voir</a> !</p>' +
      '<style>p{color:red;}</style><script>if(a) b();</script>';
    expect(show(frenchTypographyHtml(html))).toBe(
      '<!doctype html><p style="color:red;margin:0"><strong>Motif⍽:</strong> l&#39;idée &amp; la suite⍽? <a href="https://x.example/?a=1&amp;b=2">Voir</a>⍽!</p>' +
        '<style>p{color:red;}</style><script>if(a) b();</script>',
    );
  });

  it('sees escaped text as text', () => {
    expect(show(frenchTypographyHtml('<p>les &lt;nouveaux&gt; ? «&lt;x&gt;»</p>'))).toBe(
      '<p>les &lt;nouveaux&gt;⍽? «⍽&lt;x&gt;⍽»</p>',
    );
  });
});
