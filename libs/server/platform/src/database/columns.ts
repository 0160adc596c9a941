import {
  Column,
  CreateDateColumn,
  JoinColumn,
  ManyToOne as TypeOrmManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type ColumnOptions,
  type ObjectType,
  type RelationOptions,
} from 'typeorm';

/**
 * Exported as the `Col` namespace (`@Col.Uuid('person_id')`) so an entity needs one short import.
 * Composed TypeORM property decorators for the column shapes every entity repeats. Each one only
 * calls TypeORM's own decorators with the same options written out by hand before, so the mapping
 * (name, type, nullability, default) is unchanged; the migrations drift test guards that.
 */

type PropertyDecoratorFn = (target: object, propertyName: string) => void;

/** Column options other than the name and type, which the helper fixes. */
export type ColumnExtras = Omit<ColumnOptions, 'name' | 'type'>;

function typedColumn(
  type: 'uuid' | 'timestamptz' | 'text',
  name: string | undefined,
  extras: ColumnExtras,
): PropertyDecorator {
  // Leave `name` out when not given so TypeORM derives it from the property, as a bare @Column does.
  return Column(name === undefined ? { ...extras, type } : { ...extras, name, type });
}

/** `@PrimaryGeneratedColumn('uuid')`. */
export function UuidPrimary(): PropertyDecorator {
  return PrimaryGeneratedColumn('uuid');
}

/** A `uuid` column, usually a foreign key such as `person_id`. */
export function Uuid(name: string, extras: ColumnExtras = {}): PropertyDecorator {
  return typedColumn('uuid', name, extras);
}

/** A `timestamptz` column set by the application (not the creation/update stamps). */
export function Timestamp(name: string, extras: ColumnExtras = {}): PropertyDecorator {
  return typedColumn('timestamptz', name, extras);
}

/** A `text` column; without a name the property name is the column name. */
export function Text(name?: string, extras: ColumnExtras = {}): PropertyDecorator {
  return typedColumn('text', name, extras);
}

/** The row creation stamp (`created_at timestamptz`, filled by the database). */
export function CreatedAt(name = 'created_at'): PropertyDecorator {
  return CreateDateColumn({ name, type: 'timestamptz' });
}

/** The row update stamp (`updated_at timestamptz`, refreshed by TypeORM on save). */
export function UpdatedAt(name = 'updated_at'): PropertyDecorator {
  return UpdateDateColumn({ name, type: 'timestamptz' });
}

/** `@ManyToOne(target, options)` plus `@JoinColumn({ name: column })` on the same property. */
export function ManyToOne<T>(
  target: () => ObjectType<T>,
  column: string,
  options: RelationOptions = {},
): PropertyDecoratorFn {
  const relation = TypeOrmManyToOne(target, options);
  const join = JoinColumn({ name: column });
  return (prototype, propertyName) => {
    // Same order as the hand-written stack (decorators apply bottom-up: JoinColumn first).
    join(prototype, propertyName);
    relation(prototype, propertyName);
  };
}

/** A calendar day (`date`), read and written as `YYYY-MM-DD` so no time zone can shift it. */
export function Day(name: string, extras: ColumnExtras = {}): PropertyDecorator {
  return Column({ ...extras, name, type: 'date' });
}

/**
 * A `numeric` read as a JavaScript number. The product's numerics are bounded (amounts ≤ 10¹¹ with
 * two decimals, impact values ≤ 10¹²), well inside a double's exact integer range.
 */
export function Decimal(
  name: string,
  extras: ColumnExtras & { precision?: number; scale?: number } = {},
): PropertyDecorator {
  return Column({
    ...extras,
    name,
    type: 'numeric',
    transformer: {
      to: (value: number | null | undefined) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  });
}
