import { BUILT_IN_NOTIFICATION_DEFAULTS, DIGEST_ONLY_EVENT_TYPES, NOTIFICATION_CATEGORIES } from '@eclore/domain';

/**
 * `eff(person_id, category, frequency)`-shaped SQL for the effective choice of a notification's
 * recipient: personal choice, else the organisation default, else the built-in default. Used inside
 * queries over `notification n`.
 */
export const BUILT_IN_SQL = `(VALUES ${NOTIFICATION_CATEGORIES.map(
  (c) => `('${c}', '${BUILT_IN_NOTIFICATION_DEFAULTS[c]}')`,
).join(', ')}) AS b(category, frequency)`;

export const EFFECTIVE_FREQUENCY_SQL = `COALESCE(
  (SELECT p.frequency FROM notification_preference p WHERE p.person_id = n.recipient_id AND p.category = n.category),
  (SELECT d.frequency FROM notification_default d WHERE d.category = n.category),
  (SELECT b.frequency FROM ${BUILT_IN_SQL} WHERE b.category = n.category))`;

/**
 * The frequency that decides a notification's e-mail: the effective choice, except that digest-only
 * events (supports) never go out one by one — "immediately" takes them to the daily digest
 * (`emailFrequency` in the domain).
 */
export const EMAIL_FREQUENCY_SQL = `(SELECT CASE WHEN x.f = 'immediately' AND n.event_type IN (${DIGEST_ONLY_EVENT_TYPES.map(
  (t) => `'${t}'`,
).join(', ')}) THEN 'daily' ELSE x.f END FROM (SELECT ${EFFECTIVE_FREQUENCY_SQL} AS f) x)`;
