// Supertest helpers: problem documents and binary answers.

/** What a supertest answer carries that a problem document is checked on. */
export interface ProblemAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * The answer is an `application/problem+json` document with this status and code and, when given,
 * names `field` among its errors (docs/architecture.md, "Errors").
 */
export function expectProblem(res: ProblemAnswer, status: number, code: string, field?: string): void {
  expect({
    status: res.status,
    type: res.headers['content-type'],
    code: (res.body as { code?: string }).code,
  }).toEqual({ status, type: expect.stringContaining('application/problem+json'), code });
  if (field) expect(JSON.stringify(res.body)).toContain(`"field":"${field}"`);
}

/** A supertest parser that keeps an answer's bytes as they came (PDF, XLSX, archives): `.buffer(true).parse(binaryBody)`. */
export function binaryBody(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
