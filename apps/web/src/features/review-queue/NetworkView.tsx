import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  bulkReassignMutation,
  getNetworkReviewQueueOptions,
  type QueueItemDto,
  type ReviewerDto,
} from '@eclore/api-client';
import { Alert, BarChartFigure, Button, DataTable, Panel, SelectField, type DataTableColumn } from '@eclore/web-ui';
import { useLocale, useReviewQueueText } from './i18n';
import { useReviewQueuesChanged } from './queries';
import { describeError } from '../../app/errors';

const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** The reviews under way in the member's scope: workload per member, filter, select and reassign. */
export function NetworkView() {
  const s = useReviewQueueText();
  const date = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium' });
  const [member, setMember] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const network = useQuery(getNetworkReviewQueueOptions(member ? { query: { personId: member } } : undefined));
  const queuesChanged = useReviewQueuesChanged();
  const reassign = useMutation({
    ...bulkReassignMutation(),
    onSuccess: (result) => {
      setNotice(s.network.moved(result.moved, result.skipped.length));
      setSelected(new Set());
      void queuesChanged();
    },
  });
  if (!network.data) return null;
  const { assignments, unrouted, members } = network.data;
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const move = (only: string[] | undefined) => {
    setNotice(null);
    reassign.mutate({ body: { fromPersonId: member, toPersonId: target, ...(only ? { assignmentIds: only } : {}) } });
  };
  const loaded = members.filter((m) => m.openAssignments > 0);
  const day = (iso: string) => <time dateTime={iso}>{date.format(new Date(iso))}</time>;
  const columns: DataTableColumn<QueueItemDto>[] = [
    {
      key: 'select',
      header: '✓',
      headerHidden: true,
      cell: (a) => (
        <input
          type="checkbox"
          checked={selected.has(a.id)}
          disabled={!member}
          onChange={() => toggle(a.id)}
          aria-label={s.network.select(a.idea.title, fullName(a.reviewer))}
        />
      ),
    },
    {
      key: 'idea',
      header: s.idea,
      rowHeader: true,
      cell: (a) => <Link to={`/ideas/${a.idea.id}`}>{a.idea.title}</Link>,
    },
    { key: 'reviewer', header: s.network.reviewer, cell: (a) => fullName(a.reviewer) },
    { key: 'assigned', header: s.assignedAt, cell: (a) => day(a.assignedAt) },
    {
      key: 'due',
      header: s.dueAt,
      cell: (a) => (
        <>
          {a.dueAt ? day(a.dueAt) : '—'}
          {/* In words too: the row's tint alone would say it by colour only. */}
          {a.overdue ? <strong> · {s.tabs.overdue}</strong> : null}
          {a.scorecardSubmittedAt ? <span> · {s.scored}</span> : null}
        </>
      ),
    },
  ];
  return (
    <Panel title={s.network.title} className="ec-network-queue">
      <p>{s.network.lead}</p>
      {loaded.length > 0 ? <WorkloadChart members={loaded} /> : null}
      <div className="ec-network-queue__controls">
        <SelectField
          label={s.network.filter}
          value={member}
          onChange={(e) => {
            setMember(e.target.value);
            setSelected(new Set());
          }}
          placeholder={s.network.allMembers}
          options={members.map((m) => ({ value: m.id, label: `${fullName(m)} (${m.openAssignments})` }))}
        />
        <SelectField
          label={s.network.reassignTo}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder={s.network.choose}
          options={members
            .filter((m) => m.id !== member)
            .map((m) => ({
              value: m.id,
              label:
                `${fullName(m)} (${m.openAssignments})` +
                (m.absentUntil ? ` — ${s.network.absentUntil(date.format(new Date(m.absentUntil)))}` : ''),
            }))}
        />
        <Button
          disabled={!member || !target || selected.size === 0 || reassign.isPending}
          onClick={() => move([...selected])}
        >
          {s.network.reassignSelected(selected.size)}
        </Button>
        <Button variant="secondary" disabled={!member || !target || reassign.isPending} onClick={() => move(undefined)}>
          {s.network.reassignAll}
        </Button>
      </div>
      {!member ? <p className="ec-network-queue__hint">{s.network.chooseMemberFirst}</p> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {reassign.isError ? <Alert tone="error">{describeError(s.errors, reassign.error, 'field')}</Alert> : null}
      <DataTable
        narrow="list"
        caption={s.network.title}
        captionHidden
        columns={columns}
        rows={assignments}
        rowKey={(a) => a.id}
        rowClassName={(a) => (a.overdue ? 'ec-network-queue__late' : undefined)}
        empty={s.network.empty}
      />
      {unrouted.length > 0 ? (
        <>
          <h3>{s.network.unroutedTitle}</h3>
          <p>{s.network.unroutedLead}</p>
          <ul>
            {unrouted.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                {idea.orgUnitName ? ` · ${idea.orgUnitName}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}

/** Open reviews per member: the workload the routing balances, as bars with the same numbers as text. */
function WorkloadChart({ members }: { members: readonly ReviewerDto[] }) {
  const s = useReviewQueueText();
  const sorted = [...members].sort((a, b) => b.openAssignments - a.openAssignments);
  return (
    <BarChartFigure
      title={s.network.chartTitle}
      summary={s.network.chartSummary(sorted.map((m) => `${fullName(m)} ${m.openAssignments}`).join(', '))}
      data={sorted.map((m) => ({ label: fullName(m), value: m.openAssignments }))}
      valueName={s.network.openReviews}
    />
  );
}
