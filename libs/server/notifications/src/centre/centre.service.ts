import { Injectable } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { cursorField, defineCursor } from '@eclore/server-platform';
import type { NotificationPageDto } from './centre.dto';
import { CentreRepository } from './centre.repository';
import { presentGroup } from './centre.presenter';

const ITEMS_PER_GROUP = 20;

/** The centre's groups: "needs my action" first (1, 0), then the group's latest notification id. */
const groupsCursor = defineCursor({ needs: cursorField.oneOf(['0', '1']), lastId: cursorField.serialId });

const idsOf = <T>(rows: readonly T[], pick: (row: T) => string | null): string[] =>
  rows.flatMap((row) => {
    const id = pick(row);
    return id ? [id] : [];
  });

/** A person's notification centre: the grouped list, the unread count, marking read. */
@Injectable()
export class NotificationCentreService {
  constructor(private readonly repo: CentreRepository) {}

  /** Grouped by idea (or announced campaign): groups with something unread needing my action first, then the most recent. */
  async list(actor: Actor, cursor: string | undefined, limit = 20): Promise<NotificationPageDto> {
    const after = cursor ? groupsCursor.decode(cursor) : null;
    const groups = await this.repo.groups(
      actor.personId,
      after ? { needs: Number(after.needs), lastId: after.lastId } : null,
      limit + 1,
    );
    const page = groups.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      groups.length > limit && last ? groupsCursor.encode({ needs: last.needs ? '1' : '0', lastId: last.last_id }) : null;
    if (page.length === 0) return { groups: [], nextCursor: null };
    const ideaIds = idsOf(page, (g) => g.idea_id);
    const [rows, authors] = await Promise.all([
      this.repo.items(
        actor.personId,
        {
          ideaIds,
          announcementIds: idsOf(page, (g) => g.announcement_id),
          roleRequestIds: idsOf(page, (g) => g.role_request_id),
        },
        ITEMS_PER_GROUP,
      ),
      this.repo.credits(ideaIds),
    ]);
    return { groups: page.map((g) => presentGroup(g, rows, authors, actor.personId)), nextCursor };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.repo.unreadCount(actor.personId);
  }

  /** The listed notifications (null: all of mine) become read; others' ids are ignored. */
  markRead(actor: Actor, ids: readonly string[] | null): Promise<number> {
    return this.repo.markRead(actor.personId, ids);
  }
}
