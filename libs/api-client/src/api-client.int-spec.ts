import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

// The checked-in client must be exactly what the API's controllers generate today: a controller
// change without `npm run api-client:generate` fails the suite here, not in the browser.
describe('generated API client', () => {
  it('matches the OpenAPI document of the current API', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/api-client.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('matches the API');
  });
});
