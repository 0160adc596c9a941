import { confirmationPage, unsubscribedPage } from './unsubscribe-page';

describe('unsubscribe pages', () => {
  it('asks in French typography, leaving the form and its token as they are', () => {
    const page = confirmationPage('fr', ['my_ideas', 'campaigns'], 'a:b;c');
    expect(page).toContain('<title>Se désinscrire\u202F?</title>');
    expect(page).toContain('Ne plus recevoir d’e-mails pour vos idées et les appels à idées\u202F?');
    expect(page).toContain('action="/api/notifications/unsubscribe?token=a%3Ab%3Bc"');
    expect(page).toContain('<html lang="fr">');
    expect(unsubscribedPage('fr', ['my_ideas'])).toContain('<h1>Désinscription enregistrée</h1>');
  });

  it('leaves English as it is', () => {
    const page = confirmationPage('en', ['my_ideas'], 'tok');
    expect(page).toContain('<title>Unsubscribe?</title>');
    expect(page).not.toContain('\u202F');
  });
});
