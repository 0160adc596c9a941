import { PUBLIC_IDEA } from './wall.sql';

/** What the link rules need to know about an idea (kind, status, place; never its author). */
export const IDEA_FOR_LINK = `
  SELECT i.id, i.kind, i.status, i.anonymous, i.submitted_at, i.published_at, i.withdrawn_at, i.merged_into_id,
         i.parked_until, i.hidden_at, i.themes, coalesce(u.path, '{}') AS org_unit_path,
         EXISTS (SELECT 1 FROM idea_author a WHERE a.idea_id = i.id AND a.person_id = $2 AND a.status = 'accepted') AS is_author
  FROM idea i LEFT JOIN org_unit u ON u.id = i.org_unit_id
  WHERE i.id = $1`;

/** A "similar" link is one relation whichever side it was made from. */
export const FIND_LINK = `
  SELECT from_id, to_id, kind FROM idea_link
  WHERE kind = $3 AND ((from_id = $1 AND to_id = $2) OR ($3 = 'similar' AND from_id = $2 AND to_id = $1))`;

export const INSERT_LINK = `
  INSERT INTO idea_link (from_id, to_id, kind, created_by) VALUES ($1, $2, $3, $4)
  ON CONFLICT DO NOTHING`;

export const DELETE_LINK = `
  DELETE FROM idea_link
  WHERE kind = $3 AND ((from_id = $1 AND to_id = $2) OR ($3 = 'similar' AND from_id = $2 AND to_id = $1))`;

/** The public ideas linked to one idea, either way, as cards. $1 idea id. */
export const LINKED_IDEAS = `
  SELECT l.kind, CASE WHEN l.from_id = $1 THEN 'outgoing' ELSE 'incoming' END AS direction,
         i.id, i.kind AS idea_kind, i.status, i.title, i.summary, i.support_count, i.comment_count
  FROM idea_link l
  JOIN idea i ON i.id = CASE WHEN l.from_id = $1 THEN l.to_id ELSE l.from_id END
  WHERE (l.from_id = $1 OR l.to_id = $1) AND ${PUBLIC_IDEA}
  ORDER BY l.created_at, i.id`;
