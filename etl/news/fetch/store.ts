/**
 * What the fetcher keeps between runs: HTTP validators for conditional GETs (RFC 9110 §13:
 * ETag / If-None-Match, Last-Modified / If-Modified-Since) and the raw pages, archived by the
 * SHA-256 of their bytes so that any page can be re-extracted later with a newer extractor.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Validators {
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the body last received with status 200. */
  sha256?: string;
}

/** Where validators live; a JSON file by default, the store's table if the caller prefers. */
export interface ValidatorStore {
  get(url: string): Validators | undefined | Promise<Validators | undefined>;
  set(url: string, validators: Validators): void | Promise<void>;
}

/** Writes `data` next to `path` then renames it over, so a killed run never leaves half a file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Validators in one small JSON file, keyed by URL; saved after every change. */
export class JsonFileValidatorStore implements ValidatorStore {
  private readonly entries: Record<string, Validators>;
  constructor(private readonly path: string) {
    this.entries = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, Validators>) : {};
  }
  get(url: string): Validators | undefined {
    return this.entries[url];
  }
  set(url: string, validators: Validators): void {
    this.entries[url] = validators;
    writeAtomically(this.path, `${JSON.stringify(this.entries, null, 1)}\n`);
  }
}

/** In-memory validators (tests, one-off commands). */
export class MemoryValidatorStore implements ValidatorStore {
  private readonly entries = new Map<string, Validators>();
  get(url: string): Validators | undefined {
    return this.entries.get(url);
  }
  set(url: string, validators: Validators): void {
    this.entries.set(url, validators);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Path of an archived page: `DIR/ab/abcdef…` (two-character fan-out keeps folders small). */
export function archivePath(archiveDir: string, sha256: string): string {
  return join(archiveDir, sha256.slice(0, 2), sha256);
}

/** Archives raw bytes under their SHA-256; a page already there is not written again. */
export function archiveBytes(archiveDir: string, bytes: Uint8Array): { sha256: string; path: string } {
  const sha256 = sha256Hex(bytes);
  const path = archivePath(archiveDir, sha256);
  if (!existsSync(path)) writeAtomically(path, bytes);
  return { sha256, path };
}

/** Reads an archived page back (for reprocessing). */
export function readArchived(archiveDir: string, sha256: string): Buffer {
  return readFileSync(archivePath(archiveDir, sha256));
}
