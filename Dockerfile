# syntax=docker/dockerfile:1
# The Shoptag reference server as a container: `docker build -t shoptag-server .`
# Two stages: `build` installs every dependency and runs the release build (rollup, the same as
# `npm test` and npm packages); `runtime` holds the built JavaScript and only the production
# dependencies of @shoptag/reference-server, and runs as the unprivileged `node` user.
# docs/deploy.md explains it, with compose.yaml (two processes, PostgreSQL 15, Redis 7), and says
# what was verified without a Docker engine (test/deploy/deploy-files.test.ts).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY packages/sdk/package.json packages/sdk/
COPY packages/elements/package.json packages/elements/
COPY packages/reference-server/package.json packages/reference-server/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    SHOPTAG_DATA_DIR=/data \
    PORT=3000
WORKDIR /app
# Production dependencies of the server only (locked by package-lock.json): no build tools, test
# runners or browsers. The other workspaces' manifests are there because npm needs every workspace
# the root lists; their code is the built dist copied below.
COPY package.json package-lock.json ./
COPY packages/sdk/package.json packages/sdk/
COPY packages/elements/package.json packages/elements/
COPY packages/reference-server/package.json packages/reference-server/
RUN npm ci --omit=dev --workspace @shoptag/reference-server --no-audit --no-fund --ignore-scripts \
    && npm cache clean --force
COPY --from=build /src/packages/sdk/dist packages/sdk/dist
COPY --from=build /src/packages/elements/dist/cdn packages/elements/dist/cdn
COPY --from=build /src/packages/reference-server/dist packages/reference-server/dist
# The package's bin on PATH (npm links a workspace's bin only when its target exists at install
# time, before dist is copied); /data: the media renditions cache, the email outbox without
# SMTP_URL, and the embedded database when DATABASE_URL is not set (mount a volume to keep them).
RUN ln -s /app/packages/reference-server/dist/cli.js /usr/local/bin/shoptag-server \
    && mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Liveness: the process answers. Readiness (database up, not draining) is /v1/health/ready, for load balancers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same CLI the tests run: `docker run IMAGE migrate`, `docker run IMAGE keys list` … work too.
# SIGTERM (docker stop) drains requests for SHOPTAG_DRAIN_TIMEOUT_SECONDS (10): keep `docker stop -t`
# and compose's stop_grace_period above it.
ENTRYPOINT ["shoptag-server"]
CMD ["start"]
