import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  adoptIdeaMutation,
  getIdeaLineageOptions,
  listOrgUnitsOptions,
  type IdeaDto,
  type LineageLinkDto,
} from '@eclore/api-client';
import { Alert, Button, FormDialog, Panel, SelectField } from '@eclore/web-ui';
import { PersonPicker, type PickedPerson } from '../project/PersonPicker';
import { ProjectStatusBadge } from '../project/ProjectSection';
import { useReplicationText } from './i18n';
import { useAdopted } from './queries';
import { describeError } from '../../../app/errors';

function AdoptDialog({
  idea,
  onClose,
  onDone,
}: {
  idea: IdeaDto;
  onClose: () => void;
  onDone: (replicaId: string) => void;
}) {
  const s = useReplicationText();
  const units = useQuery(listOrgUnitsOptions());
  const [unitId, setUnitId] = useState('');
  const [owner, setOwner] = useState<PickedPerson | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const adopt = useMutation(adoptIdeaMutation());
  const submit = async () => {
    setFailure(null);
    if (!owner) return setFailure(s.dialog.ownerRequired);
    try {
      const done = await adopt.mutateAsync({ path: { id: idea.id }, body: { orgUnitId: unitId, ownerId: owner.id } });
      onDone(done.replicaIdeaId);
    } catch (error) {
      setFailure(describeError(s.errors, error, 'field'));
    }
  };
  return (
    <FormDialog
      open
      title={s.dialog.title}
      submitLabel={s.dialog.submit}
      cancelLabel={s.dialog.cancel}
      onSubmit={() => void submit()}
      onCancel={onClose}
      busy={adopt.isPending}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <SelectField label={s.dialog.unit} value={unitId} onChange={(e) => setUnitId(e.target.value)} required>
        <option value="">{s.dialog.chooseUnit}</option>
        {(units.data ?? [])
          .filter((u) => u.active && u.id !== idea.orgUnit?.id)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </SelectField>
      <PersonPicker label={s.dialog.owner} chosenLabel={s.dialog.chosen} value={owner} onChange={setOwner} />
    </FormDialog>
  );
}

function LinkLine({ link }: { link: LineageLinkDto }) {
  const s = useReplicationText();
  return (
    <>
      <Link to={`/ideas/${link.ideaId}`}>{link.title}</Link> {s.inUnit(link.unit.name)} — {link.progress} %{' '}
      <ProjectStatusBadge status={link.status} />
    </>
  );
}

/**
 * The lineage on the idea page: "adopted from ‹original›" with the original authors' credit (names
 * only where the original's own presenter shows them), "adopted by ‹units› (n)", and "adopt it in my
 * unit" for a network member once the idea is implemented.
 */
export default function LineageSection({ idea }: { idea: IdeaDto }) {
  const s = useReplicationText();
  const lineage = useQuery(getIdeaLineageOptions({ path: { id: idea.id } }));
  const adopted = useAdopted(idea.id);
  const [open, setOpen] = useState(false);
  const [replicaId, setReplicaId] = useState<string | null>(null);
  const data = lineage.data;
  if (!data || (!data.adoptedFrom && data.adoptedBy.length === 0 && !data.canAdopt)) return null;
  return (
    <Panel title={s.title} className="ec-lineage">
      {data.adoptedFrom ? (
        <p data-testid="lineage-from">
          {s.adoptedFrom} <LinkLine link={data.adoptedFrom} />
          {data.credit ? (
            <>
              <br />
              {s.creditAuthorsOf(data.credit.originalTitle)}
              {data.credit.names.length > 0
                ? s.creditNames(data.credit.names.map((n) => `${n.givenName} ${n.familyName}`).join(', '))
                : null}
            </>
          ) : null}
        </p>
      ) : null}
      {data.adoptedBy.length > 0 ? (
        <div data-testid="lineage-by">
          <p>{s.adoptedBy(data.adoptedBy.length)}</p>
          <ul>
            {data.adoptedBy.map((l) => (
              <li key={l.ideaId}>
                <LinkLine link={l} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {replicaId ? (
        <Alert tone="success">
          {s.adoptedOk} <Link to={`/ideas/${replicaId}`}>{s.openReplica}</Link>
        </Alert>
      ) : null}
      {data.canAdopt ? <Button onClick={() => setOpen(true)}>{s.adopt}</Button> : null}
      {open ? (
        <AdoptDialog
          idea={idea}
          onClose={() => setOpen(false)}
          onDone={(id) => {
            setOpen(false);
            setReplicaId(id);
            void adopted();
          }}
        />
      ) : null}
    </Panel>
  );
}
