import { Col } from '@eclore/server-platform';
import { Person } from './person.entity';

/** The id and owner of a row that belongs to one person and is erased with them. Not an entity. */
export abstract class PersonOwnedRow {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('person_id')
  personId!: string;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}
