import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  countMyUnreadNotificationsQueryKey,
  listMyNotificationsInfiniteQueryKey,
  listMyNotificationsInfiniteOptions,
  markAllNotificationsReadMutation,
  markNotificationsReadMutation,
  type NotificationItemDto,
} from '@eclore/api-client';
import { Alert, Button, PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { problemMessage } from '../../session/problem-message';
import { useNotificationsText, type NotificationsText } from './strings';
import './notifications.css';

function sentence(s: NotificationsText, item: NotificationItemDto): string {
  const actor = item.actor
    ? `${item.actor.givenName} ${item.actor.familyName}`
    : item.actorIsAnonymousAuthor
      ? s.anonymousAuthor
      : s.someone;
  return (s.events[item.eventType] ?? s.events['other']!)(actor);
}

/** Where a notification leads: the idea, at the comment when it is about one. */
function linkOf(ideaId: string, item: NotificationItemDto): string {
  return item.commentId ? `/ideas/${ideaId}#comment-${item.commentId}` : `/ideas/${ideaId}`;
}

/** The notification centre: grouped by idea, what needs my action first, mark read. */
export default function NotificationsPage() {
  const s = useNotificationsText();
  const { t, i18n } = useTranslation();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const list = useInfiniteQuery({
    ...listMyNotificationsInfiniteOptions(),
    initialPageParam: {},
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listMyNotificationsInfiniteQueryKey() });
    void queryClient.invalidateQueries({ queryKey: countMyUnreadNotificationsQueryKey() });
  };
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

  return (
    <>
      <PageHeader title={s.title} lead={s.lead} focusOnMount={focus} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {markRead.isError ? <Alert tone="error">{problemMessage(t, markRead.error)}</Alert> : null}
      {list.isPending ? <p role="status">{t('app.loading')}</p> : null}
      {list.isError ? <Alert tone="error">{problemMessage(t, list.error)}</Alert> : null}
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
            key={g.ideaId}
            className="ec-notif-group"
            aria-labelledby={`notif-${g.ideaId}`}
            data-testid="notification-group"
          >
            <div className="ec-notif-group__head">
              <h2 id={`notif-${g.ideaId}`}>
                <Link to={`/ideas/${g.ideaId}`}>{g.ideaTitle}</Link>
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
              {g.items.map((item) => (
                <li key={item.id} data-unread={item.readAt ? 'false' : 'true'}>
                  {item.needsAction ? <span className="ec-notif-tag">{s.needsAction}</span> : null}
                  <Link
                    to={linkOf(g.ideaId, item)}
                    onClick={() => !item.readAt && markRead.mutate({ body: { ids: [item.id] } })}
                  >
                    {sentence(s, item)}
                  </Link>
                  {item.detail ? (
                    <span>
                      {s.reason} {item.detail}
                    </span>
                  ) : null}
                  <time className="ec-notif-when" dateTime={item.createdAt}>
                    {when.format(new Date(item.createdAt))}
                  </time>
                  {!item.readAt ? (
                    <Button variant="secondary" onClick={() => markRead.mutate({ body: { ids: [item.id] } })}>
                      {s.markRead}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {list.hasNextPage ? (
        <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {s.more}
        </Button>
      ) : null}
    </>
  );
}
