// Health check of the worker image (the worker serves no HTTP): healthy when the queue backend sees
// at least one live BullMQ worker on every queue of the registry.
'use strict';
const { join } = require('node:path');
const { Queue } = require('bullmq');

const platform = require(join(__dirname, '..', 'dist', 'server', 'libs', 'server', 'platform', 'src', 'index.js'));

async function main() {
  const config = platform.loadConfig();
  const queues = platform.QUEUE_NAMES.map((name) => new Queue(name, platform.queueOptions(config)));
  try {
    const counts = await Promise.all(queues.map((q) => q.getWorkersCount()));
    const idle = platform.QUEUE_NAMES.filter((_name, i) => counts[i] === 0);
    if (idle.length > 0) throw new Error(`no worker consumes: ${idle.join(', ')}`);
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

const timer = setTimeout(() => {
  process.stderr.write('worker health check timed out\n');
  process.exit(1);
}, 8000);
main().then(
  () => {
    clearTimeout(timer);
    process.exit(0);
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
