/** Who acted on a role request notification (no idea event): who asked, or who approved. */
export const ROLE_REQUEST_ACTOR_SQL = `CASE n.event_type WHEN 'role_granted' THEN rr.decided_by WHEN 'role_grant_requested' THEN rr.requested_by END`;

/** The title a notification group shows: its idea's, its campaign's, or the role request's person. */
export const GROUP_TITLE_SQL = `COALESCE(i.title, c.title, rg.given_name || ' ' || rg.family_name)`;
