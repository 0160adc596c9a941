// The bench organisation's shape and the deterministic draws every stage of generate.mjs uses. The
// draws are SQL expressions: each row's draw happens in PostgreSQL (no row leaves it), and the same
// expression and salt always give the same value, so a regenerated database is the same data set.
import { benchUuid as uuid } from '../support/index.mjs';

export { uuid };

export const PEOPLE = 200_000;
export const DIRECTIONS = 8;
export const SERVICES = 12; // per direction
export const UNITS = 15; // per service
export const LEAVES = DIRECTIONS * SERVICES * UNITS;
/** People 1..NETWORK act as the innovation network and the committee (qualify, decide, validate). */
export const NETWORK = 2_000;

/** A deterministic pseudo-random integer in [0, m) from an expression and a salt. */
export const h = (expr, salt, m) => `(abs(hashtext(${expr}::text || '${salt}')::bigint) % ${m})`;
/** A deterministic pseudo-random double in [0, 1). */
export const u = (expr, salt) => `(abs(hashtext(${expr}::text || '${salt}')::bigint)::double precision / 2147483649.0)`;
export const person = (expr) => uuid(`'person' || (${expr})`);
export const network = (expr, salt) => person(`1 + ${h(expr, salt, NETWORK)}`);
export const days = (expr) => `make_interval(secs => (${expr}) * 86400)`;
