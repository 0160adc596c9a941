/**
 * A calendar day as the API writes dates without a time (YYYY-MM-DD, month 01–12, day 01–31). One
 * pattern for every realisation DTO, so a month 13 is refused at the edge naming its field, never
 * left for PostgreSQL to reject. Impossible days (31 April) are then caught by the domain's checks.
 */
export const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
