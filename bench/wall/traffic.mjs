// The traffic of bench/wall/run.mjs (issue 15): what users send, as a seeded stream of requests, and
// what the stream needs from the data set (ideas, filter values, cursors).
import { filterValues } from './search-cpu.mjs';
import { seeded as seededRandom, searchStrings, zipf } from './search-stream.mjs';
import { wallServiceOn } from './wall-service.mjs';
import { benchUuid } from '../support/index.mjs';

/**
 * The requests of a run, request n → { cls, path, method?, headers? }, from a seeded generator: the
 * same sequence every run. Mixed (issue 15): 57 % browsing (first page; pages 2–3 of the newest, most
 * supported and trending lists by cursor; a campaign, unit or theme; most supported; trending, also
 * filtered), 25 % searches from the distinct stream (relevance 70 %, newest 30 %; one in five with a
 * filter), 15 % idea pages (Zipf over 2 000 public ideas), 3 % supports given and withdrawn.
 */
export function requestStream(f, { mix = true, seed = 15, port } = {}) {
  const random = seededRandom(seed);
  const strings = searchStrings();
  const nextString = zipf(strings.length, { seed: seed + 1 });
  const nextIdea = zipf(f.ideas.length, { seed: seed + 2 });
  const pick = (list) => list[Math.floor(random() * list.length)];
  const wall = (params) => `/api/wall?${new URLSearchParams({ limit: '20', ...params })}`;
  const search = () => {
    const params = { q: strings[nextString()] };
    if (random() < 0.3) params.sort = 'newest';
    if (random() < 0.2) Object.assign(params, pick(f.filters));
    return { cls: 'search', path: wall(params) };
  };
  let supports = 0;
  return () => {
    if (!mix) return search();
    const x = random();
    if (x < 0.16) return { cls: 'browse', path: wall({}) };
    if (x < 0.3) return { cls: 'browse (page 2–3)', path: wall(pick(f.cursors)) };
    if (x < 0.4) return { cls: 'browse', path: wall(pick(f.filters.slice(0, 3))) };
    if (x < 0.48) return { cls: 'browse', path: wall({ sort: 'most_supported' }) };
    if (x < 0.57)
      return {
        cls: 'browse',
        path: wall({ sort: 'trending', ...(random() < 0.3 ? pick(f.filters.slice(0, 3)) : {}) }),
      };
    if (x < 0.82) return search();
    if (x < 0.97) return { cls: 'idea page', path: `/api/ideas/${f.ideas[nextIdea()]}` };
    // Supports: given then withdrawn, idea after idea, so the data set ends as it began.
    const k = supports++;
    const idea = f.supportable[Math.floor(k / 2) % f.supportable.length];
    return {
      cls: 'support',
      path: `/api/ideas/${idea}/support`,
      method: k % 2 ? 'DELETE' : 'PUT',
      headers: f.csrf ? { 'x-csrf-token': f.csrf, origin: `http://127.0.0.1:${port}` } : {},
    };
  };
}

/** What the requests need from the data set: ideas, filter values, cursors of pages 2 and 3. */
export async function fixtures(client, build, PUBLIC_IDEA_SQL) {
  const { rows: ideas } = await client.query(
    `SELECT id FROM idea i WHERE ${PUBLIC_IDEA_SQL} ORDER BY published_at DESC LIMIT 2000`,
  );
  const { rows: supportable } = await client.query(
    // Outside campaigns: a campaign's phase may close supports (409 supports_closed).
    `SELECT i.id FROM idea i WHERE ${PUBLIC_IDEA_SQL} AND i.status IN ('visible', 'qualify') AND i.campaign_id IS NULL
       AND i.author_id <> ${benchUuid("'person1'")}
       AND NOT EXISTS (SELECT 1 FROM support s WHERE s.idea_id = i.id AND s.person_id = ${benchUuid("'person1'")})
     ORDER BY i.published_at DESC LIMIT 300`,
  );
  const filters = await filterValues(client);
  // Cursors as the API makes them (the wall service's own encoding), for pages 2 and 3 of three lists.
  const wall = wallServiceOn(build, client);
  const cursors = [];
  for (const sort of ['newest', 'most_supported', 'trending']) {
    let cursor;
    for (let page = 1; page <= 2; page++) {
      const p = await wall.page({ limit: 20, sort, ...(cursor ? { cursor } : {}) });
      cursor = p.nextCursor;
      if (cursor) cursors.push({ sort, cursor });
    }
  }
  return { ideas: ideas.map((r) => r.id), supportable: supportable.map((r) => r.id), filters, cursors };
}
