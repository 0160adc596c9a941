import { renderDigest, renderImmediate, type MailItem } from './render';
import { messageIdFor } from './mailer';

const links = {
  unsubscribe: (c: string) => `https://eclore.example/api/notifications/unsubscribe?token=${c}`,
};
const item = (over: Partial<MailItem> & { ideaId?: string }): MailItem => ({
  groupKey: over.ideaId ?? 'i1',
  link: `https://eclore.example/ideas/${over.ideaId ?? 'i1'}`,
  ideaTitle: 'Badges <perdus>',
  type: 'commented',
  actor: { kind: 'person', name: 'Aurélie Monnier' },
  detail: null,
  category: 'my_ideas',
  needsAction: false,
  ...over,
});

describe('notification e-mails', () => {
  it('renders one notification in French and English, HTML escaped, with a plain-text alternative and its unsubscribe link', () => {
    const fr = renderImmediate('fr', item({}), links);
    expect(fr.subject).toBe('[Éclore] Aurélie Monnier a commenté «\u202FBadges <perdus>\u202F»');
    expect(fr.html).toContain('Badges &lt;perdus&gt;');
    expect(fr.html).not.toContain('<perdus>');
    expect(fr.text).toContain('Voir l’idée\u202F: https://eclore.example/ideas/i1');
    expect(fr.text).toContain(
      'Ne plus recevoir d’e-mails pour vos idées\u202F: https://eclore.example/api/notifications/unsubscribe?token=my_ideas',
    );
    const en = renderImmediate('en', item({ actor: { kind: 'author' } }), links);
    expect(en.subject).toBe('[Éclore] An author of the idea commented on “Badges <perdus>”');
  });

  it('tells an admin of a guardian grant in French and English, with a link to the people administration', () => {
    const request = item({
      groupKey: 'role-request:r1',
      link: 'https://eclore.example/admin',
      ideaTitle: 'Karim Haddad',
      type: 'role_grant_requested',
      actor: { kind: 'person', name: 'Claire Rochat' },
      category: 'needs_action',
      needsAction: true,
    });
    const fr = renderImmediate('fr', request, links);
    expect(fr.subject).toBe(
      '[Éclore] Claire Rochat demande le rôle de tiers de confiance pour Karim Haddad\u202F: un autre administrateur doit l’approuver',
    );
    expect(fr.text).toContain('Ouvrir l’administration des personnes\u202F: https://eclore.example/admin');
    const en = renderImmediate(
      'en',
      { ...request, type: 'role_granted', actor: { kind: 'person', name: 'Léa Duchêne' } },
      links,
    );
    expect(en.subject).toBe('[Éclore] Karim Haddad is now anonymity guardian (approved by Léa Duchêne)');
  });

  it('groups a digest by idea with what needs action first, each item once, one unsubscribe link per category', () => {
    const digest = renderDigest(
      'en',
      'daily',
      [
        item({ ideaId: 'a', ideaTitle: 'A' }),
        item({ ideaId: 'b', ideaTitle: 'B', type: 'return_to_authors', needsAction: true, category: 'needs_action' }),
        item({ ideaId: 'a', ideaTitle: 'A', type: 'accept', category: 'followed_ideas' }),
      ],
      links,
    );
    expect(digest.subject).toBe('[Éclore] Your daily digest: 3 new items');
    expect(digest.text.indexOf('## B')).toBeLessThan(digest.text.indexOf('## A'));
    expect(digest.text.match(/commented on “A”/g)).toHaveLength(1);
    expect(digest.text.match(/Stop e-mails about/g)).toHaveLength(3);
  });

  it('announces a campaign with its question, a link to the campaign and the campaigns unsubscribe link', () => {
    const announcement = item({
      groupKey: 'campaign:c1',
      link: 'https://eclore.example/campaigns/c1',
      type: 'campaign_announced',
      ideaTitle: 'Accueil des nouveaux',
      question: 'Comment pourrions-nous mieux accueillir les <nouveaux> ?',
      category: 'campaigns',
      actor: { kind: 'someone' },
    });
    const fr = renderImmediate('fr', announcement, links);
    expect(fr.subject).toBe('[Éclore] Nouvel appel à idées\u202F: «\u202FAccueil des nouveaux\u202F»');
    expect(fr.html).toContain('mieux accueillir les &lt;nouveaux&gt;\u202F?');
    expect(fr.text).toContain('Proposer une idée\u202F: https://eclore.example/campaigns/c1');
    expect(fr.text).toContain('Ne plus recevoir d’e-mails pour les appels à idées\u202F:');
    const en = renderImmediate('en', announcement, links);
    expect(en.subject).toBe('[Éclore] New call for ideas: “Accueil des nouveaux”');
    expect(en.text).toContain('The question:\n  Comment pourrions-nous');
    expect(en.text).toContain('Bring your ideas: https://eclore.example/campaigns/c1');
  });

  it('tells several supports of one idea as one digest line', () => {
    const digest = renderDigest(
      'fr',
      'daily',
      [
        item({ ideaId: 'a', ideaTitle: 'A', type: 'supported' }),
        item({ ideaId: 'a', ideaTitle: 'A' }),
        item({ ideaId: 'a', ideaTitle: 'A', type: 'supported' }),
        item({ ideaId: 'a', ideaTitle: 'A', type: 'supported' }),
        item({ ideaId: 'b', ideaTitle: 'B', type: 'supported' }),
      ],
      links,
    );
    expect(digest.text.match(/3 nouveaux soutiens pour «\u202FA\u202F»/g)).toHaveLength(1);
    expect(digest.text).toContain('«\u202FB\u202F» a reçu un nouveau soutien');
    expect(digest.text).not.toContain('«\u202FA\u202F» a reçu un nouveau soutien');
  });

  it('words the qualification and committee events with their dates, and a decision with its reasoned answer', () => {
    const due = { dueAt: '2026-12-01T10:00:00.000Z' };
    expect(renderImmediate('fr', item({ type: 'qualification_reminder', extra: due }), links).subject).toBe(
      '[Éclore] Rappel\u202F: «\u202FBadges <perdus>\u202F» attend votre réponse avant le 1 décembre 2026',
    );
    expect(renderImmediate('en', item({ type: 'qualification_escalated', extra: due }), links).subject).toContain(
      'past its answer deadline (1 December 2026)',
    );
    expect(
      renderImmediate('en', item({ type: 'committee_agenda_added', extra: { sessionDate: '2026-12-10' } }), links)
        .subject,
    ).toContain('committee session of 10 December 2026: to prepare');
    expect(renderImmediate('fr', item({ type: 'assigned' }), links).subject).toBe(
      '[Éclore] «\u202FBadges <perdus>\u202F» vous est confiée pour qualification',
    );
    const mention = renderImmediate('en', item({ type: 'private_note_mention', category: 'mentions' }), links);
    expect(mention.subject).toBe('[Éclore] Aurélie Monnier mentioned you in a private note on “Badges <perdus>”');
    const decided = renderImmediate('fr', item({ type: 'decide_prototype', detail: 'Peu coûteux à essayer' }), links);
    expect(decided.subject).toBe('[Éclore] «\u202FBadges <perdus>\u202F» va être prototypée');
    expect(decided.text).toContain('Motif\u202F: Peu coûteux à essayer');
  });

  it('sets French e-mails in French typography (U+202F before « : » and inside guillemets), never in links or markup', () => {
    const nnbsp = '\u202F';
    const mails = [
      renderImmediate('fr', item({ type: 'qualification_reminder', detail: 'Relance: 18:30 ; merci !' }), links),
      renderDigest('fr', 'weekly', [item({}), item({ ideaId: 'b', type: 'accept' })], links),
    ];
    for (const mail of mails) {
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part).toContain(`${nnbsp}:`);
        expect(part).not.toMatch(/[^\u202F]:\s/); // every « : » that ends a word has its space
        expect(part).not.toMatch(/[ \u00A0][;:!?»]|«[ \u00A0]/); // no other space around the signs
      }
      expect(mail.html).toContain('href="https://eclore.example/api/notifications/unsubscribe?token=my_ideas"');
      expect(mail.html).toContain('<html lang="fr">');
    }
    const [reminder, digest] = mails;
    expect(reminder!.subject).toContain(`Rappel${nnbsp}: «${nnbsp}Badges <perdus>${nnbsp}»`);
    expect(reminder!.text).toContain(`Motif${nnbsp}: Relance${nnbsp}: 18:30${nnbsp}; merci${nnbsp}!`);
    expect(reminder!.html).toContain(`<strong>Motif${nnbsp}:</strong> Relance${nnbsp}: 18:30`);
    expect(reminder!.text).toContain('https://eclore.example/ideas/i1\n');
    expect(digest!.subject).toBe(`[Éclore] Votre résumé de la semaine${nnbsp}: 2 nouveautés`);
    const en = renderImmediate('en', item({ detail: 'Too costly' }), links);
    expect(`${en.subject}${en.text}${en.html}`).not.toContain(nnbsp);
    expect(en.html).toContain('<strong>Reason:</strong> Too costly');
  });

  it('derives a stable Message-ID from the delivery key', () => {
    expect(messageIdFor('email:1', 'https://eclore.example')).toBe(messageIdFor('email:1', 'https://eclore.example'));
    expect(messageIdFor('email:1', 'https://eclore.example')).not.toBe(
      messageIdFor('email:2', 'https://eclore.example'),
    );
    expect(messageIdFor('email:1', 'https://eclore.example')).toMatch(/^<n-[0-9a-f]{40}@eclore\.example>$/);
  });
});
