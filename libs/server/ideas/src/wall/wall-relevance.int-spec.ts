import 'reflect-metadata';
import type { AppConfig } from '@eclore/server-platform';
import type { DataSource } from 'typeorm';
import { openTestDataSource, type TestDataSource } from '../../../../../test/harness';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

/**
 * Relevance guard (issue 15): a fixed set of queries — French and English, with and without accents,
 * singular and plural, phrases, a few typos — each with the ideas that should come first, over a data
 * set this test builds. precision@10 of a query = relevant ideas among its first 10 results divided by
 * min(10, number of relevant ideas); the figure is the mean over the queries, computed through the
 * wall service, i.e. the very SQL the API runs (relevance sort, its recent-window rule included).
 *
 * Ten topics, each with 5 French and 3 English ideas naming it in their title (the relevant ones,
 * published from 5 days to 2 years ago), 12 ideas mentioning it only in passing in their body, and
 * for the topics "vélo" and "réunion" 120 recent passing mentions — enough for the 30-day relevance
 * window to hold 100 matches, which is what that rule trades away. 600 unrelated ideas around them.
 */
interface Topic {
  key: string;
  fr: string[];
  en: string[];
  /** Words a passing mention uses. */
  mention: string;
  crowded?: boolean;
}
const TOPICS: Topic[] = [
  {
    key: 'velo',
    fr: [
      'Vélos de service en libre accès',
      'Un vélo partagé par étage',
      'Réparer les vélos du parc',
      'Garage à vélos sécurisé',
      'Prêt de vélo électrique',
    ],
    en: ['Service bikes for every team', 'Share a bike between sites', 'Secure bike storage'],
    mention: 'en venant à vélo',
    crowded: true,
  },
  {
    key: 'reunion',
    fr: [
      'Réserver les salles de réunion',
      'Une salle de réunion sans écran',
      'Réunions plus courtes',
      'Libérer les salles de réunion inutilisées',
      'Réunion hebdomadaire en visio',
    ],
    en: ['Book meeting rooms online', 'Shorter meetings', 'Free unused meeting rooms'],
    mention: 'après la réunion',
    crowded: true,
  },
  {
    key: 'frais',
    fr: [
      'Simplifier les notes de frais',
      'Note de frais sans papier',
      'Rembourser les frais de mission plus vite',
      'Plafonds des frais de repas',
      'Frais kilométriques en ligne',
    ],
    en: ['Simpler expense reports', 'Paperless expense report', 'Faster expense refunds'],
    mention: 'sans frais supplémentaires',
  },
  {
    key: 'cantine',
    fr: [
      'Menus de la cantine en ligne',
      'Moins de gaspillage à la cantine',
      'Cantine ouverte plus tard',
      'Réserver son repas à la cantine',
      'Produits locaux à la cantine',
    ],
    en: ['Canteen menus online', 'Less canteen waste', 'Book a canteen meal'],
    mention: 'comme à la cantine',
  },
  {
    key: 'badge',
    fr: [
      'Badges d’accès unifiés',
      'Un badge pour tous les bâtiments',
      'Badge perdu : remplacement rapide',
      'Badges visiteurs',
      'Supprimer les badges papier',
    ],
    en: ['One access badge for all sites', 'Visitor badges', 'Replace lost badges quickly'],
    mention: 'avec mon badge',
  },
  {
    key: 'energie',
    fr: [
      'Économies d’énergie dans les bureaux',
      'Suivre la consommation d’énergie',
      'Énergie solaire sur le toit',
      'Couper l’énergie la nuit',
      'Audit énergétique des bâtiments',
    ],
    en: ['Energy savings in offices', 'Track energy consumption', 'Solar energy on the roof'],
    mention: 'une question d’énergie',
  },
  {
    key: 'dechets',
    fr: [
      'Trier les déchets du réfectoire',
      'Moins de déchets plastiques',
      'Composter les déchets verts',
      'Collecte des déchets électroniques',
      'Déchets de chantier recyclés',
    ],
    en: ['Sort canteen waste', 'Less plastic waste', 'Collect electronic waste'],
    mention: 'et les déchets',
  },
  {
    key: 'teletravail',
    fr: [
      'Télétravail deux jours par semaine',
      'Équiper les agents en télétravail',
      'Charte du télétravail',
      'Télétravail et droit à la déconnexion',
      'Télétravail pour les nouveaux arrivants',
    ],
    en: ['Remote work two days a week', 'Remote work equipment', 'Remote work charter'],
    mention: 'même en télétravail',
  },
  {
    key: 'formation',
    fr: [
      'Formations obligatoires en ligne',
      'Une formation à l’accueil',
      'Catalogue des formations internes',
      'Formation des managers',
      'Formations courtes entre collègues',
    ],
    en: ['Online mandatory training', 'Training for managers', 'Peer training sessions'],
    mention: 'lors d’une formation',
  },
  {
    key: 'parking',
    fr: [
      'Places de parking partagées',
      'Parking vélo et voiture',
      'Réserver une place de parking',
      'Parking réservé au covoiturage',
      'Éclairer le parking le soir',
    ],
    en: ['Shared car park spaces', 'Book a parking space', 'Car park lighting'],
    mention: 'depuis le parking',
  },
];

