# syntax=docker/dockerfile:1
# Digitallotse as a container: for Azure Container Apps, App Service for Containers or a
# server on premises. Build: docker build -t digitallotse .   Run: see deployment/ADMIN.md.

# One Node 20 base for every stage: better-sqlite3 is a native module, and its binary must
# match the Node ABI and libc of the runtime image.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: all dependencies, TypeScript → dist/
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Toolchain for native modules, used only when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY cards ./cards
COPY dialogs ./dialogs
COPY services ./services
# tsc emits only code and imported JSON; data files read at run time (e.g. the shipped
# knowledge base, the demo organisation) go next to the compiled code that reads them.
RUN npm run build \
 && find bot cards dialogs services -type f \( -name '*.tsv' -o -name '*.json' \) \
      -exec cp --parents {} dist/ \;

# --- production dependencies only, compiled for the runtime image
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    SQLITE_PATH=/app/data/digitallotse.db
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# The embedded SQLite database lives here; mount a volume to keep it across containers.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3978
# No curl in the slim image: Node 20's fetch asks the health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/bot/main.js"]
