/**
 * HTTP load helpers for the API benchmark: servers on free loopback ports (the Hono app through
 * @hono/node-server, and a bare `node:http` server answering fixed bytes — the floor), autocannon run
 * as a child process so that the load generator does not share the servers' event loop, and timed
 * single requests.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    withTimeout(
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
      5000,
      'server close',
    );
}

/** `p`, or a rejection after `ms` (so that a stuck close cannot hold the whole run). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The app on 127.0.0.1, port chosen by the kernel. */
export async function listenApp(app: Hono): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: closer(server as Server) }),
    ) as Server;
    server.once('error', reject);
  });
}

export interface FixedResponse {
  body: Uint8Array;
  headers: Record<string, string>;
}

/** The floor: `node:http` answering each known path (with its query) with fixed bytes and headers, nothing else. */
export async function listenBare(responses: Map<string, FixedResponse>): Promise<Listening> {
  const server = createServer((req, res) => {
    const r = responses.get(req.url ?? '');
    if (!r) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { ...r.headers, 'Content-Length': String(r.body.byteLength) });
    res.end(r.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: closer(server) };
}

export interface LoadResult {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** autocannon against `url` for `seconds` with `connections` keep-alive connections, in a child process. */
export function autocannon(url: string, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [autocannonBin, '-j', '-c', String(connections), '-d', String(seconds), url],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(-1000)}`));
      try {
        const r = JSON.parse(out);
        resolve({
          p50: r.latency.p50,
          p99: r.latency.p99,
          requestsPerSecond: r.requests.average,
          requests: r.requests.total,
          non2xx: r.non2xx ?? 0,
          errors: (r.errors ?? 0) + (r.timeouts ?? 0),
        });
      } catch (e) {
        reject(new Error(`autocannon output unreadable: ${(e as Error).message}: ${out.slice(0, 500)}`));
      }
    });
  });
}

/** Percentile (nearest rank) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Fetches `url`, failing on a non-200; returns the body bytes, the headers and the milliseconds taken. */
export async function timedGet(url: string): Promise<{ ms: number; body: Uint8Array; headers: Headers }> {
  const t0 = performance.now();
  // identity, like autocannon: the timings compare the same bytes
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = new Uint8Array(await res.arrayBuffer());
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
  return { ms, body, headers: res.headers };
}
