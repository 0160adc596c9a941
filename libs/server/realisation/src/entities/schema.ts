/**
 * The realisation tables are created by migration 1796591943358-Realisation, whose CHECK
 * constraints, partial unique indexes and composite foreign key (a measurement carries its
 * indicator's category so the category's bounds hold on the row) TypeORM cannot describe. The
 * entities therefore stay out of schema generation; `realisation-entities.int-spec.ts` checks every
 * mapped column against the migrated table instead.
 */
export const REALISATION_SCHEMA = { synchronize: false } as const;
