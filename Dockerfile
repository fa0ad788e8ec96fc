# FirstLine: API + web app in one image. PostgreSQL is a separate service (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/contracts/package.json libs/contracts/
COPY libs/scoring/package.json libs/scoring/
COPY libs/forge/package.json libs/forge/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Debian's Chromium prints the PDF reports (playwright-core drives it; no browser download); DejaVu gives the page
# footer a font. The reports embed their own fonts (Inter, Noto Nastaliq Urdu). jemalloc is the API's allocator,
# linked at one path whatever the architecture.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core libjemalloc2 \
  && ln -s "$(dpkg -L libjemalloc2 | grep '/libjemalloc\.so\.2$')" /usr/local/lib/libjemalloc.so.2 \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000 DATA_DIR=/var/lib/firstline CHROMIUM_PATH=/usr/bin/chromium
# Memory (apps/api/src/process-settings.ts, which the flag in CMD comes from too): jemalloc returns what libvips frees
# within a second (the API starts Chromium without it); where it is not preloaded, two glibc arenas hold less.
ENV LD_PRELOAD=/usr/local/lib/libjemalloc.so.2 MALLOC_CONF=background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0
ENV MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /var/lib/firstline && chown node:node /var/lib/firstline
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--max-old-space-size=1024", "apps/api/dist/main.js"]
