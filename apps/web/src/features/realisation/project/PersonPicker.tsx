import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { searchPeopleOptions } from '@eclore/api-client';
import { FieldError, TextField } from '@eclore/web-ui';

export interface PickedPerson {
  id: string;
  name: string;
}

/** Search the directory and pick one person (the owner of a project): a search field and radio buttons. */
export function PersonPicker({
  label,
  chosenLabel,
  value,
  onChange,
  error,
}: {
  label: string;
  chosenLabel: (name: string) => string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson) => void;
  error?: string;
}) {
  const [q, setQ] = useState('');
  const name = useId();
  const people = useQuery({
    ...searchPeopleOptions({ query: { q: q.trim(), limit: 8 } }),
    enabled: q.trim().length >= 2,
  });
  return (
    <div className="ec-person-picker">
      <TextField label={label} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      <fieldset aria-live="polite" className="ec-person-picker__results">
        <legend className="ec-visually-hidden">{label}</legend>
        {(people.data ?? []).map((p) => {
          const full = `${p.givenName} ${p.familyName}`;
          return (
            <label key={p.id} className="ec-person-picker__option">
              <input
                type="radio"
                name={name}
                checked={value?.id === p.id}
                onChange={() => onChange({ id: p.id, name: full })}
              />{' '}
              {full}
              {p.orgUnitName ? ` (${p.orgUnitName})` : ''}
            </label>
          );
        })}
      </fieldset>
      {value ? <p>{chosenLabel(value.name)}</p> : null}
      {error ? <FieldError id={`${name}-error`}>{error}</FieldError> : null}
    </div>
  );
}
