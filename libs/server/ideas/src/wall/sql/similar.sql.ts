import { COUNTER_COLUMNS, COUNTER_JOIN, PUBLIC_IDEA, type IdeaCardRow } from './wall.sql';

/**
 * Similar public ideas for the submission form, while the person types. Two sets of candidates,
 * each read through its own index, then scored together:
 *   - titles close to the typed title: trigram similarity on lower(unaccent_immutable(title)),
 *     through the GIN trigram index ix_idea_title_trgm (`%`: similarity ≥ pg_trgm.similarity_threshold,
 *     `<%`: the typed words appear in the title, for a title still being typed);
 *   - ideas sharing words with the title and summary, any of them (OR), through ix_idea_search_document.
 * score = trigram similarity + full-text rank; a near-duplicate scores high on both and comes first.
 * $1 title, $2 title + ' ' + summary, $3 kind or null, $4 an idea id to leave out or null, $5 limit.
 */
export const SIMILAR_IDEAS = `
  WITH typed AS (
    SELECT lower(unaccent_immutable($1::text)) AS title,
           -- Every lexeme of the text, French and English, OR-ed: "any of these words".
           (SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery
              FROM (SELECT unnest(tsvector_to_array(
                      to_tsvector('french', unaccent_immutable($2::text)) || to_tsvector('english', unaccent_immutable($2::text))
                    )) AS lexeme) l) AS words
  ), by_title AS (
    SELECT i.id FROM idea i, typed
    WHERE (lower(unaccent_immutable(i.title)) % typed.title OR typed.title <% lower(unaccent_immutable(i.title)))
      AND ${PUBLIC_IDEA}
    ORDER BY similarity(lower(unaccent_immutable(i.title)), typed.title) DESC
    LIMIT 20
  ), by_words AS (
    SELECT i.id FROM idea i, typed
    WHERE typed.words IS NOT NULL AND i.search_document @@ typed.words AND ${PUBLIC_IDEA}
    ORDER BY ts_rank(i.search_document, typed.words) DESC
    LIMIT 20
  )
  SELECT i.id, i.kind, i.status, i.title, i.summary, ${COUNTER_COLUMNS},
         similarity(lower(unaccent_immutable(i.title)), typed.title)
           + coalesce(ts_rank(i.search_document, typed.words), 0) AS score
  FROM idea i ${COUNTER_JOIN} CROSS JOIN typed
  WHERE i.id IN (SELECT id FROM by_title UNION SELECT id FROM by_words)
    AND ($3::text IS NULL OR i.kind = $3::text)
    AND ($4::uuid IS NULL OR i.id <> $4::uuid)
  ORDER BY score DESC, i.id
  LIMIT $5`;

export interface SimilarRow extends IdeaCardRow {
  score: number;
}
