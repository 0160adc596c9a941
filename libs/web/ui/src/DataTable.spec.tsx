import { render, screen, within } from '@testing-library/react';
import { DataTable, type DataTableColumn } from './DataTable';

interface Person {
  id: string;
  name: string;
  unit: string;
}

const columns: DataTableColumn<Person>[] = [
  { key: 'name', header: 'Nom', cell: (p) => p.name, rowHeader: true },
  { key: 'unit', header: 'Unité', cell: (p) => p.unit },
  { key: 'actions', header: 'Actions', headerHidden: true, cell: (p) => <button type="button">Gérer {p.name}</button> },
];
const people: Person[] = [
  { id: '1', name: 'Alice Martin', unit: 'DSI' },
  { id: '2', name: 'Bruno Petit', unit: 'RH' },
];

describe('DataTable', () => {
  it('renders a captioned table: column headers, one row per item, the naming cell as a row header', () => {
    render(<DataTable caption="Personnes" columns={columns} rows={people} rowKey={(p) => p.id} />);
    const table = screen.getByRole('table', { name: 'Personnes' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Nom', 'Unité', 'Actions']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Alice Martin');
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['RH', 'Gérer Bruno Petit']);
  });

  it('labels each cell with its column, for the list layout on narrow screens, and carries row data attributes', () => {
    render(
      <DataTable
        caption="Personnes"
        columns={columns}
        rows={people}
        rowKey={(p) => p.id}
        rowData={(p) => ({ 'data-person': p.name })}
        narrow="list"
      />,
    );
    expect(screen.getAllByRole('row')[1]!.getAttribute('data-person')).toBe('Alice Martin');
    expect(screen.getByRole('table').className).toContain('ec-data-table--list');
    expect(screen.getAllByRole('cell')[0]!.getAttribute('data-label')).toBe('Unité');
  });

  it('shows the empty state instead of the table when there are no rows', () => {
    render(<DataTable caption="Personnes" columns={columns} rows={[]} rowKey={(p) => p.id} empty="Aucune personne." />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Aucune personne.')).toBeTruthy();
  });

  it('keeps an empty table when no empty state is given', () => {
    render(<DataTable caption="Personnes" captionHidden columns={columns} rows={[]} rowKey={(p) => p.id} />);
    expect(screen.getByRole('table', { name: 'Personnes' })).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(1);
  });

  it('lets a group’s first row span the group, leaving the covered cells out', () => {
    interface Late {
      id: string;
      idea: string;
      kind: string;
      first: boolean;
      size: number;
    }
    const rows: Late[] = [
      { id: 'a1', idea: 'Vélos', kind: 'Première réponse', first: true, size: 2 },
      { id: 'a2', idea: 'Vélos', kind: 'Qualification', first: false, size: 2 },
      { id: 'b1', idea: 'Cantine', kind: 'Qualification', first: true, size: 1 },
    ];
    const spanned: DataTableColumn<Late>[] = [
      { key: 'idea', header: 'Idée', rowHeader: true, cell: (r) => r.idea, rowSpan: (r) => (r.first ? r.size : 0) },
      { key: 'kind', header: 'Échéance', cell: (r) => r.kind },
    ];
    render(<DataTable caption="En retard" columns={spanned} rows={rows} rowKey={(r) => r.id} />);
    const [, first, second, third] = screen.getAllByRole('row');
    expect(within(first!).getByRole('rowheader').getAttribute('rowspan')).toBe('2');
    expect(within(second!).queryByRole('rowheader')).toBeNull();
    expect(within(second!).getByRole('cell').textContent).toBe('Qualification');
    expect(within(third!).getByRole('rowheader').getAttribute('rowspan')).toBe('1');
  });
});
