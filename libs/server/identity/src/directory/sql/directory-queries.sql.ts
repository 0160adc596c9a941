/** Read queries of the directory API (plain SQL, reviewed like code). */

/** Sort key putting every unit after its parent, siblings by name: the names along its path. */
const TREE_ORDER = `(SELECT array_agg(a.name ORDER BY t.ord) FROM unnest(u.path) WITH ORDINALITY AS t(id, ord) JOIN org_unit a ON a.id = t.id)`;

export const LIST_ORG_UNITS = `
  SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.path, u.active
  FROM org_unit u
  WHERE u.active
  ORDER BY ${TREE_ORDER}, u.id`;

export const ORG_UNIT_PATH = `SELECT path FROM org_unit WHERE id = $1`;

/**
 * One page of a unit's active members (or its subtree's), keyset-paginated on (family, given, id).
 * $1 unit id, $2 subtree?, $3..$5 the cursor (nulls for the first page), $6 limit.
 */
export const LIST_MEMBERS = `
  SELECT p.id, p.employee_number, p.given_name, p.family_name, p.email, p.org_unit_id
  FROM person p
  JOIN org_unit u ON u.id = p.org_unit_id
  WHERE p.active
    AND (CASE WHEN $2::boolean THEN $1::uuid = ANY(u.path) ELSE p.org_unit_id = $1::uuid END)
    AND ($3::text IS NULL OR (p.family_name, p.given_name, p.id) > ($3::text, $4::text, $5::uuid))
  ORDER BY p.family_name, p.given_name, p.id
  LIMIT $6`;

/**
 * Directory search for co-authors and mentions: active people whose given name, family name, full
 * name (either order) or e-mail starts with $1 (already lower-cased, LIKE-escaped, `%` appended).
 */
export const SEARCH_PEOPLE = `
  SELECT p.id, p.given_name, p.family_name, p.org_unit_id, u.name AS org_unit_name
  FROM person p
  LEFT JOIN org_unit u ON u.id = p.org_unit_id
  WHERE p.active
    AND (lower(p.family_name) LIKE $1 OR lower(p.given_name) LIKE $1 OR lower(p.email) LIKE $1
         OR lower(p.given_name || ' ' || p.family_name) LIKE $1 OR lower(p.family_name || ' ' || p.given_name) LIKE $1)
  ORDER BY p.family_name, p.given_name, p.id
  LIMIT $2`;

export const HEADCOUNTS_OF_YEAR = `
  SELECT u.id AS org_unit_id, u.code, u.name, u.kind, u.parent_id, cardinality(u.path) - 1 AS depth,
         h.direct_count, h.total_count
  FROM org_unit_headcount h
  JOIN org_unit u ON u.id = h.org_unit_id
  WHERE h.year = $1
  ORDER BY ${TREE_ORDER}, u.id`;

export const LIST_IMPORTS = `
  SELECT id, status, file_name, total_rows, created_count, updated_count, unchanged_count, deactivated_count,
         error_count, created_at, finished_at
  FROM directory_import
  ORDER BY created_at DESC, id
  LIMIT $1`;
