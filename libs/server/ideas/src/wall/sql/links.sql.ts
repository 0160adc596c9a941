import { COUNTER_COLUMNS, COUNTER_JOIN, PUBLIC_IDEA } from './wall.sql';

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
         i.id, i.kind AS idea_kind, i.status, i.title, i.summary, ${COUNTER_COLUMNS}
  FROM idea_link l
  JOIN idea i ON i.id = CASE WHEN l.from_id = $1 THEN l.to_id ELSE l.from_id END ${COUNTER_JOIN}
  WHERE (l.from_id = $1 OR l.to_id = $1) AND ${PUBLIC_IDEA}
  ORDER BY l.created_at, i.id`;
