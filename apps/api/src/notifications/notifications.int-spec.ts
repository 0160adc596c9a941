import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { IdeaFollow } from '@eclore/server-ideas';
import type { ReceivedMail, SmtpSink } from '../../../../test/smtp-sink';
import { waitFor } from './built-worker';
import { startNotificationStack, type NotificationStack } from './notification-stack';
import { makeIdea, identityMarkers } from '../../../../test/harness';
import { signInMany, type Member } from '../../../../test/harness/api-context';

/**
 * Notifications end to end on real parts: the api (real HTTP), the built worker as a process,
 * PostgreSQL, Redis and a real SMTP server in this process. Idea events → in-app centre, immediate
 * e-mails in the recipient's language, digests on a test clock, unsubscribe links, failed deliveries
 * and their replay, and anonymous authors kept out of what others receive.
 */
jest.setTimeout(60_000);

describe('notifications', () => {
  let stack: NotificationStack | undefined;
  let app: NestExpressApplication;
  let ds: DataSource;
  let sink: SmtpSink;
  let girard: Member; // author, French (no locale: the organisation's)
  let emily: Member; // follower, English
  let monnier: Member; // commenter
  let nguyen: Member; // mentioned
  let admin: Member; // Rochat
  const REJECTED = 'refused.mailbox@eclore.example';

  const mailsTo = (m: Member): ReceivedMail[] =>
    sink.messages.filter((x) => x.to.includes(m.person.email.toLowerCase()) || x.to.includes(m.person.email));
  const deliveries = async (sql = 'TRUE') =>
    (await ds.query(
      `SELECT d.*, p.email FROM notification_delivery d JOIN person p ON p.id = d.recipient_id WHERE ${sql}`,
    )) as {
      id: string;
      key: string;
      status: string;
      email: string;
      kind: string;
    }[];
  const settle = async (what: string, probe: () => Promise<boolean> | boolean) => {
    await waitFor(what, probe, 20_000);
    await sink.settled();
  };
  const comment = (who: Member, ideaId: string, bodyHtml: string) =>
    who.send('post', `/api/ideas/${ideaId}/comments`, { bodyHtml }).expect(201);
  const notificationsOf = async (m: Member) => (await m.get('/api/notifications').expect(200)).body;

  beforeAll(async () => {
    stack = await startNotificationStack('notif', { rejectRecipients: [REJECTED] });
    ({ app, ds, sink } = stack);
    [girard, emily, monnier, nguyen, admin] = await signInMany(stack.ctx, [
      'Girard',
      'Wilson',
      'Monnier',
      'Nguyen',
      'Rochat',
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('tells the author at once by e-mail (French, HTML + text, unsubscribe link), the mentioned person, and the follower in the app only', async () => {
    const idea = await makeIdea(ds, { authors: [girard.person], title: 'Badges perdus' });
    await ds.getRepository(IdeaFollow).insert({ ideaId: idea.id, personId: emily.person.id });
    await comment(monnier, idea.id, `<p>Pareil chez nous, @[N](${nguyen.person.id})</p>`);

    // The demo content's own events send e-mails too: only this idea's count here.
    const about = (m: Member) => mailsTo(m).filter((x) => x.subject.includes('Badges perdus'));
    await settle('two e-mails', () => about(girard).length === 1 && about(nguyen).length === 1);
    const [toAuthor] = about(girard);
    expect(toAuthor!.subject).toBe('[Éclore] Aurélie Monnier a commenté «\u202FBadges perdus\u202F»');
    expect(toAuthor!.text).toContain(`http://eclore.test:3000/ideas/${idea.id}`);
    expect(toAuthor!.html).toContain('<a href="http://eclore.test:3000/ideas/');
    expect(toAuthor!.text).toMatch(
      /Ne plus recevoir d’e-mails pour vos idées\u202F: http:\/\/eclore\.test:3000\/api\/notifications\/unsubscribe\?token=\S+/,
    );
    expect(toAuthor!.raw).toMatch(
      /^List-Unsubscribe:\s+<http:\/\/eclore\.test:3000\/api\/notifications\/unsubscribe\?token=/m,
    );
    expect(toAuthor!.messageId).toMatch(/^<n-[0-9a-f]{40}@eclore\.test>$/);
    expect(about(nguyen)[0]!.subject).toBe(
      '[Éclore] Aurélie Monnier vous a mentionné·e dans un commentaire sur «\u202FBadges perdus\u202F»',
    );
    // The commenter hears nothing of their own act; the follower's category is a daily digest.
    expect(about(monnier)).toEqual([]);
    expect(about(emily)).toEqual([]);

    const centre = await notificationsOf(emily);
    expect(centre.groups).toHaveLength(1);
    expect(centre.groups[0]).toMatchObject({
      ideaId: idea.id,
      ideaTitle: 'Badges perdus',
      unread: 1,
      needsAction: false,
    });
    expect(centre.groups[0].items[0]).toMatchObject({
      eventType: 'commented',
      category: 'followed_ideas',
      actor: { id: monnier.person.id, givenName: 'Aurélie', familyName: 'Monnier' },
    });
    expect((await monnier.get('/api/notifications/unread-count').expect(200)).body).toEqual({ unread: 0 });
  });

  it('puts what needs my action first, marks read (mine only) and all read', async () => {
    const a = await makeIdea(ds, { authors: [girard.person], title: 'Older, needs action' });
    const b = await makeIdea(ds, { authors: [girard.person], title: 'Newer, news only' });
    // The network's "return to authors" as the command records it: the event and its announcement.
    await ds.transaction(async (m) => {
      const [e] = (await m.query(
        `INSERT INTO idea_event (idea_id, type, actor_id, public, data)
         VALUES ($1, 'return_to_authors', $2, false, '{"reason":"Précisez le service"}') RETURNING id::text AS id`,
        [a.id, admin.person.id],
      )) as { id: string }[];
      await m.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('notifications.dispatch', $1)`, [
        { ideaEventId: e!.id },
      ]);
    });
    const hasGroup = async (ideaId: string) =>
      (await notificationsOf(girard)).groups.some((g: { ideaId: string }) => g.ideaId === ideaId);
    await waitFor('the returned idea', () => hasGroup(a.id));
    await comment(monnier, b.id, '<p>Bonne idée</p>');
    await waitFor('the comment', () => hasGroup(b.id));
    const page = await notificationsOf(girard);
    expect(page.groups[0]).toMatchObject({ ideaId: a.id, needsAction: true });
    expect(page.groups[0].items[0]).toMatchObject({
      needsAction: true,
      category: 'needs_action',
      detail: 'Précisez le service',
    });

    const ids = page.groups.flatMap((g: { items: { id: string }[] }) => g.items.map((i) => i.id));
    const before = (await girard.get('/api/notifications/unread-count').expect(200)).body.unread as number;
    expect(before).toBeGreaterThanOrEqual(2);
    // Someone else's ids are ignored.
    expect((await emily.send('post', '/api/notifications/read', { ids }).expect(200)).body).toEqual({ marked: 0 });
    expect((await girard.send('post', '/api/notifications/read', { ids: [ids[0]] }).expect(200)).body).toEqual({
      marked: 1,
    });
    expect((await girard.get('/api/notifications/unread-count').expect(200)).body).toEqual({ unread: before - 1 });
    // Read, the returned idea no longer jumps the queue.
    expect((await notificationsOf(girard)).groups[0].ideaId).toBe(b.id);
    await girard.send('post', '/api/notifications/read-all').expect(200);
    expect((await girard.get('/api/notifications/unread-count').expect(200)).body).toEqual({ unread: 0 });

    const bad = await girard.send('post', '/api/notifications/read', { ids: ['x'] }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(bad.body)).toContain('ids');
  });

  it('sends the daily digest once (English, grouped, each item once), never empty, and the next day only what is new', async () => {
    const idea = await makeIdea(ds, { authors: [girard.person], title: 'Parking vélos' });
    await ds.getRepository(IdeaFollow).insert({ ideaId: idea.id, personId: emily.person.id });
    await comment(monnier, idea.id, '<p>Oui !</p>');
    await comment(nguyen, idea.id, '<p>Et couvert</p>');
    await waitFor('Emily’s two notifications', async () => {
      const g = (await notificationsOf(emily)).groups.find((x: { ideaId: string }) => x.ideaId === idea.id);
      return g?.items.length === 2;
    });
    const digestsTo = () => mailsTo(emily).filter((m) => m.subject.includes('digest'));
    const run = (now: string) => admin.send('post', '/api/admin/digests/run', { frequency: 'daily', now }).expect(202);

    await run('2099-01-05T07:00:00Z');
    await settle('the digest', () => digestsTo().length === 1);
    const digest = digestsTo()[0]!;
    expect(digest.subject).toMatch(/^\[Éclore\] Your daily digest: \d+ new items?$/);
    expect(digest.text).toContain('## Parking vélos');
    expect(digest.text.match(/Aurélie Monnier commented on “Parking vélos”/g)).toHaveLength(1);
    expect(digest.text.match(/Kevin Nguyen commented on “Parking vélos”/g)).toHaveLength(1);
    expect(digest.text).toContain('Stop e-mails about ideas you follow');

    // The same day again: nothing new, so no e-mail at all.
    await run('2099-01-05T07:05:00Z');
    await comment(monnier, idea.id, '<p>Encore</p>');
    await waitFor('the third notification', async () => {
      const g = (await notificationsOf(emily)).groups.find((x: { ideaId: string }) => x.ideaId === idea.id);
      return g?.items.length === 3;
    });
    await run('2099-01-06T07:00:00Z');
    await settle('the second digest', () => digestsTo().length === 2);
    const second = digestsTo()[1]!;
    expect(second.text.match(/commented on “Parking vélos”/g)).toHaveLength(1);
    expect(second.messageId).not.toBe(digest.messageId);
    // Every digest item went out exactly once.
    const [dupes] = (await ds.query(
      `SELECT count(*)::int AS n FROM (SELECT notification_id FROM notification_delivery_item GROUP BY notification_id, channel HAVING count(*) > 1) x`,
    )) as { n: number }[];
    expect(dupes!.n).toBe(0);
  });

  it('unsubscribes through the e-mail’s opaque link: GET asks, POST (or a one-click mail client) acts, forged tokens are refused', async () => {
    const idea = await makeIdea(ds, { authors: [girard.person], title: 'Cantine' });
    await comment(monnier, idea.id, '<p>+1</p>');
    await settle('the e-mail', () => mailsTo(girard).some((m) => m.subject.includes('Cantine')));
    const mail = mailsTo(girard).find((m) => m.subject.includes('Cantine'))!;
    const link = new URL(
      /(http:\/\/eclore\.test:3000\/api\/notifications\/unsubscribe\?token=\S+)/.exec(mail.text)![1]!,
    );
    // RFC 8058: both headers, through the real SMTP server.
    const header =
      /^List-Unsubscribe:\s+<(http:\/\/eclore\.test:3000\/api\/notifications\/unsubscribe\?token=[^>]+)>/m.exec(
        mail.raw,
      );
    expect(header).not.toBeNull();
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post:\s+List-Unsubscribe=One-Click\s*$/m);
    // Opaque: neither link names the person, in any decoding.
    const token = link.searchParams.get('token')!;
    for (const form of [
      link.href,
      header![1]!,
      Buffer.from(token, 'base64url').toString('latin1'),
      Buffer.from(token, 'base64url').toString('hex'),
    ]) {
      expect(form).not.toContain(girard.person.id);
      expect(form).not.toContain(girard.person.id.replace(/-/g, ''));
    }
    const myIdeas = async () =>
      (await girard.get('/api/me/notification-preferences').expect(200)).body.preferences.find(
        (p: { category: string }) => p.category === 'my_ideas',
      ) as { frequency: string; personal: boolean };
    const before = await myIdeas();
    expect(before.frequency).not.toBe('off');

    // GET (a click, a mail scanner, a prefetch) shows the question in the person's language and changes nothing.
    const server = app.getHttpServer();
    for (let i = 0; i < 2; i += 1) {
      const page = await request(server).get(`${link.pathname}${link.search}`).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('Ne plus recevoir d’e-mails pour vos idées\u202F?');
      expect(page.text).toMatch(/<form method="post" action="\/api\/notifications\/unsubscribe\?token=/);
    }
    expect(await myIdeas()).toEqual(before);

    // A forged or altered token: 400 problem+json naming `token`, on GET and POST alike, nothing changed.
    const bytes = Buffer.from(token, 'base64url');
    bytes[20] = bytes[20]! ^ 0xff;
    for (const bad of [bytes.toString('base64url'), 'bm90LWEtdG9rZW4', '']) {
      for (const method of ['get', 'post'] as const) {
        const refused = await request(server)[method](`/api/notifications/unsubscribe?token=${bad}`).expect(400);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'token', code: 'invalidToken' })]);
      }
    }
    expect(await myIdeas()).toEqual(before);

    // The one-click POST of a mail client: no session, no CSRF token, another Origin; the token is the authority.
    const done = await request(server)
      .post(`${link.pathname}${link.search}`)
      .set('Origin', 'https://webmail.example')
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).toContain('Vous ne recevrez plus d’e-mails pour vos idées');
    expect(await myIdeas()).toMatchObject({ frequency: 'off', personal: true });
    // The confirmation page's button, signed in but without the CSRF header, works the same (and again).
    await girard.agent
      .post(`${link.pathname}${link.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);

    const count = mailsTo(girard).length;
    await comment(nguyen, idea.id, '<p>+1 aussi</p>');
    await waitFor(
      'the in-app notification',
      async () =>
        (await notificationsOf(girard)).groups.find((g: { ideaId: string }) => g.ideaId === idea.id)?.items.length ===
        2,
    );
    expect(mailsTo(girard)).toHaveLength(count);
    await girard
      .send('put', '/api/me/notification-preferences', {
        preferences: [{ category: 'my_ideas', frequency: 'immediately' }],
      })
      .expect(200);
    const bad = await girard
      .send('put', '/api/me/notification-preferences', { preferences: [{ category: 'my_ideas', frequency: 'hourly' }] })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('preferences.0.frequency');
  });

  it('keeps an anonymous author out of what others receive, while telling them', async () => {
    const idea = await makeIdea(ds, { authors: [girard.person], anonymous: true, title: 'Idée anonyme' });
    await ds.getRepository(IdeaFollow).insert({ ideaId: idea.id, personId: emily.person.id });
    await ds.getRepository(IdeaFollow).insert({ ideaId: idea.id, personId: nguyen.person.id });
    await emily
      .send('put', '/api/me/notification-preferences', {
        preferences: [{ category: 'followed_ideas', frequency: 'immediately' }],
      })
      .expect(200);
    await comment(girard, idea.id, '<p>Je précise mon idée</p>');
    await comment(monnier, idea.id, '<p>Merci</p>');
    await settle(
      'e-mails to Emily and Girard',
      () =>
        mailsTo(emily).filter((m) => m.subject.includes('Idée anonyme')).length === 2 &&
        mailsTo(girard).some((m) => m.subject.includes('Idée anonyme')),
    );
    const toEmily = mailsTo(emily).filter((m) => m.subject.includes('Idée anonyme'));
    expect(toEmily.map((m) => m.subject).sort()).toEqual([
      '[Éclore] An author of the idea commented on “Idée anonyme”',
      '[Éclore] Aurélie Monnier commented on “Idée anonyme”',
    ]);
    const centre = await notificationsOf(nguyen);
    const group = centre.groups.find((g: { ideaId: string }) => g.ideaId === idea.id);
    expect(group.items.find((i: { actor: unknown }) => i.actor === null)).toMatchObject({
      actorIsAnonymousAuthor: true,
    });
    const seenByOthers = JSON.stringify([centre, await notificationsOf(emily), toEmily.map((m) => [m.raw])]);
    for (const marker of identityMarkers(girard.person)) expect(seenByOthers).not.toContain(marker);
    // The author is told of the comment on their idea, by e-mail too, and not of their own.
    expect(
      mailsTo(girard)
        .filter((m) => m.subject.includes('Idée anonyme'))
        .map((m) => m.subject),
    ).toEqual(['[Éclore] Aurélie Monnier a commenté «\u202FIdée anonyme\u202F»']);
    await emily
      .send('put', '/api/me/notification-preferences', {
        preferences: [{ category: 'followed_ideas', frequency: 'daily' }],
      })
      .expect(200);
  });

  it('shows a refused delivery as failed to admins, who can replay it (same Message-ID); others may not', async () => {
    await ds.query('UPDATE person SET email = $1 WHERE id = $2', [REJECTED, nguyen.person.id]);
    const idea = await makeIdea(ds, { authors: [nguyen.person], title: 'Boîte pleine' });
    await comment(monnier, idea.id, '<p>Hello</p>');
    await waitFor(
      'the failed delivery',
      async () => (await deliveries(`p.email = '${REJECTED}' AND d.status = 'failed'`)).length === 1,
    );
    const failed = (await admin.get('/api/admin/deliveries?status=failed').expect(200)).body.deliveries;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 'failed', recipientEmail: REJECTED, kind: 'immediate', items: 1 });
    expect(failed[0].lastError).toMatch(/550/);
    await girard.get('/api/admin/deliveries?status=failed').expect(403);
    await admin.get('/api/admin/deliveries?status=lost').expect(400);

    await ds.query('UPDATE person SET email = $1 WHERE id = $2', [nguyen.person.email, nguyen.person.id]);
    await admin.send('post', `/api/admin/deliveries/${failed[0].id}/replay`).expect(204);
    await settle('the replayed e-mail', () => mailsTo(nguyen).some((m) => m.subject.includes('Boîte pleine')));
    expect(mailsTo(nguyen).find((m) => m.subject.includes('Boîte pleine'))!.messageId).toBe(failed[0].messageId);
    expect((await deliveries(`d.id = '${failed[0].id}'`))[0]!.status).toBe('sent');
    await admin.send('post', `/api/admin/deliveries/${failed[0].id}/replay`).expect(409);
  });

  it('lets admins set the organisation defaults (personal choices still win)', async () => {
    const before = (await admin.get('/api/admin/notification-defaults').expect(200)).body.defaults;
    expect(before).toContainEqual({ category: 'followed_ideas', frequency: 'daily' });
    await admin
      .send('put', '/api/admin/notification-defaults', { preferences: [{ category: 'mentions', frequency: 'weekly' }] })
      .expect(200);
    const mine = (await monnier.get('/api/me/notification-preferences').expect(200)).body.preferences;
    expect(mine.find((p: { category: string }) => p.category === 'mentions')).toMatchObject({
      frequency: 'weekly',
      organisationDefault: 'weekly',
      personal: false,
    });
    await monnier.send('put', '/api/admin/notification-defaults', { preferences: [] }).expect(403);
    const dup = await admin
      .send('put', '/api/admin/notification-defaults', {
        preferences: [
          { category: 'mentions', frequency: 'off' },
          { category: 'mentions', frequency: 'daily' },
        ],
      })
      .expect(400);
    expect(JSON.stringify(dup.body)).toContain('preferences.1.category');
  });
});
