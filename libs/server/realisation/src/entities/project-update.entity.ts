import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** A dated update on a project's timeline. */
@Entity({ name: 'project_update', ...REALISATION_SCHEMA })
export class ProjectUpdate {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('project_id')
  projectId!: string;

  @Col.Uuid('author_id')
  authorId!: string;

  @Col.Text('body_html')
  bodyHtml!: string;

  @Col.CreatedAt()
  createdAt!: Date;
}
