/**
 * The client's address, scheme and host through trusted proxies. Addresses are hand-written
 * examples from the documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24)
 * and private proxy addresses (10.0.0.0/8).
 */
import { describe, expect, it } from 'vitest';
import { normaliseAddress, ownOrigin, parseTrustProxy, resolveClient, type TrustProxy } from './client.ts';

const URL_SEEN = { scheme: 'http', host: 'localhost:8080' };

function client(trust: TrustProxy, peer: string | undefined, headers: Record<string, string>, encrypted = false) {
  return resolveClient(trust, { address: peer, encrypted }, (name) => headers[name], URL_SEEN);
}

const PROXIED = {
  host: 'mapa.example.org',
  'x-forwarded-for': '198.51.100.7',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'mapa.example.org',
};

describe('TRUST_PROXY', () => {
  it('is off by default and for off/false/0', () => {
    for (const raw of [undefined, '', ' ', 'off', 'false', 'FALSE', '0', 'no'])
      expect(parseTrustProxy(raw).kind, String(raw)).toBe('off');
  });

  it('reads a hop count and a list of addresses and CIDR blocks', () => {
    expect(parseTrustProxy('1')).toEqual({ kind: 'hops', hops: 1 });
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    const list = parseTrustProxy('10.0.0.0/8, 192.0.2.1 ,::1, fd00::/8');
    expect(list.kind).toBe('list');
    expect(parseTrustProxy('loopback').kind).toBe('list');
  });

  it('refuses anything else with a message naming the entry', () => {
    for (const bad of [
      'true',
      'yes',
      '10.0.0.0/33',
      '10.0.0/8',
      'proxy.example.org',
      '::1/129',
      '10.0.0.1/8/2',
      '1.5',
      '99',
    ]) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('resolveClient', () => {
  it('without TRUST_PROXY ignores every forwarded header: a client cannot spoof its address, scheme or host', () => {
    const c = client(parseTrustProxy(undefined), '203.0.113.9', { ...PROXIED, 'x-forwarded-host': 'evil.example' });
    expect(c).toEqual({ ip: '203.0.113.9', scheme: 'http', host: 'mapa.example.org' });
  });

  it('with one trusted hop takes the address, scheme and host the proxy forwarded', () => {
    const c = client(parseTrustProxy('1'), '10.0.0.2', { ...PROXIED, 'x-forwarded-for': '192.0.2.44, 198.51.100.7' });
    // only the right-most entry was written by our proxy; 192.0.2.44 came from the client itself
    expect(c).toEqual({ ip: '198.51.100.7', scheme: 'https', host: 'mapa.example.org' });
    expect(
      client(parseTrustProxy('2'), '10.0.0.2', { ...PROXIED, 'x-forwarded-for': '192.0.2.44, 198.51.100.7' }).ip,
    ).toBe('192.0.2.44');
  });

  it('with an address list trusts only listed peers, and walks X-Forwarded-For past listed proxies', () => {
    const trust = parseTrustProxy('10.0.0.0/8');
    expect(client(trust, '10.1.2.3', { ...PROXIED, 'x-forwarded-for': '198.51.100.7, 10.9.9.9' }).ip).toBe(
      '198.51.100.7',
    );
    // a client spoofing an inner address stops the walk at the first untrusted address
    expect(client(trust, '10.1.2.3', { ...PROXIED, 'x-forwarded-for': '10.5.5.5, 198.51.100.7' }).ip).toBe(
      '198.51.100.7',
    );
    // a peer outside the list is the client, whatever it forwards
    expect(client(trust, '203.0.113.9', PROXIED)).toEqual({
      ip: '203.0.113.9',
      scheme: 'http',
      host: 'mapa.example.org',
    });
    // IPv4 peers on a dual-stack socket match IPv4 blocks
    expect(client(trust, '::ffff:10.1.2.3', PROXIED).ip).toBe('198.51.100.7');
  });

  it('stops at garbage in X-Forwarded-For and keeps the last address a proxy vouched for', () => {
    expect(client(parseTrustProxy('10.0.0.0/8'), '10.0.0.2', { 'x-forwarded-for': 'not-an-ip' }).ip).toBe('10.0.0.2');
  });

  it('takes https from TLS on the socket, and without a socket names the bucket "unknown"', () => {
    expect(client(parseTrustProxy(undefined), '192.0.2.1', {}, true).scheme).toBe('https');
    expect(client(parseTrustProxy('1'), undefined, PROXIED)).toEqual({
      ip: 'unknown',
      scheme: 'http',
      host: 'mapa.example.org',
    });
  });
});

describe('helpers', () => {
  it('normalises IPv4-mapped addresses and brackets', () => {
    expect(normaliseAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('[2001:DB8::1]')).toBe('2001:db8::1');
  });

  it('drops default ports from the own origin, as a browser does in Origin', () => {
    expect(ownOrigin({ ip: 'x', scheme: 'https', host: 'mapa.example.org:443' })).toBe('https://mapa.example.org');
    expect(ownOrigin({ ip: 'x', scheme: 'http', host: 'localhost:8080' })).toBe('http://localhost:8080');
  });
});
