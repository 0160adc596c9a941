// Test helpers for the engagement and moderation API tests: demo people signed in through the real
// login route, and ideas written straight into the database in the state a test needs (the idea
// commands have their own tests; here only what happens around a published idea matters).
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, demoEmail } from '@eclore/migrations';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Campaign, CampaignPhase, Idea, IdeaAuthor, type IdeaStatusColumn } from '@eclore/server-ideas';

export interface Member {
  person: Person;
  agent: ReturnType<typeof request.agent>;
  /** A state-changing request with the session's CSRF token, as the web client sends it. */
  send: (method: 'post' | 'put' | 'delete', path: string, body?: object) => request.Test;
  get: (path: string) => request.Test;
}

export async function signInDemo(app: NestExpressApplication, ds: DataSource, familyName: string): Promise<Member> {
  const person = await ds.getRepository(Person).findOneByOrFail({ familyName });
  const agent = request.agent(app.getHttpServer());
  await agent
    .post('/api/auth/login')
    .send({ email: demoEmail(person), password: DEMO_PASSWORD })
    .expect(204);
  const session = await agent.get('/api/session').expect(200);
  const csrf = session.body.csrfToken as string;
  return {
    person,
    agent,
    send: (method, path, body) => {
      const req = agent[method](path).set('X-CSRF-Token', csrf);
      return body === undefined ? req : req.send(body);
    },
    get: (path) => agent.get(path),
  };
}

export async function unitByCode(ds: DataSource, code: string): Promise<OrgUnit> {
  return ds.getRepository(OrgUnit).findOneByOrFail({ code });
}

let counter = 0;

/** An idea by `author` (credited in idea_author too), published on the wall unless told otherwise. */
export async function createIdea(
  ds: DataSource,
  options: {
    author: Person;
    unit?: OrgUnit | null;
    anonymous?: boolean;
    status?: IdeaStatusColumn;
    published?: boolean;
    campaignId?: string | null;
    title?: string;
  },
): Promise<Idea> {
  counter += 1;
  const now = new Date();
  const published = options.published ?? true;
  const repo = ds.getRepository(Idea);
  const idea = repo.create({
    kind: 'problem',
    status: options.status ?? (published ? 'visible' : 'emerge'),
    title: options.title ?? `Idea ${counter} ${now.getTime().toString(36)}`,
    summary: 'A recurring irritant',
    bodyHtml: '<p>Details</p>',
    authorId: options.author.id,
    anonymous: options.anonymous ?? false,
    orgUnitId: options.unit?.id ?? null,
    campaignId: options.campaignId ?? null,
    themes: [],
    submittedAt: published ? now : null,
    publishedAt: published ? now : null,
  });
  await repo.insert(idea);
  await ds.getRepository(IdeaAuthor).insert({
    ideaId: idea.id,
    personId: options.author.id,
    role: 'author',
    status: 'accepted',
    invitedBy: null,
    invitedAt: now,
    respondedAt: now,
  });
  return repo.findOneByOrFail({ id: idea.id });
}

/** A campaign whose only phase is running now with the given switches. */
export async function createCampaign(
  ds: DataSource,
  createdBy: Person,
  features: { supports: boolean; comments: boolean },
): Promise<Campaign> {
  const repo = ds.getRepository(Campaign);
  const campaign = repo.create({
    title: 'Night shifts',
    question: 'Comment pourrions-nous mieux organiser les nuits ?',
    descriptionHtml: '<p>Campaign</p>',
    sponsorId: null,
    audienceOrgUnitIds: [],
    submissionRules: {
      requiredFields: [],
      titleMaxLength: 140,
      summaryMaxLength: 600,
      bodyMinLength: 0,
      allowedKinds: ['problem', 'solution'],
    },
    createdBy: createdBy.id,
    archivedAt: null,
  });
  await repo.insert(campaign);
  const day = 24 * 3600 * 1000;
  await ds.getRepository(CampaignPhase).insert({
    campaignId: campaign.id,
    position: 1,
    name: 'Vote',
    startsAt: new Date(Date.now() - day),
    endsAt: new Date(Date.now() + day),
    submissionsOpen: false,
    supportsOpen: features.supports,
    commentsOpen: features.comments,
  });
  return campaign;
}

/** Every string form in which a person could be recognised in a response body. */
export function identityMarkers(person: Person): string[] {
  return [person.id, person.email, `${person.givenName} ${person.familyName}`, person.familyName];
}

/** Signs several demo people in at once, typed as a tuple of the same length. */
export async function signInMany<const N extends readonly string[]>(
  app: NestExpressApplication,
  ds: DataSource,
  familyNames: N,
): Promise<{ -readonly [K in keyof N]: Member }> {
  return (await Promise.all(familyNames.map((n) => signInDemo(app, ds, n)))) as { -readonly [K in keyof N]: Member };
}
