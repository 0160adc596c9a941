// Test helper (integration tests only): a supertest agent signed in through the real login route.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

export interface SignedIn {
  agent: ReturnType<typeof request.agent>;
  csrfToken: string;
  personId: string;
  /** Sends a state-changing request with the session's CSRF token, as the web client does. */
  send: (method: 'post' | 'patch' | 'delete', path: string, body?: object) => request.Test;
}

export async function signIn(app: NestExpressApplication, email: string, password: string): Promise<SignedIn> {
  const agent = request.agent(app.getHttpServer());
  await agent.post('/api/auth/login').send({ email, password }).expect(204);
  const session = await agent.get('/api/session').expect(200);
  const csrfToken = session.body.csrfToken as string;
  const send = (method: 'post' | 'patch' | 'delete', path: string, body?: object) => {
    const req = agent[method](path).set('X-CSRF-Token', csrfToken);
    return body === undefined ? req : req.send(body);
  };
  return { agent, csrfToken, personId: session.body.person.id as string, send };
}