/** [query, topic key, language of the relevant ideas]. */
const QUERIES: [string, string, 'fr' | 'en'][] = [
  ['vélos', 'velo', 'fr'],
  ['velo', 'velo', 'fr'],
  ['vélo électrique', 'velo', 'fr'],
  ['bikes', 'velo', 'en'],
  ['bike', 'velo', 'en'],
  ['salles de réunion', 'reunion', 'fr'],
  ['salle reunion', 'reunion', 'fr'],
  ['réunions', 'reunion', 'fr'],
  ['meeting rooms', 'reunion', 'en'],
  ['meeting', 'reunion', 'en'],
  ['notes de frais', 'frais', 'fr'],
  ['note frais', 'frais', 'fr'],
  ['expense reports', 'frais', 'en'],
  ['expense', 'frais', 'en'],
  ['cantine', 'cantine', 'fr'],
  ['cantines', 'cantine', 'fr'],
  ['canteen', 'cantine', 'en'],
  ['cantinne', 'cantine', 'fr'],
  ['badges', 'badge', 'fr'],
  ['badge d’accès', 'badge', 'fr'],
  ['access badges', 'badge', 'en'],
  ['bagde', 'badge', 'fr'],
  ['énergie', 'energie', 'fr'],
  ['energie', 'energie', 'fr'],
  ['energy', 'energie', 'en'],
  ['enegie', 'energie', 'fr'],
  ['déchets', 'dechets', 'fr'],
  ['dechet', 'dechets', 'fr'],
  ['waste', 'dechets', 'en'],
  ['télétravail', 'teletravail', 'fr'],
  ['teletravail', 'teletravail', 'fr'],
  ['remote work', 'teletravail', 'en'],
  ['remote working', 'teletravail', 'en'],
  ['formations', 'formation', 'fr'],
  ['formation', 'formation', 'fr'],
  ['training', 'formation', 'en'],
  ['trainings', 'formation', 'en'],
  ['formaton', 'formation', 'fr'],
  ['parking', 'parking', 'fr'],
  ['places de parking', 'parking', 'fr'],
  ['car park', 'parking', 'en'],
  ['parkings', 'parking', 'fr'],
];

/**
 * Measured on this data set when the guard was written (2026-12-07): 0.698 (29.33 / 42) through the
 * API's SQL; ranking every match instead of only the recent window would give 0.756 (docs/performance.md,
 * "Relevance guard"). The misses are the typos (no fuzzy matching), phrases whose words are ANDed, a
 * derived word ("énergétique"), and the crowded "vélo"/"réunion" topics where the 30-day window hides
 * the older title matches. The test fails below it; raise it when relevance improves.
 */
const BASELINE_PRECISION_AT_10 = 0.698;

const DAY = 86_400_000;

