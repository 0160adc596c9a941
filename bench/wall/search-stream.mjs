// What people search for, as the wall bench sends it (issue 15): a fixed list of distinct strings built
// from the generator's own words (bench/wall/words.mjs), so every one matches something, from a single
// rare phrase to a word in one idea of six; French and English, with and without accents, singular and
// plural, verb + object, object + complement, words of the summaries, a few typos. The stream draws
// them Zipf-like (a few strings often, most rarely) with a seeded generator: the same run every time,
// and not a page cache's best case (one string repeated).
import { EN, FR } from './words.mjs';

/** A seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const unaccented = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const lower = (s) => s.toLowerCase();
/** "les vélos de service" → "vélos de service"; "the service bikes" → "service bikes". */
const withoutArticle = (s) => s.replace(/^(les|la|le|l’|the)\s*/i, '');
/** The first word that carries meaning: "vélos de service" → "vélos", "service bikes" → "bikes" (English head last). */
const head = (s, lang) => {
  const words = withoutArticle(s).split(/\s+/);
  return lang === 'en' ? words[words.length - 1] : words[0];
};
const singular = (w) => w.replace(/(?<=[a-zà-ÿ]{3})s$/i, '');
/** Two letters swapped in the middle: a typo of the kind people make. */
const typo = (w) => (w.length < 5 ? w : w.slice(0, 2) + w[3] + w[2] + w.slice(4));

/** The distinct search strings (about 400), in a fixed order. */
export function searchStrings() {
  const out = new Set();
  for (const [lang, words] of [
    ['fr', FR],
    ['en', EN],
  ]) {
    words.object.forEach((o, i) => {
      const base = lower(withoutArticle(o));
      const h = lower(head(o, lang));
      for (const s of [base, unaccented(base), h, singular(h), unaccented(singular(h))]) out.add(s);
      if (i % 4 === 0) out.add(typo(h));
      // Object and the complement's first words: "vélos en ligne", "bikes with a mobile app".
      words.compl.forEach((c, j) => {
        if ((i + j) % 5 === 0) out.add(`${h} ${lower(c).split(/\s+/).slice(0, 3).join(' ')}`);
      });
      // Verb and object: "réserver vélos", "book bikes".
      words.verb.forEach((v, j) => {
        if ((i * 3 + j) % 7 === 0) out.add(`${lower(v)} ${h}`);
      });
    });
    for (const s of words.summary) {
      const ws = lower(s.replace(/[.,]/g, '')).split(/\s+/);
      out.add(ws.slice(1, 4).join(' '));
      out.add(ws.slice(-2).join(' '));
    }
  }
  for (const s of [
    'agents de terrain',
    'field agents',
    'économies d’énergie',
    'energy savings',
    'sécurité des données',
  ])
    out.add(s);
  return [...out].filter((s) => s.trim().length > 1);
}

/**
 * A Zipf-like draw over `n` ranks (weight 1 / rank^s), the ranks shuffled once by the seed so that
 * the popular strings are not simply the first of the list. Returns a function () → index.
 */
export function zipf(n, { s = 1, seed = 15 } = {}) {
  const random = seeded(seed);
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cumulative = [];
  let total = 0;
  for (let r = 1; r <= n; r++) cumulative.push((total += 1 / r ** s));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo];
  };
}
