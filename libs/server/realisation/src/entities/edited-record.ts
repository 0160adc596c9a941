import { Column } from 'typeorm';
import { CreatedRecord } from '@eclore/server-platform';

/**
 * A created record people edit under optimistic locking (the project, the experiment, an impact
 * indicator): also the version an edit quotes (`WHERE version = …`). Not an entity.
 */
export abstract class EditedRecord extends CreatedRecord {
  @Column({ type: 'int', default: 1 })
  version!: number;
}
