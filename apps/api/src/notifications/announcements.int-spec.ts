import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { Campaign, CampaignPhase } from '@eclore/server-ideas';
import type { ReceivedMail, SmtpSink } from '../../../../test/smtp-sink';
import { waitFor } from './built-worker';
import { startNotificationStack, type NotificationStack } from './notification-stack';
import { makeCampaign, makeIdea, identityMarkers, unitByCode } from '../../../../test/harness';
import { signInMany, type Member } from '../../../../test/harness/api-context';

/**
 * Campaign announcements and support notifications on real parts: the api, the built worker,
 * PostgreSQL, Redis and an SMTP server in this process.
 */
jest.setTimeout(90_000);

describe('campaign announcements and supports', () => {
  let stack: NotificationStack | undefined;
  const REFUSED = 'refused.announce@eclore.example';
  let ds: DataSource;
  let sink: SmtpSink;
  let gagnon: Member; // network member scoped to DS: manages DS campaigns
  let tremblay: Member; // network member, whole organisation
  let girard: Member; // DS-SOINS, French
  let jaquet: Member; // DS-SOINS-NUIT (a subtree of DS-SOINS), English
  let nguyen: Member; // DS-SOINS, campaigns e-mails off
  let benali: Member; // DS-SOINS, campaigns as a daily digest
  let lavoie: Member; // DS-PREV: outside the audience
  let monnier: Member; // DS-SOINS, supporter
  let admin: Member;

  const mailsTo = (m: Member): ReceivedMail[] =>
    sink.messages.filter((x) => x.to.some((to) => to.toLowerCase() === m.person.email.toLowerCase()));
  // The demo content's own events send e-mails too: each test counts only its own.
  const about = (m: Member, title: string): ReceivedMail[] =>
    mailsTo(m).filter((x) => x.subject.includes(title) || x.text.includes(title));
  const settle = async (what: string, probe: () => Promise<boolean> | boolean) => {
    await waitFor(what, probe, 30_000);
    await sink.settled();
  };
  const count = async (sql: string, params: unknown[] = []) => ((await ds.query(sql, params)) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    stack = await startNotificationStack('announce', { rejectRecipients: [REFUSED] });
    ({ ds, sink } = stack);
    [gagnon, tremblay, girard, jaquet, nguyen, benali, lavoie, monnier, admin] = await signInMany(stack.ctx, [
      'Gagnon',
      'Tremblay',
      'Girard',
      'Jaquet',
      'Nguyen',
      'Benali',
      'Lavoie',
      'Monnier',
      'Rochat',
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function soinsCampaign(title: string): Promise<Campaign> {
    const campaign = await makeCampaign(ds, { createdBy: gagnon.person, phase: { supports: true, comments: true } });
    const soins = await unitByCode(ds, 'DS-SOINS');
    await ds
      .getRepository(Campaign)
      .update(
        { id: campaign.id },
        { title, audienceOrgUnitIds: [soins.id], question: 'Comment pourrions-nous mieux organiser les nuits ?' },
      );
    return ds.getRepository(Campaign).findOneByOrFail({ id: campaign.id });
  }

  it('announces a campaign to its units and their subtrees, once, per each person’s preference and language', async () => {
    const campaign = await soinsCampaign('Nuits apaisées');
    await ds.query(`UPDATE person SET locale = 'en' WHERE id = $1`, [jaquet.person.id]);
    await nguyen
      .send('put', '/api/me/notification-preferences', {
        preferences: [{ category: 'campaigns', frequency: 'off' }],
      })
      .expect(200);
    await benali
      .send('put', '/api/me/notification-preferences', {
        preferences: [{ category: 'campaigns', frequency: 'daily' }],
      })
      .expect(200);
    const audience = (await ds.query(
      `SELECT p.id FROM person p JOIN org_unit u ON u.id = p.org_unit_id
        WHERE p.active AND (SELECT id FROM org_unit WHERE code = 'DS-SOINS') = ANY(u.path)`,
    )) as { id: string }[];
    expect(audience.map((a) => a.id)).toEqual(
      expect.arrayContaining([girard.person.id, jaquet.person.id, nguyen.person.id, benali.person.id]),
    );
    expect(audience.map((a) => a.id)).not.toContain(lavoie.person.id);

    // Only a manager of the audience may see the audience size or announce.
    await girard.get(`/api/campaigns/${campaign.id}/announcement`).expect(403);
    await girard.send('post', `/api/campaigns/${campaign.id}/announcement`).expect(403);
    const preview = await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200);
    expect(preview.body).toMatchObject({ announced: false, audienceSize: audience.length, notified: 0 });

    const first = await gagnon.send('post', `/api/campaigns/${campaign.id}/announcement`).expect(200);
    expect(first.body).toMatchObject({ announced: true, audienceSize: audience.length });
    // Announcing again (another manager, a double click) tells nobody twice.
    await tremblay.send('post', `/api/campaigns/${campaign.id}/announcement`).expect(200);

    const immediate = audience.length - 2; // Nguyen: off; Benali: daily digest
    await settle('the announcement e-mails', async () => {
      const s = (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body;
      return s.completed && s.emailsSent === immediate;
    });
    const status = (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body;
    expect(status).toMatchObject({
      announced: true,
      notified: audience.length,
      emailsQueued: immediate,
      emailsSent: immediate,
      emailsFailed: 0,
      completed: true,
    });
    expect(
      await count('SELECT count(*)::int AS n FROM campaign_announcement WHERE campaign_id = $1', [campaign.id]),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification n JOIN campaign_announcement a ON a.id = n.announcement_id
          WHERE a.campaign_id = $1`,
        [campaign.id],
      ),
    ).toBe(audience.length);

    const [fr] = about(girard, 'Nuits apaisées');
    expect(about(girard, 'Nuits apaisées')).toHaveLength(1);
    expect(fr!.subject).toBe('[Éclore] Nouvel appel à idées\u202F: «\u202FNuits apaisées\u202F»');
    expect(fr!.text).toContain('Comment pourrions-nous mieux organiser les nuits\u202F?');
    expect(fr!.text).toContain(`Proposer une idée\u202F: http://eclore.test:3000/campaigns/${campaign.id}`);
    expect(fr!.text).toMatch(
      /Ne plus recevoir d’e-mails pour les appels à idées\u202F: http:\/\/eclore\.test:3000\/api\/notifications\/unsubscribe\?token=\S+/,
    );
    expect(fr!.html).toContain('Comment pourrions-nous mieux organiser les nuits\u202F?');
    const [en] = about(jaquet, 'Nuits apaisées');
    expect(en!.subject).toBe('[Éclore] New call for ideas: “Nuits apaisées”');
    expect(en!.text).toContain('Bring your ideas:');
    expect(about(nguyen, 'Nuits apaisées')).toEqual([]);
    expect(about(benali, 'Nuits apaisées')).toEqual([]);
    expect(about(lavoie, 'Nuits apaisées')).toEqual([]);

    // In the app everyone in the audience has it (e-mail "off" concerns e-mail only), linked to the campaign.
    const centre = (await nguyen.get('/api/notifications').expect(200)).body;
    const group = centre.groups.find((g: { campaignId: string | null }) => g.campaignId === campaign.id);
    expect(group).toMatchObject({ ideaId: null, ideaTitle: 'Nuits apaisées', link: `/campaigns/${campaign.id}` });
    expect(group.items[0]).toMatchObject({
      eventType: 'campaign_announced',
      category: 'campaigns',
      link: `/campaigns/${campaign.id}`,
    });
    const outside = (await lavoie.get('/api/notifications').expect(200)).body;
    expect(outside.groups.filter((g: { campaignId: string | null }) => g.campaignId === campaign.id)).toEqual([]);

    // The daily digest carries it to Benali, once.
    await admin.send('post', '/api/admin/digests/run', { frequency: 'daily', now: '2099-02-02T07:00:00Z' }).expect(202);
    await settle('Benali’s digest', () => about(benali, 'Nuits apaisées').length === 1);
    expect(about(benali, 'Nuits apaisées')[0]!.text).toContain(
      'Nouvel appel à idées\u202F: «\u202FNuits apaisées\u202F»',
    );
    expect(about(benali, 'Nuits apaisées')[0]!.text).toContain(
      `Proposer une idée\u202F: http://eclore.test:3000/campaigns/${campaign.id}`,
    );

    // A retried fan-out (the job run again from the start) writes and sends nothing twice.
    const announced = () => sink.messages.filter((x) => x.subject.includes('Nuits apaisées')).length;
    const before = announced();
    await ds.transaction(async (m) => {
      await m.query(`UPDATE campaign_announcement SET cursor = NULL, completed_at = NULL WHERE campaign_id = $1`, [
        campaign.id,
      ]);
      const [a] = (await m.query('SELECT id::text AS id FROM campaign_announcement WHERE campaign_id = $1', [
        campaign.id,
      ])) as { id: string }[];
      await m.query(
        `INSERT INTO outbox_message (job_name, payload) VALUES ('notifications.announce', jsonb_build_object('announcementId', $1::text))`,
        [a!.id],
      );
    });
    await waitFor(
      'the re-run to complete',
      async () => (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body.completed,
    );
    await sink.settled();
    expect(announced()).toBe(before);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification n JOIN campaign_announcement a ON a.id = n.announcement_id
          WHERE a.campaign_id = $1`,
        [campaign.id],
      ),
    ).toBe(audience.length);
  });

  it('keeps announcing to a manager’s scope: a unit-scoped member cannot announce another unit’s campaign', async () => {
    const campaign = await soinsCampaign('Hors périmètre');
    const infra = await unitByCode(ds, 'DN-INFRA');
    await ds.getRepository(Campaign).update({ id: campaign.id }, { audienceOrgUnitIds: [infra.id] });
    const refused = await gagnon.send('post', `/api/campaigns/${campaign.id}/announcement`).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await tremblay.get(`/api/campaigns/${campaign.id}/announcement`).expect(200);
    await tremblay.get('/api/campaigns/00000000-0000-4000-8000-000000000000/announcement').expect(404);
    const bad = await tremblay.get('/api/campaigns/not-a-uuid/announcement').expect(400);
    expect(JSON.stringify(bad.body)).toContain('id');
    await ds.getRepository(Campaign).update({ id: campaign.id }, { archivedAt: new Date() });
    await tremblay.send('post', `/api/campaigns/${campaign.id}/announcement`).expect(409);
  });

  it('sends the rest of a batch when the mail server refuses one address, and shows that one as failed', async () => {
    const campaign = await soinsCampaign('Prévention partagée');
    const prev = await unitByCode(ds, 'DS-PREV');
    await ds.getRepository(Campaign).update({ id: campaign.id }, { audienceOrgUnitIds: [prev.id] });
    // Chloé Martin (DS-PREV) has a mailbox the server refuses for good (550).
    const [martin] = (await ds.query(
      `UPDATE person SET email = $1 WHERE family_name = 'Martin' AND given_name = 'Chloé' RETURNING id`,
      [REFUSED],
    )) as { id: string }[];
    const size = (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body.audienceSize;
    await gagnon.send('post', `/api/campaigns/${campaign.id}/announcement`).expect(200);
    await settle('the announcement to the prevention service', async () => {
      const st = (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body;
      return st.completed && st.emailsQueued > 0 && st.emailsSent + st.emailsFailed === st.emailsQueued;
    });
    const status = (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body;
    expect(status).toMatchObject({ notified: size, emailsFailed: 1, emailsSent: status.emailsQueued - 1 });
    expect(about(lavoie, 'Prévention partagée')).toHaveLength(1);
    const failed = (await admin.get('/api/admin/deliveries?status=failed').expect(200)).body;
    expect(JSON.stringify(failed)).toContain(REFUSED);
    expect(martin).toBeDefined();
  });

  it('announces “when submissions open”: held until the phase starts, then told as any announcement', async () => {
    const campaign = await soinsCampaign('Ouverture différée');
    const night = await unitByCode(ds, 'DS-SOINS-NUIT');
    await ds.getRepository(Campaign).update({ id: campaign.id }, { audienceOrgUnitIds: [night.id] });
    // Open now (supports only): "at opening" is refused, naming the field.
    const refused = await gagnon
      .send('post', `/api/campaigns/${campaign.id}/announcement`, { when: 'opening' })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('when');
    await gagnon.send('post', `/api/campaigns/${campaign.id}/announcement`, { when: 'later' }).expect(400);
    const opensAt = new Date(Date.now() + 3000);
    await ds.getRepository(CampaignPhase).delete({ campaignId: campaign.id });
    await ds.getRepository(CampaignPhase).insert({
      campaignId: campaign.id,
      position: 1,
      name: 'Dépôt',
      startsAt: opensAt,
      endsAt: new Date(opensAt.getTime() + 86_400_000),
      submissionsOpen: true,
      supportsOpen: true,
      commentsOpen: true,
    });
    const preview = (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body;
    expect(preview).toMatchObject({ announced: false, scheduled: false, opensAt: opensAt.toISOString() });

    const held = (
      await gagnon.send('post', `/api/campaigns/${campaign.id}/announcement`, { when: 'opening' }).expect(200)
    ).body;
    expect(held).toMatchObject({ announced: true, scheduled: true, announcedAt: opensAt.toISOString(), notified: 0 });

    await settle('the announcement at opening', async () => {
      const s = (await gagnon.get(`/api/campaigns/${campaign.id}/announcement`).expect(200)).body;
      return s.completed && s.emailsSent === s.emailsQueued && s.notified > 0;
    });
    const rows = (await ds.query(
      `SELECT n.recipient_id, n.created_at FROM notification n JOIN campaign_announcement a ON a.id = n.announcement_id
        WHERE a.campaign_id = $1`,
      [campaign.id],
    )) as { recipient_id: string; created_at: Date }[];
    expect(rows.map((r) => r.recipient_id)).toContain(jaquet.person.id);
    expect(rows.map((r) => r.recipient_id)).not.toContain(girard.person.id);
    for (const r of rows) expect(r.created_at.toISOString()).toBe(opensAt.toISOString());
    // Nothing went out before the opening: every e-mail was accepted after it.
    const sent = (await ds.query(
      `SELECT min(d.sent_at) AS first FROM notification n JOIN campaign_announcement a ON a.id = n.announcement_id
         JOIN notification_delivery_item di ON di.notification_id = n.id
         JOIN notification_delivery d ON d.id = di.delivery_id
        WHERE a.campaign_id = $1`,
      [campaign.id],
    )) as { first: Date }[];
    expect(sent[0]!.first.getTime()).toBeGreaterThanOrEqual(opensAt.getTime());
    expect(about(jaquet, 'Ouverture différée')).toHaveLength(1);
  });

  it('tells authors of supports in their daily digest as one line, never one e-mail each, and never names the supporters', async () => {
    const idea = await makeIdea(ds, { authors: [girard.person], title: 'Relève de nuit', anonymous: true });
    const before = about(girard, 'Relève de nuit').length;
    await monnier.send('put', `/api/ideas/${idea.id}/support`).expect(200);
    await jaquet.send('put', `/api/ideas/${idea.id}/support`).expect(200);
    // Supporting twice is one support: one notification.
    await jaquet.send('put', `/api/ideas/${idea.id}/support`).expect(200);

    await waitFor('two support notifications', async () => {
      const n = await count(
        `SELECT count(*)::int AS n FROM notification WHERE idea_id = $1 AND event_type = 'supported' AND recipient_id = $2`,
        [idea.id, girard.person.id],
      );
      return n === 2;
    });
    const centre = (await girard.get('/api/notifications').expect(200)).body;
    const group = centre.groups.find((g: { ideaId: string }) => g.ideaId === idea.id);
    expect(group.items.map((i: { eventType: string }) => i.eventType)).toEqual(['supported', 'supported']);
    for (const item of group.items) expect(item).toMatchObject({ actor: null, category: 'my_ideas' });
    const body = JSON.stringify(centre);
    for (const marker of [...identityMarkers(monnier.person), ...identityMarkers(jaquet.person)])
      expect(body).not.toContain(marker);
    // The supporters hear nothing, so nothing can reveal the anonymous author to them.
    expect(
      await count(`SELECT count(*)::int AS n FROM notification WHERE idea_id = $1 AND recipient_id <> $2`, [
        idea.id,
        girard.person.id,
      ]),
    ).toBe(0);
    // Not on the timeline: supporters are a count.
    const timeline = (await girard.get(`/api/ideas/${idea.id}/timeline`).expect(200)).body;
    expect(timeline.events.map((e: { type: string }) => e.type)).not.toContain('supported');

    // my_ideas is "immediately" for Girard, yet no e-mail per support: the daily digest has one line.
    await sink.settled();
    expect(about(girard, 'Relève de nuit')).toHaveLength(before);
    await admin.send('post', '/api/admin/digests/run', { frequency: 'daily', now: '2099-03-02T07:00:00Z' }).expect(202);
    await settle('Girard’s digest', () => about(girard, 'Relève de nuit').length === before + 1);
    const digest = about(girard, 'Relève de nuit')[before]!;
    expect(digest.text.match(/2 nouveaux soutiens pour «\u202FRelève de nuit\u202F»/g)).toHaveLength(1);
    for (const marker of [...identityMarkers(monnier.person), ...identityMarkers(jaquet.person)])
      expect(digest.text).not.toContain(marker);
  });
});