async function seed(ds: DataSource): Promise<Map<string, Set<string>>> {
  const [person] = (await ds.query(
    `INSERT INTO person (employee_number, given_name, family_name, email) VALUES ('R-1', 'Rel', 'Evance', 'rel@eclore.example') RETURNING id`,
  )) as { id: string }[];
  const author = person!.id;
  const rows: { title: string; summary: string; body: string; ageDays: number; relevant?: string }[] = [];
  const ages = [5, 40, 120, 400, 700];
  for (const t of TOPICS) {
    t.fr.forEach((title, i) =>
      rows.push({
        title,
        summary: 'Une proposition des équipes.',
        body: '',
        ageDays: ages[i % 5]!,
        relevant: `${t.key}:fr`,
      }),
    );
    t.en.forEach((title, i) =>
      rows.push({
        title,
        summary: 'A proposal from the teams.',
        body: '',
        ageDays: ages[(i + 2) % 5]!,
        relevant: `${t.key}:en`,
      }),
    );
    const mentions = t.crowded ? 120 : 12;
    for (let i = 0; i < mentions; i++)
      rows.push({
        title: `Idée diverse numéro ${rows.length}`,
        summary: 'Améliorer le quotidien.',
        body: `<p>Je le remarque ${t.mention}.</p>`,
        ageDays: 1 + (i % 25),
      });
  }
  for (let i = 0; i < 600; i++)
    rows.push({
      title: `Proposition générale numéro ${i}`,
      summary: 'Rendre le service plus simple.',
      body: '',
      ageDays: (i * 7) % 1000,
    });
  const now = Date.now();
  const ids = (await ds.query(
    `INSERT INTO idea (kind, status, title, summary, body_html, themes, anonymous, author_id, submitted_at, published_at, version)
     SELECT 'problem', 'visible', t, s, b, '{}', false, $5, p, p, 1
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS x(t, s, b, p)
     RETURNING id`,
    [
      rows.map((r) => r.title),
      rows.map((r) => r.summary),
      rows.map((r) => r.body),
      rows.map((r) => new Date(now - r.ageDays * DAY)),
      author,
    ],
  )) as { id: string }[];
  const relevant = new Map<string, Set<string>>();
  rows.forEach((r, i) => {
    if (!r.relevant) return;
    if (!relevant.has(r.relevant)) relevant.set(r.relevant, new Set());
    relevant.get(r.relevant)!.add(ids[i]!.id);
  });
  await ds.query('ANALYZE idea');
  return relevant;
}

describe('search relevance guard (issue 15)', () => {
  let t: TestDataSource;
  let wall: WallService;
  let repository: WallRepository;
  let relevant: Map<string, Set<string>>;

  beforeAll(async () => {
    t = await openTestDataSource('relevance');
    relevant = await seed(t.ds);
    repository = new WallRepository(t.ds);
    wall = new WallService(repository, new WallPageCache({ WALL_CACHE_SECONDS: 0 } as AppConfig));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  function precision(ids: string[], expected: Set<string>): number {
    return ids.slice(0, 10).filter((id) => expected.has(id)).length / Math.min(10, expected.size);
  }

  it(`keeps precision@10 over ${QUERIES.length} queries at or above ${BASELINE_PRECISION_AT_10}`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    const lines: string[] = [];
    let api = 0;
    let everyMatch = 0;
    for (const [q, topic, lang] of QUERIES) {
      const expected = relevant.get(`${topic}:${lang}`)!;
      const page = await wall.page({ q, limit: 10 });
      const ranked = await repository.wallRows({ q, sort: 'relevance', segment: 'hot', since: null, limit: 10 });
      const p = precision(
        page.items.map((i) => i.id),
        expected,
      );
      const pAll = precision(
        ranked.map((r) => r.id),
        expected,
      );
      api += p;
      everyMatch += pAll;
      lines.push(`${q.padEnd(22)} ${p.toFixed(2)}  (every match ranked: ${pAll.toFixed(2)})`);
    }
    const measured = api / QUERIES.length;
    console.log(
      `precision@10 through the API's SQL: ${measured.toFixed(3)}; ranking every match: ${(everyMatch / QUERIES.length).toFixed(3)}\n${lines.join('\n')}`,
    );
    expect(measured).toBeGreaterThanOrEqual(BASELINE_PRECISION_AT_10 - 1e-9);
  });
});
