import { IDEA_STATUSES, type IdeaStatus } from '@eclore/domain';
import { cursorField as f, defineCursor, invalidCursor } from '@eclore/server-platform';

/**
 * A column's opaque keyset cursor: the column, and the "in this status since" key (as PostgreSQL
 * printed it, so no precision is lost) and id of the last card shown. The platform's codec checks
 * each field against its SQL cast; a tampered cursor, or one from another column, is a 400 naming `cursor`.
 */
export interface PortfolioCursor {
  status: IdeaStatus;
  key: string;
  id: string;
}

const codec = defineCursor({ status: f.oneOf(IDEA_STATUSES), key: f.pgTimestamp, id: f.uuid });

export function encodePortfolioCursor(c: PortfolioCursor): string {
  return codec.encode(c);
}

export function decodePortfolioCursor(cursor: string, status: IdeaStatus): PortfolioCursor {
  const decoded = codec.decode(cursor);
  if (decoded.status !== status) throw invalidCursor('cursor', 'The cursor belongs to another column.');
  return decoded;
}
