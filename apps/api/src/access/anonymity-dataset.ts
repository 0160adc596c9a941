// Test data for the anonymity leak scan: people in every role and anonymous ideas in every state,
// built through the API where the act itself matters (capture, co-authoring, merge, links, comments,
// the committee) and with factories where only the state does (an idea waiting in qualification).
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { GrantableRole } from '@eclore/domain';
import { SessionService, type OrgUnit, type Person } from '@eclore/server-identity';
import { QualificationAssignment } from '@eclore/server-qualification';
import { makeIdea, makePerson, makeUnit } from '../../../../test/harness';
import { makeProject, makeTeamMember } from '../../../../test/harness/realisation';

/** The people who look at the data, one per kind of person the product has. */
export const VIEWERS = [
  'author', // writes every anonymous idea below
  'coAuthor', // co-author of two of them
  'capturer', // network member who captured one for the author
  'employee', // supports, follows and comments
  'otherEmployee', // named author of the merge target and of the linked solution
  'networkScoped',
  'networkWhole',
  'networkLead',
  'committee',
  'hr',
  'admin',
  'guardian',
] as const;
export type Viewer = (typeof VIEWERS)[number];

export interface Caller {
  person: Person;
  get: (path: string) => request.Test;
  send: (method: 'post' | 'put' | 'patch', path: string, body?: object) => request.Test;
}

/** An idea whose authorship some people must never be tied to, and who may see it anyway. */
export interface HiddenCredit {
  label: string;
  ideaId: string;
  title: string;
  /** People whose identity must not appear beside this idea. */
  hidden: Viewer[];
  /** Among `hidden`, those who may see each other here (the authors of an anonymous idea). */
  circle: Viewer[];
}

export interface AnonymityDataset {
  as: Record<Viewer, Caller>;
  unit: OrgUnit;
  credits: HiddenCredit[];
  /** Every id of the data set by the kind of thing it names (fills the GET operations' path parameters). */
  ids: {
    ideas: string[];
    campaigns: string[];
    sessions: string[];
    people: string[];
    units: string[];
    /** Recognitions of the hidden author (opened by the worker when their ideas were accepted). */
    recognitions: string[];
  };
  revealIdeaId: string;
}

const GRANTS: Partial<Record<Viewer, { role: GrantableRole; scoped?: boolean }[]>> = {
  capturer: [{ role: 'network_member', scoped: true }],
  networkScoped: [{ role: 'network_member', scoped: true }],
  networkWhole: [{ role: 'network_member' }],
  networkLead: [{ role: 'network_lead' }, { role: 'network_member' }],
  committee: [{ role: 'committee_member' }],
  hr: [{ role: 'hr' }],
  admin: [{ role: 'admin' }],
  guardian: [{ role: 'anonymity_guardian' }],
};

function caller(app: NestExpressApplication, person: Person, token: string, csrf: string): Caller {
  const server = app.getHttpServer();
  const cookie = `eclore_session=${token}`;
  return {
    person,
    get: (path) => request(server).get(path).set('Cookie', cookie),
    send: (method, path, body) => {
      const req = request(server)[method](path).set('Cookie', cookie).set('X-CSRF-Token', csrf);
      return body === undefined ? req : req.send(body);
    },
  };
}

