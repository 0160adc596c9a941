import { useState } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  listMyNotificationsInfiniteOptions,
  markAllNotificationsReadMutation,
  markNotificationsReadMutation,
  type NotificationItemDto,
} from '@eclore/api-client';
import { Alert, Button, Page } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { problemMessage } from '../../app/errors';
import { useNotificationsText, type NotificationsText } from './i18n';
import './notifications.css';
import { useAppText } from '../../app/i18n';
import { useNotificationsChanged } from './queries';
import { usePageState } from '../../app/page-state';

function sentence(s: NotificationsText, item: NotificationItemDto, count = 1): string {
  const actor = item.actor
    ? `${item.actor.givenName} ${item.actor.familyName}`
    : item.actorIsAnonymousAuthor
      ? s.anonymousAuthor
      : s.someone;
  return (s.events[item.eventType] ?? s.events['other']!)(actor, count);
}

/** A group's lines: its supports told as one ("3 new supports", where the newest was), with all their ids. */
function lines(items: readonly NotificationItemDto[]): { item: NotificationItemDto; ids: string[]; unread: boolean }[] {
  const supports = items.filter((i) => i.eventType === 'supported');
  return items.flatMap((item) => {
    if (item.eventType !== 'supported') return [{ item, ids: [item.id], unread: !item.readAt }];
    if (item !== supports[0]) return [];
    return [{ item, ids: supports.map((i) => i.id), unread: supports.some((i) => !i.readAt) }];
  });
}

/** The notification centre: grouped by idea, what needs my action first, mark read. */
export default function NotificationsPage() {
  const s = useNotificationsText();
  const { i18n } = useTranslation();
  const app = useAppText();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const [notice, setNotice] = useState<string | null>(null);
  const list = useInfiniteQuery({
    ...listMyNotificationsInfiniteOptions(),
    initialPageParam: {},
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const notificationsChanged = useNotificationsChanged();
  const refresh = () => void notificationsChanged();
  const markRead = useMutation({ ...markNotificationsReadMutation(), onSuccess: refresh });
  const markAll = useMutation({
    ...markAllNotificationsReadMutation(),
    onSuccess: () => {
      setNotice(s.markedAll);
      refresh();
    },
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const groups = list.data?.pages.flatMap((p) => p.groups) ?? [];
  const anyUnread = groups.some((g) => g.unread > 0);

  const state = usePageState(list);
  return (
    <Page title={s.title} lead={s.lead} focusOnMount={focus} {...state}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {markRead.isError ? <Alert tone="error">{problemMessage(app.problems, markRead.error)}</Alert> : null}
      {list.isSuccess && groups.length === 0 ? <p>{s.empty}</p> : null}
      {anyUnread ? (
        <Button variant="secondary" onClick={() => markAll.mutate({})} disabled={markAll.isPending}>
          {s.markAllRead}
        </Button>
      ) : null}
      {groups.map((g) => {
        const unreadIds = g.items.filter((i) => !i.readAt).map((i) => i.id);
        return (
          <section
            key={g.key}
            className="ec-notif-group"
            aria-labelledby={`notif-${g.key.replace(':', '-')}`}
            data-testid="notification-group"
          >
            <div className="ec-notif-group__head">
              <h2 id={`notif-${g.key.replace(':', '-')}`}>
                <Link to={g.link}>{g.ideaTitle}</Link>
              </h2>
              {g.needsAction ? <span className="ec-notif-tag">{s.needsAction}</span> : null}
              {g.unread > 0 ? <span>{s.unread(g.unread)}</span> : null}
              {unreadIds.length > 1 ? (
                <Button variant="secondary" onClick={() => markRead.mutate({ body: { ids: unreadIds } })}>
                  {s.markGroupRead}
                </Button>
              ) : null}
            </div>
            <ul className="ec-notif-list">
              {lines(g.items).map(({ item, ids, unread }) => {
                const unreadIds = ids.filter((id) => g.items.some((i) => i.id === id && !i.readAt));
                return (
                  <li key={item.id} data-unread={unread ? 'true' : 'false'}>
                    {item.needsAction ? <span className="ec-notif-tag">{s.needsAction}</span> : null}
                    <Link to={item.link} onClick={() => unread && markRead.mutate({ body: { ids: unreadIds } })}>
                      {sentence(s, item, ids.length)}
                    </Link>
                    {item.detail ? (
                      <span>
                        {s.reason} {item.detail}
                      </span>
                    ) : null}
                    <time className="ec-notif-when" dateTime={item.createdAt}>
                      {when.format(new Date(item.createdAt))}
                    </time>
                    {unread ? (
                      <Button variant="secondary" onClick={() => markRead.mutate({ body: { ids: unreadIds } })}>
                        {s.markRead}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {list.hasNextPage ? (
        <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {s.more}
        </Button>
      ) : null}
    </Page>
  );
}
