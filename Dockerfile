# Mapa Común API + web app, the same steps as a server install and tests/deploy:
# install, `npm run build` (web/dist), then `npm start` with NODE_ENV=production (never builds).
# Written, not built here: no Docker daemon or base image is reachable from the development machine.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Chromium renders the plenary PDF/PNG exports; without it those answer 503 pdf_renderer_unavailable
ARG WITH_CHROMIUM=0
RUN if [ "$WITH_CHROMIUM" = 1 ]; then apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*; fi
ENV NODE_ENV=production PORT=8080 DATA_DIR=/var/lib/mapa LOG_LEVEL=info
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /var/lib/mapa && chown node:node /var/lib/mapa
USER node
EXPOSE 8080
# ready = migrations done and, on a first start, the bundled data loaded (/api/health only says the process is up)
HEALTHCHECK --interval=10s --timeout=3s --start-period=10m CMD ["node", "-e", "fetch('http://127.0.0.1:8080/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself (not npm) receives SIGTERM, so a stop flushes the audit log and closes the store
CMD ["node", "--import", "tsx", "server/main.ts"]
