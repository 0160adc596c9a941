import { CreatedAt, UpdatedAt, Uuid } from './columns';

/**
 * The columns of a record someone creates and others may change later (a campaign, a committee
 * session, a project…): who created it and its two stamps. Not an entity.
 */
export abstract class CreatedRecord {
  @Uuid('created_by')
  createdBy!: string;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
