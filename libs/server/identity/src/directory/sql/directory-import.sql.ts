/**
 * The set-based SQL of a directory import, run in ONE transaction by DirectoryImportRunner.apply().
 * Reviewed like code: each statement touches all rows at once (no row-by-row round trips), and each
 * write is guarded by IS DISTINCT FROM so re-importing the same file writes nothing.
 *
 * Order matters:
 *   staging tables → conflict checks (may reject) → org units (upsert, parents, paths, active)
 *   → people (free changed e-mails, update, insert, deactivate) → sessions, audit → headcounts.
 */

/** Only one import applies at a time (two concurrent imports would deactivate each other's people). */
export const LOCK_IMPORTS = `SELECT pg_advisory_xact_lock(hashtext('eclore.directory.import'))`;

export const CREATE_STAGING = `
  CREATE TEMP TABLE directory_staging_person (
    line            integer NOT NULL,
    employee_number text    NOT NULL,
    given_name      text    NOT NULL,
    family_name     text    NOT NULL,
    email           text    NOT NULL,
    org_unit_code   text    NOT NULL,
    locale          text
  ) ON COMMIT DROP;
  CREATE TEMP TABLE directory_staging_unit (
    line        integer NOT NULL,
    code        text    NOT NULL,
    name        text    NOT NULL,
    kind        text    NOT NULL,
    parent_code text
  ) ON COMMIT DROP`;

/** COPY target for the people rows (text format, tab-separated; see toCopyText). */
export const COPY_STAGING_PERSON = `
  COPY directory_staging_person (line, employee_number, given_name, family_name, email, org_unit_code, locale) FROM STDIN`;

/** The few hundred units arrive as arrays: one statement, no COPY needed. $1..$5 = line, code, name, kind, parent. */
export const INSERT_STAGING_UNITS = `
  INSERT INTO directory_staging_unit (line, code, name, kind, parent_code)
  SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::text[])`;

export const INDEX_STAGING = `
  CREATE UNIQUE INDEX ON directory_staging_person (employee_number);
  CREATE INDEX ON directory_staging_person (lower(email));
  ANALYZE directory_staging_person;
  ANALYZE directory_staging_unit`;

/**
 * After the set-based writes, in the apply transaction: a first import takes person from nothing to
 * 200 000 rows, and every later read of it (sign-in, audiences, the directory) would otherwise be
 * planned on the statistics of the empty table until autovacuum gets round to it.
 */
export const ANALYZE_APPLIED = `ANALYZE person, org_unit`;

/**
 * An e-mail of the file held by someone who is NOT in the file (they will be deactivated, but keep
 * their address, and addresses are unique): the file cannot be applied as it is.
 */
export const FIND_EMAIL_TAKEN = `
  SELECT s.line, s.email, p.employee_number AS holder
  FROM directory_staging_person s
  JOIN person p ON lower(p.email) = lower(s.email) AND p.employee_number <> s.employee_number
  WHERE NOT EXISTS (SELECT 1 FROM directory_staging_person o WHERE o.employee_number = p.employee_number)
  ORDER BY s.line
  LIMIT $1`;

/** Is the person who started the import in the file? (Else applying it would lock them out.) */
export const IMPORTER_IN_FILE = `
  SELECT EXISTS (
    SELECT 1 FROM person p JOIN directory_staging_person s ON s.employee_number = p.employee_number WHERE p.id = $1
  ) AS present`;

export const UPSERT_UNITS = `
  INSERT INTO org_unit (code, name, kind, path)
  SELECT code, name, kind, ARRAY[]::uuid[] FROM directory_staging_unit
  ON CONFLICT (code) DO UPDATE
    SET name = EXCLUDED.name, kind = EXCLUDED.kind, updated_at = now()
    WHERE (org_unit.name, org_unit.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)`;

export const SET_UNIT_PARENTS = `
  UPDATE org_unit u
  SET parent_id = p.id, updated_at = now()
  FROM directory_staging_unit s
  LEFT JOIN org_unit p ON p.code = s.parent_code
  WHERE u.code = s.code AND u.parent_id IS DISTINCT FROM p.id`;

/** Root → self id paths of the whole tree (a few hundred rows), written only where they changed. */
export const RECOMPUTE_PATHS = `
  WITH RECURSIVE tree AS (
    SELECT id, ARRAY[id] AS path FROM org_unit WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, tree.path || c.id FROM org_unit c JOIN tree ON c.parent_id = tree.id
  )
  UPDATE org_unit u SET path = tree.path, updated_at = now()
  FROM tree WHERE tree.id = u.id AND u.path IS DISTINCT FROM tree.path`;

