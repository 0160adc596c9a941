import { render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import '../../i18n/i18n';
import TiptapEditor from './TiptapEditor';

describe('TiptapEditor toolbar', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('fr');
  });

  it('draws every button with an SVG icon hidden from assistive technologies, named by its label', () => {
    render(<TiptapEditor label="Description" value="" onChange={jest.fn()} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Mise en forme' });
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Gras',
      'Italique',
      'Souligné',
      'Barré',
      'Intertitre H3',
      'Sous-intertitre H4',
      'Liste à puces',
      'Liste numérotée',
      'Citation',
      'Code',
      'Bloc de code',
      'Lien',
    ]);
    for (const button of buttons) {
      // The name comes from the label alone: no glyph text that a font might lack.
      expect(button.textContent).toBe('');
      const icons = button.querySelectorAll('svg');
      expect(icons).toHaveLength(1);
      expect(icons[0]?.getAttribute('aria-hidden')).toBe('true');
      expect(icons[0]?.getAttribute('focusable')).toBe('false');
      expect(icons[0]?.querySelectorAll('path').length).toBeGreaterThan(0);
    }
    // The two former emoji buttons are reachable by their names.
    expect(within(toolbar).getByRole('button', { name: 'Citation' })).toBeTruthy();
    expect(within(toolbar).getByRole('button', { name: 'Lien' })).toBeTruthy();
  });
});
