# Fairgate image: build with dev dependencies, run with production ones only.
# Production runs Node.js 24 (LTS, supported until April 2028); both stages name the same major.
# package.json "engines" still admits Node 20.19+ for development and CI machines.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
# bench/ is not part of the image: the production build compiles src/ and migrations/ only.
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Badge PDFs embed a Korean TrueType font (BADGE_FONT_PATH, BADGE_FONT_BOLD_PATH: NanumGothic) and draw the Latin
# letters it lacks (Ö, ễ …) with DejaVu Sans (BADGE_FALLBACK_FONT_PATH); without them the PDF routes answer 503.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-nanum fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