/** The file describes the organisation: its units and their ancestors are active, the others not. */
export const SET_UNITS_ACTIVE = `
  WITH used AS (
    SELECT DISTINCT a.id FROM directory_staging_unit s JOIN org_unit u ON u.code = s.code CROSS JOIN unnest(u.path) AS a(id)
  )
  UPDATE org_unit u SET active = (u.id IN (SELECT id FROM used)), updated_at = now()
  WHERE u.active IS DISTINCT FROM (u.id IN (SELECT id FROM used))`;

/** People of the file who were deactivated and come back (for their audit events). */
export const FIND_REACTIVATED = `
  SELECT p.id FROM person p JOIN directory_staging_person s ON s.employee_number = p.employee_number WHERE NOT p.active`;

/**
 * Someone whose address changes may hand it to someone else of the same file (a swap, a reuse):
 * park the old addresses on a unique placeholder first, so the unique index never sees two holders
 * whatever order the UPDATE below visits rows in.
 */
export const PARK_CHANGED_EMAILS = `
  UPDATE person p SET email = p.id::text || '@changing.invalid'
  FROM directory_staging_person s
  WHERE s.employee_number = p.employee_number AND lower(p.email) <> lower(s.email)`;

/** Updates people whose row differs; a blank locale keeps the person's own choice. Returns the count. */
export const UPDATE_PEOPLE = `
  UPDATE person p
  SET given_name = s.given_name,
      family_name = s.family_name,
      email = s.email,
      org_unit_id = u.id,
      locale = COALESCE(s.locale, p.locale),
      active = true,
      deactivated_at = NULL,
      updated_at = now()
  FROM directory_staging_person s
  JOIN org_unit u ON u.code = s.org_unit_code
  WHERE s.employee_number = p.employee_number
    AND (p.given_name, p.family_name, p.email, p.org_unit_id, p.locale, p.active)
        IS DISTINCT FROM (s.given_name, s.family_name, s.email, u.id, COALESCE(s.locale, p.locale), true)`;

export const INSERT_PEOPLE = `
  INSERT INTO person (employee_number, given_name, family_name, email, org_unit_id, locale, active)
  SELECT s.employee_number, s.given_name, s.family_name, s.email, u.id, s.locale, true
  FROM directory_staging_person s
  JOIN org_unit u ON u.code = s.org_unit_code
  WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.employee_number = s.employee_number)`;

/** Active people absent from the file leave: deactivated (kept, for history and credit). Returns ids. */
export const DEACTIVATE_MISSING = `
  UPDATE person p SET active = false, deactivated_at = now(), updated_at = now()
  WHERE p.active AND NOT EXISTS (SELECT 1 FROM directory_staging_person s WHERE s.employee_number = p.employee_number)
  RETURNING p.id`;

/** Their open sessions end now (what SessionService.endAllFor does, for many people at once). */
export const END_SESSIONS = `
  UPDATE user_session SET ended_at = now(), end_reason = 'deactivated'
  WHERE person_id = ANY($1::uuid[]) AND ended_at IS NULL`;

/** One audit event per person, in one statement. $1 ids, $2 actor, $3 action, $4 data (jsonb), $5 request id. */
export const AUDIT_PEOPLE = `
  INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data, request_id)
  SELECT $2::uuid, $3, 'person', id::text, $4::jsonb, $5 FROM unnest($1::uuid[]) AS t(id)`;

/**
 * Head count of the year from the active people: direct (people of the unit) and total (its whole
 * subtree, summing direct counts over each unit's path). Rows of other years are never touched;
 * units that left the organisation lose this year's row. $1 = year.
 */
export const UPSERT_HEADCOUNTS = `
  WITH direct AS (
    SELECT org_unit_id, count(*)::integer AS n FROM person WHERE active AND org_unit_id IS NOT NULL GROUP BY org_unit_id
  ), total AS (
    SELECT a.id, sum(d.n)::integer AS n
    FROM direct d JOIN org_unit u ON u.id = d.org_unit_id CROSS JOIN unnest(u.path) AS a(id)
    GROUP BY a.id
  )
  INSERT INTO org_unit_headcount (org_unit_id, year, direct_count, total_count)
  SELECT u.id, $1, COALESCE(d.n, 0), COALESCE(t.n, 0)
  FROM org_unit u LEFT JOIN direct d ON d.org_unit_id = u.id LEFT JOIN total t ON t.id = u.id
  WHERE u.active
  ON CONFLICT (org_unit_id, year) DO UPDATE
    SET direct_count = EXCLUDED.direct_count, total_count = EXCLUDED.total_count, updated_at = now()
    WHERE (org_unit_headcount.direct_count, org_unit_headcount.total_count)
          IS DISTINCT FROM (EXCLUDED.direct_count, EXCLUDED.total_count)`;

export const DELETE_INACTIVE_HEADCOUNTS = `
  DELETE FROM org_unit_headcount h USING org_unit u
  WHERE h.org_unit_id = u.id AND h.year = $1 AND NOT u.active`;
