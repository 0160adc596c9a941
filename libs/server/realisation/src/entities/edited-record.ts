import { Column } from 'typeorm';
import { Col } from '@eclore/server-platform';

/**
 * The columns of a record people edit under optimistic locking (the project, the experiment, an
 * impact indicator): who created it, its stamps, and the version an edit quotes (`WHERE version = …`). Not an entity.
 */
export abstract class EditedRecord {
  @Col.Uuid('created_by')
  createdBy!: string;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
