import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { listAdminPeopleInfiniteOptions } from '@eclore/api-client';
import { Button, TextField } from '@eclore/web-ui';
import { AdminHeader } from './AdminHeader';
import { PagedTable } from './PagedTable';
import { PendingGrants } from './PendingGrants';
import { ScopeText } from './ScopeText';
import { useAppText } from '../../app/i18n';
import { useAdminText } from './i18n';

const PAGE_SIZE = 25;

/** People and their roles: search by name, e-mail or employee number; open a person to change them. */
export default function PeoplePage() {
  const app = useAppText();
  const text = useAdminText();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const people = useInfiniteQuery({
    ...listAdminPeopleInfiniteOptions({ query: { limit: PAGE_SIZE, ...(q ? { q } : {}) } }),
    initialPageParam: {},
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <AdminHeader title={text.tabs.people} lead={text.lead} />
      <PendingGrants />
      <form role="search" className="ec-form-row" onSubmit={onSearch}>
        <TextField
          label={text.people.search}
          hint={text.people.searchHint}
          type="search"
          name="q"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit">{text.people.submit}</Button>
      </form>
      <PagedTable
        query={people}
        text={text.people}
        rowData={(person) => ({ 'data-person': person.email })}
        columns={[
          {
            key: 'name',
            header: text.people.name,
            rowHeader: true,
            cell: (person) => (
              <Link to={`/admin/people/${person.id}`}>
                {person.familyName} {person.givenName}
              </Link>
            ),
          },
          { key: 'email', header: text.people.email, cell: (person) => person.email },
          { key: 'unit', header: text.people.unit, cell: (person) => person.orgUnit?.name ?? '—' },
          {
            key: 'roles',
            header: text.people.roles,
            cell: (person) =>
              person.grants.length ? (
                <ul className="ec-tags">
                  {person.grants.map((grant) => (
                    <li key={grant.id}>
                      {app.roles[grant.role]}
                      {grant.scope.kind !== 'organisation' ? (
                        <>
                          {' '}
                          (<ScopeText scope={grant.scope} />)
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                text.people.noGrants
              ),
          },
          {
            key: 'status',
            header: text.people.status,
            cell: (person) => (person.active ? text.people.active : text.people.inactive),
          },
        ]}
      />
    </>
  );
}
