/**
 * Who the client is, as seen through the reverse proxies we were told to trust (env `TRUST_PROXY`).
 *
 * Every rate limit, lockout, origin check, Secure-cookie decision, HSTS and the cache fast path ask
 * this one module, so they can never disagree about the client's address, scheme or host.
 *
 * - `TRUST_PROXY` unset / `off` / `false` / `0`: the socket is the client. `X-Forwarded-*` headers are
 *   ignored, as any client can write them (a spoofed `X-Forwarded-For` changes nothing).
 * - a hop count (`1`, `2`): that many proxies stand in front of the server, whatever their address.
 *   The client address is the entry that many hops from the right of `X-Forwarded-For` + socket.
 * - a comma list of addresses / CIDR blocks (`10.0.0.0/8, ::1`, also `loopback`): a peer in the list
 *   is a proxy; the client is the right-most address of `X-Forwarded-For` + socket that is not one.
 *
 * The scheme and host come from `X-Forwarded-Proto` / `X-Forwarded-Host` (first value, as the proxy
 * nearest the client wrote it) only when the socket's peer is trusted. This is the rule Express's
 * `trust proxy` setting follows; the CIDR matching is Node's own `net.BlockList`.
 */
import { parseConfig } from '../../core/config/index.ts';
import { BlockList, isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Context, MiddlewareHandler } from 'hono';

export type TrustProxy =
  { kind: 'off' } | { kind: 'hops'; hops: number } | { kind: 'list'; list: BlockList; text: string };

export const TRUST_NOBODY: TrustProxy = { kind: 'off' };

const LOOPBACK = ['127.0.0.0/8', '::1/128'];

/** Parses a `TRUST_PROXY` value; throws with the offending entry when it is neither a count nor addresses. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = (raw ?? '').trim();
  if (text === '' || /^(off|false|no|0)$/i.test(text)) return TRUST_NOBODY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32)
      throw new Error(`TRUST_PROXY: ${text} saltos no es razonable (use el número de proxies delante del servidor)`);
    return { kind: 'hops', hops };
  }
  const list = new BlockList();
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    for (const item of entry.toLowerCase() === 'loopback' ? LOOPBACK : [entry]) addTrusted(list, item);
  }
  return { kind: 'list', list, text };
}

function addTrusted(list: BlockList, entry: string): void {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  const bits = prefix === undefined ? undefined : Number(prefix);
  const max = family === 6 ? 128 : 32;
  if (!family || extra !== undefined || (bits !== undefined && (!/^\d+$/.test(prefix) || bits > max))) {
    throw new Error(
      `TRUST_PROXY: "${entry}" no es un número de saltos, una dirección IP ni un bloque CIDR (p. ej. 1, 10.0.0.0/8, ::1, loopback)`,
    );
  }
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, bits, type);
}

/** `TRUST_PROXY` from the environment, read once per call site that builds an app. */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  return parseTrustProxy(parseConfig(env).TRUST_PROXY);
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, so an IPv4 peer on a dual-stack socket matches IPv4 blocks and buckets. */
export function normaliseAddress(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a.toLowerCase();
}

function isTrusted(trust: TrustProxy, address: string, hopIndex: number): boolean {
  if (trust.kind === 'off' || address === UNKNOWN_IP) return false;
  if (trust.kind === 'hops') return hopIndex < trust.hops;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** What the server knows of the connection itself (no header involved). */
export interface Peer {
  /** the socket's remote address; undefined without a Node socket (in-process `app.request`) */
  address?: string;
  encrypted: boolean;
}

/** The client as the trusted proxies describe it. */
export interface ClientInfo {
  ip: string;
  scheme: 'http' | 'https';
  /** host[:port], lower case, as the client addressed it */
  host: string;
}

/** Header lookup, lower-case names (a Request's headers or Node's IncomingMessage headers). */
export type HeaderReader = (name: string) => string | undefined;

/** Unknown peer: the bucket name for requests without a socket (tests); never trusted as a proxy. */
export const UNKNOWN_IP = 'unknown';

const firstValue = (value: string | undefined) => value?.split(',')[0].trim() || undefined;

/**
 * The client of one request. `urlScheme`/`urlHost` are those of the URL the server saw (used when
 * no Host header and no trusted proxy say otherwise).
 */
export function resolveClient(
  trust: TrustProxy,
  peer: Peer,
  header: HeaderReader,
  url: { scheme: string; host: string },
): ClientInfo {
  const socketIp = peer.address ? normaliseAddress(peer.address) : UNKNOWN_IP;
  const ownScheme: 'http' | 'https' = peer.encrypted || url.scheme === 'https' ? 'https' : 'http';
  const ownHost = (header('host') || url.host).toLowerCase();
  if (!isTrusted(trust, socketIp, 0)) return { ip: socketIp, scheme: ownScheme, host: ownHost };

  // walk X-Forwarded-For from the right while the hop we stand on is a trusted proxy
  const chain = (header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => normaliseAddress(s))
    .filter(Boolean);
  let ip = socketIp;
  for (let hop = 1; chain.length > 0 && isTrusted(trust, ip, hop - 1); hop++) {
    const next = chain.pop()!;
    if (!isIP(next)) break; // garbage written by a client: stop at the last address a proxy vouched for
    ip = next;
  }
  const proto = firstValue(header('x-forwarded-proto'))?.toLowerCase();
  const scheme = proto === 'https' ? 'https' : proto === 'http' ? 'http' : ownScheme;
  const host = firstValue(header('x-forwarded-host'))?.toLowerCase() ?? ownHost;
  return { ip, scheme, host };
}

/** The socket behind a Hono context on @hono/node-server (env `incoming`, or `server.incoming`). */
export function peerOf(env: unknown): Peer {
  const bindings = env as
    { incoming?: { socket?: TLSSocket }; server?: { incoming?: { socket?: TLSSocket } } } | undefined;
  const socket = bindings?.incoming?.socket ?? bindings?.server?.incoming?.socket;
  return { address: socket?.remoteAddress, encrypted: Boolean(socket?.encrypted) };
}

export type ClientEnv = { Variables: { client?: ClientInfo } };

function computeClient(c: Context, trust: TrustProxy): ClientInfo {
  const url = new URL(c.req.url);
  return resolveClient(trust, peerOf(c.env), (name) => c.req.header(name), {
    scheme: url.protocol.replace(':', ''),
    host: url.host,
  });
}

/** Middleware, registered first: resolves the client once per request for everything after it. */
export function clientAddress(trust: TrustProxy): MiddlewareHandler<ClientEnv> {
  return async (c, next) => {
    c.set('client', computeClient(c, trust));
    await next();
  };
}

/**
 * The client of `c`: the one `clientAddress` resolved, or — for a feature mounted on its own in a
 * test — the socket alone (forwarded headers ignored, as with `TRUST_PROXY` off).
 */
export function clientOf(c: Context): ClientInfo {
  const known = (c as Context<ClientEnv>).get('client');
  return known ?? computeClient(c, TRUST_NOBODY);
}

/** `scheme://host` of the request as the client addressed it. */
export function ownOrigin(client: ClientInfo): string {
  const text = `${client.scheme}://${client.host}`;
  try {
    return new URL(text).origin.toLowerCase(); // drops a default port, as browsers do in Origin
  } catch {
    return text;
  }
}
