# syntax=docker/dockerfile:1
# Éclore worker: the NestJS application context that runs the BullMQ processors, the outbox relay and
# the schedulers. No HTTP. It expects the schema to be migrated (the api does it on start).
# Build from the repository root:  docker build -f docker/worker.Dockerfile -t eclore-worker .
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: see api.Dockerfile.
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
RUN node scripts/build-server.mjs \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
COPY docker/worker-healthcheck.cjs ./docker/worker-healthcheck.cjs
# The file store (STORAGE_DIR) is the one folder the process writes; compose mounts a volume there.
RUN mkdir -p /app/var/storage && chown node:node /app/var/storage
USER node
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "docker/worker-healthcheck.cjs"]
# The worker handles SIGTERM itself: it stops taking jobs, lets running ones finish, then exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/apps/worker/src/main.js"]
