import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { IDEA_COMMANDS, TRANSITIONS, type IdeaCommandType } from '@eclore/domain';
import { AppModule } from '../app.module';
import { listRoutes } from '../access/routes';

/**
 * Every lifecycle command `viewer.commands` can list has a route (issue 13: `stop`, `close` and
 * `resume` were offered as buttons with no route, POST /api/ideas/:id/stop → 404). The table is typed
 * by the command union, so a new command does not compile without its route; the test then checks
 * each route is registered in the application's module graph (Nest's preview mode: no database).
 */
const COMMAND_ROUTES: Readonly<Record<IdeaCommandType, string>> = {
  submit: 'POST /api/ideas/:id/submit',
  return_to_authors: 'POST /api/ideas/:id/return',
  accept: 'POST /api/ideas/:id/accept',
  start_qualification: 'POST /api/ideas/:id/start-qualification',
  request_rework: 'POST /api/ideas/:id/request-rework',
  qualify: 'POST /api/ideas/:id/qualify',
  decline: 'POST /api/ideas/:id/decline',
  merge: 'POST /api/ideas/:id/merge',
  withdraw: 'POST /api/ideas/:id/withdraw',
  // The committee decides on an agenda item (the decision is the idea's lifecycle command).
  decide_prototype: 'POST /api/committee/sessions/:id/agenda/:itemId/decision',
  decide_implement: 'POST /api/committee/sessions/:id/agenda/:itemId/decision',
  park: 'POST /api/committee/sessions/:id/agenda/:itemId/decision',
  resume: 'POST /api/ideas/:id/resume',
  stop: 'POST /api/ideas/:id/stop',
  complete_implementation: 'POST /api/ideas/:id/complete-implementation',
  close: 'POST /api/ideas/:id/close',
};

/** Commands with no route on the app's routes. */
function unrouted(commands: readonly IdeaCommandType[], routeKeys: ReadonlySet<string>): IdeaCommandType[] {
  return commands.filter((c) => !routeKeys.has(COMMAND_ROUTES[c]));
}

describe('every lifecycle command has a route', () => {
  let app: INestApplication;
  let keys: Set<string>;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
    keys = new Set(listRoutes(app).map((r) => r.key));
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('maps every command of the transition table', () => {
    expect(Object.keys(COMMAND_ROUTES).sort()).toEqual([...IDEA_COMMANDS].sort());
  });

  it('finds the route of every command viewer.commands can list', () => {
    // allowedCommands (viewer.commands) lists commands of TRANSITIONS only: all of them are checked.
    expect(new Set(TRANSITIONS.map((t) => t.command))).toEqual(new Set(IDEA_COMMANDS));
    expect(unrouted(IDEA_COMMANDS, keys)).toEqual([]);
  });

  it('would name a command whose route is missing (the check can fail)', () => {
    const without = new Set([...keys].filter((k) => k !== COMMAND_ROUTES.stop));
    expect(unrouted(IDEA_COMMANDS, without)).toEqual(['stop']);
  });
});
