import { render, screen } from '@testing-library/react';
import { Facts } from './Facts';

describe('Facts', () => {
  it('lists each fact with a value, term beside value, and leaves out those without one', () => {
    const { container } = render(
      <Facts
        className="ec-extra"
        facts={[
          { term: 'Auteur', value: 'Lucas Martin' },
          { term: 'Co-auteurs', value: '' },
          { term: 'Saisie par', value: null },
          { term: 'Compte', value: 0 },
        ]}
      />,
    );
    expect(container.querySelector('dl')?.className).toBe('ec-facts ec-extra');
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual(['Auteur', 'Compte']);
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual(['Lucas Martin', '0']);
  });

  it('shows nothing when no fact has a value', () => {
    const { container } = render(<Facts facts={[{ term: 'Besoins', value: undefined }]} />);
    expect(container.innerHTML).toBe('');
  });
});
