# syntax=docker/dockerfile:1
# Éclore api: the NestJS HTTP API, which also serves the web app's build (WEB_DIST_DIR) and applies
# pending migrations when it starts (docker/api-entrypoint.cjs, under an advisory lock).
# Build from the repository root:  docker build -f docker/api.Dockerfile -t eclore-api .
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile pins the versions, and npm ci refuses a lockfile whose
# optional other-platform binaries a mirror lacks.
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
RUN node scripts/build-server.mjs \
 && npm run build:web \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=/app/dist/web
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/web ./dist/web
COPY docker/api-entrypoint.cjs ./docker/api-entrypoint.cjs
# The operator commands: `docker compose exec api node scripts/create-admin.mjs …`, `npm run audit:verify`
# (the audit log's hash chain, docs/operations.md), demo accounts.
COPY scripts/create-admin.mjs scripts/demo-accounts.mjs scripts/operator.mjs scripts/audit-verify.mjs ./scripts/
COPY scripts/embedded/build.mjs ./scripts/embedded/build.mjs
# The image's files stay root-owned and read-only to the process, which runs as the unprivileged `node` user.
# The file store (STORAGE_DIR) is the one folder the process writes; compose mounts a volume there.
RUN mkdir -p /app/var/storage && chown node:node /app/var/storage
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "docker/api-entrypoint.cjs"]
