import { fireEvent, render, screen, within } from '@testing-library/react';
import { optionsOf, SelectField } from './SelectField';

describe('SelectField', () => {
  it('lists the placeholder first (value ""), then the options, then any option children', () => {
    render(
      <SelectField
        label="Étape"
        placeholder="Toutes"
        options={[
          { value: 'a', label: 'Alpha' },
          { value: 'b', label: 'Bêta', disabled: true },
        ]}
        defaultValue=""
      >
        <option value="z">Zêta</option>
      </SelectField>,
    );
    const select = screen.getByRole('combobox', { name: 'Étape' });
    const options = within(select).getAllByRole<HTMLOptionElement>('option');
    expect(options.map((o) => [o.value, o.textContent, o.disabled])).toEqual([
      ['', 'Toutes', false],
      ['a', 'Alpha', false],
      ['b', 'Bêta', true],
      ['z', 'Zêta', false],
    ]);
  });

  it('has no empty choice without a placeholder, and reports the chosen value', () => {
    const chosen: string[] = [];
    render(
      <SelectField
        label="Langue"
        options={[
          { value: 'fr', label: 'Français' },
          { value: 'en', label: 'English' },
        ]}
        onChange={(e) => chosen.push(e.target.value)}
      />,
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Langue' });
    expect(within(select).getAllByRole('option')).toHaveLength(2);
    fireEvent.change(select, { target: { value: 'en' } });
    expect(chosen).toEqual(['en']);
  });

  it('shows its error under the select, marked invalid and read with it', () => {
    render(
      <SelectField label="Catégorie" options={[{ value: 'a', label: 'Alpha' }]} error="Choisissez une catégorie." />,
    );
    const select = screen.getByRole('combobox', { name: 'Catégorie' });
    expect(select.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Choisissez une catégorie.');
  });

  it('names the choices of a list of keys from a text table, in the keys’ order', () => {
    expect(optionsOf(['weekly', 'off'] as const, { off: 'Jamais', weekly: 'Chaque semaine' })).toEqual([
      { value: 'weekly', label: 'Chaque semaine' },
      { value: 'off', label: 'Jamais' },
    ]);
  });
});
