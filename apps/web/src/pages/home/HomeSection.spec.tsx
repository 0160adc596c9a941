import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fr } from './i18n';

// React Router reads TextEncoder when it loads, which jsdom lacks: the router is loaded after this.
Object.assign(globalThis, { TextEncoder, TextDecoder });
let MemoryRouter: typeof import('react-router').MemoryRouter;
let HomeSection: typeof import('./HomeSection').HomeSection;
let HomeList: typeof import('./HomeSection').HomeList;
beforeAll(async () => {
  ({ MemoryRouter } = await import('react-router'));
  ({ HomeSection, HomeList } = await import('./HomeSection'));
});

function renderSection(queryFn: () => Promise<string[]>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <HomeSection section="late" to="/late" options={{ queryKey: ['late'], queryFn }}>
          {(items) => (
            <HomeList items={items} itemKey={(item) => item} empty={fr.late.empty}>
              {(item) => item}
            </HomeList>
          )}
        </HomeSection>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('HomeSection', () => {
  it('says it is loading, then lists the data, under its title and above its link', async () => {
    renderSection(() => Promise.resolve(['Idée A', 'Idée B']));
    expect(screen.getByRole('heading', { name: fr.late.title })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(fr.loading);
    expect((await screen.findAllByRole('listitem')).map((li) => li.textContent)).toEqual(['Idée A', 'Idée B']);
    expect(screen.getByRole('link', { name: fr.late.more }).getAttribute('href')).toBe('/late');
  });

  it('says the list is empty only once the data is there', async () => {
    renderSection(() => Promise.resolve([]));
    expect(await screen.findByText(fr.late.empty)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows a failed load as an error, not as an empty list', async () => {
    renderSection(() => Promise.reject(new Error('down')));
    expect((await screen.findByRole('alert')).textContent).toBe(fr.loadFailed);
    expect(screen.queryByText(fr.late.empty)).toBeNull();
  });
});
