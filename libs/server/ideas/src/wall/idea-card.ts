import type { IdeaStatus } from '@eclore/domain';
import type { SimilarIdeaDto } from './wall.dto';

/** The columns every idea list of the wall reads (wall cards, similar and linked ideas). */
export interface IdeaCardRow {
  id: string;
  status: string;
  title: string;
  summary: string;
  support_count: number;
  comment_count: number;
}

/** The short form of an idea in a list; `kind` is passed as the query names it. */
export function ideaCard(row: IdeaCardRow, kind: SimilarIdeaDto['kind']): SimilarIdeaDto {
  return {
    id: row.id,
    kind,
    status: row.status as IdeaStatus,
    title: row.title,
    summary: row.summary,
    supportCount: row.support_count,
    commentCount: row.comment_count,
  };
}
