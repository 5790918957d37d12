/**
 * The audit log's buffered writer: `record()` costs an array push on the request path; entries are
 * written in batches (`batchSize`, or `flushMs` after the first buffered one, and on `close()`)
 * through the audit repository. A failed batch stays buffered and is retried with backoff.
 */
import type { AuditEntry, AuditRepository } from '../services/ports.ts';

export interface AuditLogOptions {
  /** entries per INSERT; a full batch is written at once (default 100) */
  batchSize?: number;
  /** the longest an entry waits in memory (default 1000 ms) */
  flushMs?: number;
  /** the buffer's cap while the store is unreachable; the oldest entries go first (default 100,000) */
  maxBuffered?: number;
  log?: (msg: string) => void;
}

/** The buffered writer. `flush()` and `close()` never reject: a failed batch stays buffered and is retried. */
export class AuditLog {
  private buffer: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private failing = false;
  /** the retry delay after a failed write: doubles up to a minute, back to flushMs after a success */
  private retryMs: number;
  /** entries dropped because the buffer was full (store unreachable for a long time) */
  dropped = 0;
  readonly batchSize: number;
  readonly flushMs: number;
  readonly maxBuffered: number;
  private readonly log: (msg: string) => void;

  constructor(
    private readonly writer: Pick<AuditRepository, 'insert'>,
    opts: AuditLogOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 100;
    this.flushMs = opts.flushMs ?? 1000;
    this.maxBuffered = opts.maxBuffered ?? 100_000;
    this.log = opts.log ?? ((msg) => process.stderr.write(`${msg}\n`));
    this.retryMs = this.flushMs;
  }

  get pending(): number {
    return this.buffer.length;
  }

  record(entry: AuditEntry): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer.shift();
      this.dropped++;
    }
    this.buffer.push(entry);
    if (this.buffer.length >= this.batchSize) void this.flush();
    else this.schedule();
  }

  /** Writes everything buffered so far (batch by batch); resolves when done or when a write failed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.writeAll());
    return this.writing;
  }

  /** Final flush; afterwards nothing is scheduled (entries recorded later are written by an explicit flush only). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs = this.flushMs): void {
    if (this.timer || this.closed) return;
    // unref: a pending audit write must not keep a finished process (or test worker) alive
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref?.();
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await this.writer.insert(batch);
        this.failing = false;
        this.retryMs = this.flushMs;
      } catch (error) {
        this.buffer.unshift(...batch);
        if (!this.failing) this.log(`audit: no se pudo escribir el registro (${(error as Error).message}); se reintentará`);
        this.failing = true;
        this.schedule(this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, 60_000);
        return;
      }
    }
  }
}

export function createAuditLog(writer: Pick<AuditRepository, 'insert'>, opts?: AuditLogOptions): AuditLog {
  return new AuditLog(writer, opts);
}

