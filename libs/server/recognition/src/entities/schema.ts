/**
 * The recognition tables are created by migration 1796599788026-Recognition, whose CHECK
 * constraints, generated idempotency keys and partial unique indexes TypeORM cannot describe. The
 * entities therefore stay out of schema generation; `recognition-entities.int-spec.ts` checks every
 * mapped column against the migrated table instead.
 */
export const RECOGNITION_SCHEMA = { synchronize: false } as const;

/** A column the database computes (GENERATED ALWAYS ... STORED): read, never written. */
export const GENERATED = { insert: false, update: false, nullable: true } as const;