export async function buildAnonymityDataset(app: NestExpressApplication, ds: DataSource): Promise<AnonymityDataset> {
  const top = await makeUnit(ds, { code: `LK${Date.now().toString(36).slice(-5)}` });
  const unit = await makeUnit(ds, { code: `${top.code}-S`, parent: top });
  const as = {} as Record<Viewer, Caller>;
  for (const who of VIEWERS) {
    const roles = (GRANTS[who] ?? []).map((g) => ({ role: g.role, ...(g.scoped ? { unit: top } : {}) }));
    const { person } = await makePerson(ds, { password: null, unit, roles });
    const { token, session } = await app.get(SessionService).create(person.id, 'local');
    as[who] = caller(app, person, token, session.csrfToken);
  }
  const ok = async (res: request.Test, status: number) => {
    const answer = await res;
    if (answer.status !== status) throw new Error(`${answer.status} ${answer.text} (wanted ${status})`);
    return answer.body as Record<string, unknown>;
  };
  let n = 0;
  const draft = async (who: Viewer, extra: object = {}) => {
    n += 1;
    const body = {
      kind: 'problem',
      title: `Leak scan idea ${n} ${unit.code}`,
      summary: 'Un irritant de tous les jours.',
      bodyHtml: '<p>Les équipes de nuit attendent souvent.</p>',
      whoSuffers: 'Les équipes de nuit',
      frequency: 'daily',
      orgUnitId: unit.id,
    };
    return ok(as[who].send('post', '/api/ideas', { ...body, anonymous: true, ...extra }), 201) as Promise<{
      id: string;
      title: string;
    }>;
  };
  const submit = (who: Viewer, id: string) => ok(as[who].send('post', `/api/ideas/${id}/submit`, {}), 200);
  const accept = (id: string) => ok(as.networkScoped.send('post', `/api/ideas/${id}/accept`, {}), 200);
  const comment = (who: Viewer, id: string, text: string) =>
    ok(as[who].send('post', `/api/ideas/${id}/comments`, { bodyHtml: `<p>${text}</p>` }), 201);
  const engage = async (id: string) => {
    await ok(as.employee.send('put', `/api/ideas/${id}/support`), 200);
    await ok(as.employee.send('put', `/api/ideas/${id}/follow`), 200);
  };
  const credits: HiddenCredit[] = [];
  const anonymousIdea = (label: string, idea: { id: string; title: string }, hidden: Viewer[]) =>
    credits.push({ label, ideaId: idea.id, title: idea.title, hidden, circle: hidden });

  // A draft with an invited co-author; a submitted idea waiting for intake.
  const drafted = await draft('author');
  await ok(as.author.send('post', `/api/ideas/${drafted.id}/co-authors`, { personId: as.coAuthor.person.id }), 200);
  anonymousIdea('draft', drafted, ['author', 'coAuthor']);
  const submitted = await draft('author');
  await submit('author', submitted.id);
  anonymousIdea('submitted', submitted, ['author']);

  // Published with a co-author, supports, follows and comments (the author's own among them).
  const visible = await draft('author');
  await ok(as.author.send('post', `/api/ideas/${visible.id}/co-authors`, { personId: as.coAuthor.person.id }), 200);
  await ok(as.coAuthor.send('post', `/api/ideas/${visible.id}/co-authors/me/accept`), 200);
  await submit('author', visible.id);
  await accept(visible.id);
  await engage(visible.id);
  const adoptable = (await comment('employee', visible.id, 'Moi aussi.')) as { id: string };
  // The anonymous author marks the employee's comment adopted ("comment adopted": no actor recorded).
  await ok(as.author.send('put', `/api/ideas/${visible.id}/comments/${adoptable.id}/adoption`), 200);
  await comment('author', visible.id, 'Merci, je précise.');
  await comment('coAuthor', visible.id, 'Et la nuit aussi.');
  anonymousIdea('published with a co-author', visible, ['author', 'coAuthor']);

  // Captured on paper by a network member, who then comments on it (finding 4).
  const captured = await draft('capturer', { onBehalfOf: as.author.person.id, captureChannel: 'paper' });
  await submit('capturer', captured.id);
  await accept(captured.id);
  await engage(captured.id);
  await comment('employee', captured.id, 'Bonne idée.');
  await comment('capturer', captured.id, 'Je l’ai saisie pendant l’atelier.');
  anonymousIdea('captured on the author’s behalf', captured, ['author', 'capturer']);

  // Merged into a named idea (finding 1): the author and co-author become its anonymous co-authors.
  const duplicate = await draft('author');
  await ok(as.author.send('post', `/api/ideas/${duplicate.id}/co-authors`, { personId: as.coAuthor.person.id }), 200);
  await ok(as.coAuthor.send('post', `/api/ideas/${duplicate.id}/co-authors/me/accept`), 200);
  await submit('author', duplicate.id);
  await accept(duplicate.id);
  await engage(duplicate.id);
  await comment('author', duplicate.id, 'Le même souci chez nous.');
  const target = await draft('otherEmployee', { anonymous: false });
  await submit('otherEmployee', target.id);
  await accept(target.id);
  await ok(
    as.networkScoped.send('post', `/api/ideas/${duplicate.id}/merge`, { targetId: target.id, reason: 'Doublon' }),
    200,
  );
  await comment('otherEmployee', target.id, 'Bienvenue aux nouveaux co-auteurs.');
  await comment('author', target.id, 'Merci pour la fusion.');
  anonymousIdea('merged (source)', duplicate, ['author', 'coAuthor']);
  // On the named target each anonymous credit is its holder's alone: no circle.
  credits.push({
    label: 'merge target (named)',
    ideaId: target.id,
    title: target.title,
    hidden: ['author', 'coAuthor'],
    circle: [],
  });

  // Linked: a named solution addresses the anonymous problem.
  const linked = await draft('author');
  await submit('author', linked.id);
  await accept(linked.id);
  const solution = await ok(
    as.otherEmployee.send('post', '/api/ideas', {
      kind: 'solution',
      title: `Leak scan solution ${unit.code}`,
      summary: 'Une réponse simple.',
      bodyHtml: '<p>Un véhicule de plus la nuit.</p>',
      expectedBenefits: 'Moins d’attente',
      needs: 'Un véhicule',
      orgUnitId: unit.id,
      addressesProblemIds: [linked.id],
    }),
    201,
  );
  await submit('otherEmployee', String(solution['id']));
  anonymousIdea('linked from a named solution', linked, ['author']);

  // In qualification with an assigned reviewer; qualified on a committee agenda; decided there.
  const author = as.author.person;
  const inQualification = await makeIdea(ds, {
    authors: [author],
    unit,
    anonymous: true,
    status: 'qualify',
    title: `Leak scan qualify ${unit.code}`,
  });
  await ds.getRepository(QualificationAssignment).insert({
    ideaId: inQualification.id,
    personId: as.networkScoped.person.id,
    assignedBy: null,
    assignedAt: new Date(),
    endedAt: null,
    endReason: null,
  });
  anonymousIdea('in qualification', inQualification, ['author']);
  const onAgenda = await makeIdea(ds, {
    authors: [author],
    unit,
    anonymous: true,
    status: 'decide',
    title: `Leak scan agenda ${unit.code}`,
  });
  const decided = await makeIdea(ds, {
    authors: [author],
    unit,
    anonymous: true,
    status: 'decide',
    title: `Leak scan decided ${unit.code}`,
  });
  anonymousIdea('qualified, on an agenda', onAgenda, ['author']);
  anonymousIdea('decided by the committee', decided, ['author']);
  const session = await ok(
    as.committee.send('post', '/api/committee/sessions', {
      title: 'Séance du scan',
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      language: 'fr',
      memberIds: [as.committee.person.id],
      chairId: as.committee.person.id,
    }),
    201,
  );
  const sessionId = String(session['id']);
  await ok(as.committee.send('post', `/api/committee/sessions/${sessionId}/agenda`, { ideaId: onAgenda.id }), 200);
  const planned = await ok(
    as.committee.send('post', `/api/committee/sessions/${sessionId}/agenda`, { ideaId: decided.id }),
    200,
  );
  await ok(as.committee.send('post', `/api/committee/sessions/${sessionId}/start`), 200);
  const item = (planned['agenda'] as { id: string; ideaId?: string; idea?: { id: string } }[]).find(
    (a) => (a.ideaId ?? a.idea?.id) === decided.id,
  );
  await ok(
    as.committee.send('post', `/api/committee/sessions/${sessionId}/agenda/${item!.id}/decision`, {
      kind: 'prototype',
      rationale: 'On teste.',
    }),
    200,
  );
  // Prototyped: the anonymous author joins its team through their own invitation, sets the hypothesis
  // and writes in the log book, so its timeline tells acts of a hidden author (team_member_joined,
  // hypothesis_set, log_entry_written) to every viewer.
  const mine = await ok(as.author.get('/api/team-invitations/mine'), 200);
  const own = (mine['items'] as { id: string; ideaId: string }[]).find((i) => i.ideaId === decided.id);
  await ok(as.author.send('post', `/api/team-invitations/${own!.id}/accept`), 200);
  // …leaves it, and takes their place back (team.join_as_author): a hidden author's comings and goings.
  await ok(as.author.send('post', `/api/ideas/${decided.id}/team/leave`), 200);
  await ok(as.author.send('post', `/api/ideas/${decided.id}/team/join`), 200);
  const today = new Date().toISOString().slice(0, 10);
  await ok(
    as.author.send('post', `/api/ideas/${decided.id}/experiment`, {
      whatIsTried: 'Un carnet partagé',
      whereTried: 'Au guichet',
      withWhom: 'Deux agents',
      startsOn: today,
      endsOn: `${new Date().getUTCFullYear() + 1}-01-31`,
      hypothesis: { change: 'un carnet partagé', audience: 'les agents', expectedResult: 'moins d’oublis' },
      measures: [{ label: 'Oublis par semaine', unit: 'oublis', target: 1 }],
    }),
    201,
  );
  await ok(
    as.author.send('post', `/api/ideas/${decided.id}/experiment/log-entries`, {
      bodyHtml: '<p>Premier jour.</p>',
      occurredOn: today,
    }),
    201,
  );

  // In follow-up: the anonymous author, in the team, defines an indicator and records a measurement
  // (the network is asked to validate it, by notification); the network validates it (a webhook).
  const followUp = await makeIdea(ds, {
    authors: [author],
    unit,
    anonymous: true,
    status: 'follow_up',
    title: `Leak scan follow-up ${unit.code}`,
  });
  await makeTeamMember(ds, { idea: followUp, person: author, role: 'lead', isAuthor: true });
  const project = await makeProject(ds, { idea: followUp, owner: as.otherEmployee.person });
  const indicator = await ok(
    as.author.send('post', `/api/impact/projects/${project.id}/indicators`, {
      category: 'staff_hours_saved',
      label: 'Heures gagnées',
      unit: 'h/an',
      projectedValue: 300,
      projectedOn: `${new Date().getUTCFullYear() + 1}-06-30`,
    }),
    201,
  );
  const measured = await ok(
    as.author.send('post', `/api/impact/indicators/${String(indicator['id'])}/measurements`, {
      value: 120,
      measuredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      source: 'Relevés',
      confidence: 'measured',
    }),
    201,
  );
  await ok(as.networkScoped.send('post', `/api/impact/measurements/${String(measured['id'])}/validate`), 204);
  anonymousIdea('in follow-up, measured by its anonymous author', followUp, ['author']);

  // Recognition (docs/recognition.md §3): accepting the anonymous ideas opened "recognition due" for
  // their hidden authors (the worker's ledger job); HR records one, which tells the author (in-app,
  // e-mail) and gives them a certificate with their name; the others stay due.
  const recognitions = await dueFor(as.hr, [visible.id, captured.id, duplicate.id, linked.id]);
  const toRecord = recognitions.find((r) => r.ideaId === visible.id)!;
  await ok(
    as.hr.send('post', `/api/recognitions/${toRecord.id}/record`, {
      form: 'thanks_letter',
      message: 'Merci pour cette idée.',
      isPublic: false,
    }),
    200,
  );

  const ideaIds = [...new Set([...credits.map((c) => c.ideaId), String(solution['id'])])];
  return {
    as,
    unit,
    credits,
    ids: {
      ideas: ideaIds,
      campaigns: [],
      sessions: [sessionId],
      people: VIEWERS.map((v) => as[v].person.id),
      units: [top.id, unit.id],
      recognitions: recognitions.map((r) => r.id),
    },
    revealIdeaId: visible.id,
  };
}

/** The due items of these ideas, once the worker has opened one for each (it runs the ledger job). */
async function dueFor(hr: Caller, ideaIds: readonly string[]): Promise<{ id: string; ideaId: string }[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await hr.get('/api/recognitions?limit=100');
    const items = ((res.body as { items?: { id: string; idea: { id: string } }[] }).items ?? [])
      .filter((i) => ideaIds.includes(i.idea.id))
      .map((i) => ({ id: i.id, ideaId: i.idea.id }));
    if (ideaIds.every((id) => items.some((i) => i.ideaId === id))) return items;
    if (Date.now() > deadline)
      throw new Error(`recognition due not opened for every accepted idea: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every string form in which a person could be recognised: id, e-mail, employee number, names. */
export function markersOf(person: Person): string[] {
  return [
    person.id,
    person.email,
    person.employeeNumber,
    `${person.givenName} ${person.familyName}`,
    person.familyName,
  ].filter((m): m is string => typeof m === 'string' && m.length > 0);
}
