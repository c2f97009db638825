# The hub image for docker-compose.yml. With internet access the ordinary `npm install`
# fetches everything, including mediasoup's prebuilt worker.
FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY media/worker ./media/worker
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
# A young generation of 64 MB a semi-space, as `npm start` runs it (bench/read/run.ts: the GC share of a read).
ENV NODE_ENV=production PORT=4000 NODE_OPTIONS=--max-semi-space-size=64
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
