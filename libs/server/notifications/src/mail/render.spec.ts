import { renderDigest, renderImmediate, type MailItem } from './render';
import { messageIdFor } from './mailer';

const links = {
  idea: (id: string) => `https://eclore.example/ideas/${id}`,
  unsubscribe: (c: string) => `https://eclore.example/api/notifications/unsubscribe?token=${c}`,
};
const item = (over: Partial<MailItem>): MailItem => ({
  ideaId: 'i1',
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
    expect(fr.subject).toBe('[Éclore] Aurélie Monnier a commenté « Badges <perdus> »');
    expect(fr.html).toContain('Badges &lt;perdus&gt;');
    expect(fr.html).not.toContain('<perdus>');
    expect(fr.text).toContain('Voir l’idée: https://eclore.example/ideas/i1');
    expect(fr.text).toContain(
      'Ne plus recevoir d’e-mails pour vos idées: https://eclore.example/api/notifications/unsubscribe?token=my_ideas',
    );
    const en = renderImmediate('en', item({ actor: { kind: 'author' } }), links);
    expect(en.subject).toBe('[Éclore] An author of the idea commented on “Badges <perdus>”');
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

  it('derives a stable Message-ID from the delivery key', () => {
    expect(messageIdFor('email:1', 'https://eclore.example')).toBe(messageIdFor('email:1', 'https://eclore.example'));
    expect(messageIdFor('email:1', 'https://eclore.example')).not.toBe(
      messageIdFor('email:2', 'https://eclore.example'),
    );
    expect(messageIdFor('email:1', 'https://eclore.example')).toMatch(/^<n-[0-9a-f]{40}@eclore\.example>$/);
  });
});
