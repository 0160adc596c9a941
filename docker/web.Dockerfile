# syntax=docker/dockerfile:1
# Éclore web: the React single-page app's static build, served by nginx (unprivileged image, port 8080),
# which also proxies /api to the api service. The api can serve the same build itself (WEB_DIST_DIR);
# this image is for deployments that put the static files on their own tier.
# Build from the repository root:  docker build -f docker/web.Dockerfile -t eclore-web .
ARG NODE_IMAGE=node:22-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.27-bookworm

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: see api.Dockerfile.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM ${NGINX_IMAGE} AS runtime
# Where /api is proxied to; the image's entrypoint substitutes it into the template at start.
ENV API_UPSTREAM=http://api:3000
COPY docker/nginx.conf.template /etc/nginx/templates/default.conf.template
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /app/dist/web /usr/share/nginx/html
# nginx-unprivileged already runs as the `nginx` user (uid 101) and listens on 8080.
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD ["curl", "-fsS", "http://127.0.0.1:8080/healthz"]
