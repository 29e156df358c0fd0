# The neptune-import command (worker, emulator) as an image: built in one stage, run from production
# dependencies only, as the unprivileged `node` user.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workflows ./workflows
COPY activities ./activities
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY deploy/locked-peers.cjs ./deploy/
# The Temporal SDK is a peer dependency, installed at the versions the tests ran with. This repository also
# lists it as dev dependencies, which npm would leave out: the image's copy of package.json drops them first.
RUN npm ci --omit=dev --no-audit --no-fund \
    && npm pkg delete devDependencies \
    && npm install --no-save --omit=dev --no-audit --no-fund $(node deploy/locked-peers.cjs) \
    && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["worker", "--task-queue", "neptune-import"]
