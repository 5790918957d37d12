/**
 * The audit log's writer, by group commit (the technique of database write-ahead logs, e.g.
 * PostgreSQL's `commit_delay`): `record()` buffers an entry and returns a promise that settles when
 * the INSERT holding it has committed. Entries of concurrent requests share one INSERT: a batch is
 * written `flushMs` after its first entry (a few milliseconds), or at once when it holds `batchSize`
 * entries; while one batch is being written, the next one gathers. Each audited response waits for
 * its own batch (server/audit), so an entry is durable before the caller reads the answer — a crash
 * can lose only requests whose answers were never sent — and signed-in traffic pays one commit per
 * batch, not one per request.
 *
 * A failed batch resolves its waiters with `false` (their requests are refused) and stays buffered:
 * it is retried with backoff, so the attempts are still recorded once the store is back.
 */
import type { AuditEntry, AuditRepository } from '../services/ports.ts';

export interface AuditLogOptions {
  /** entries per INSERT; a full batch is written at once (default 100) */
  batchSize?: number;
  /** how long the first entry of a batch waits for others to join it (default 2 ms) */
  flushMs?: number;
  /** the buffer's cap while the store is unreachable; the oldest entries go first (default 100,000) */
  maxBuffered?: number;
  log?: (msg: string) => void;
}

interface Pending {
  entry: AuditEntry;
  /** settles the request waiting for this entry; absent once it has been told (a retried entry) */
  done?: (committed: boolean) => void;
}

/** The group-commit writer. `flush()` and `close()` never reject: a failed batch stays buffered and is retried. */
export class AuditLog {
  private buffer: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** the retry of a failed batch; new entries do not wait for it (their requests would hang while the store is down) */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private failing = false;
  /** the retry delay after a failed write: doubles up to a minute, back to 100 ms after a success */
  private retryMs: number;
  /** entries dropped because the buffer was full (store unreachable for a long time) */
  dropped = 0;
  /** batches written, and entries in them: their ratio is the group size under load */
  batches = 0;
  written = 0;
  readonly batchSize: number;
  readonly flushMs: number;
  readonly maxBuffered: number;
  private readonly log: (msg: string) => void;

  constructor(
    private readonly writer: Pick<AuditRepository, 'insert'>,
    opts: AuditLogOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 100;
    this.flushMs = opts.flushMs ?? 2;
    this.maxBuffered = opts.maxBuffered ?? 100_000;
    this.log = opts.log ?? ((msg) => process.stderr.write(`${msg}\n`));
    this.retryMs = Math.max(this.flushMs, 100);
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** false while the last write failed: callers that have a slower but complete path take it */
  get healthy(): boolean {
    return !this.failing;
  }

  /** Buffers `entry`; resolves `true` once it is committed, `false` if its batch could not be written. */
  record(entry: AuditEntry): Promise<boolean> {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer.shift()!.done?.(false);
      this.dropped++;
    }
    const committed = new Promise<boolean>((done) => this.buffer.push({ entry, done }));
    if (this.buffer.length >= this.batchSize) void this.flush();
    else this.schedule();
    return committed;
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = undefined;
  }

  /** A flush after `ms`; unref: a pending audit write must not keep a finished process (or test worker) alive. */
  private flushLater(ms: number, clear: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      clear();
      void this.flush();
    }, ms);
    timer.unref?.();
    return timer;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = this.flushLater(this.flushMs, () => (this.timer = undefined));
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = this.flushLater(this.retryMs, () => (this.retryTimer = undefined));
    this.retryMs = Math.min(this.retryMs * 2, 60_000);
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await this.writer.insert(batch.map((p) => p.entry));
        this.batches++;
        this.written += batch.length;
        for (const p of batch) p.done?.(true);
        this.failing = false;
        this.retryMs = Math.max(this.flushMs, 100);
      } catch (error) {
        for (const p of batch) p.done?.(false);
        this.buffer.unshift(...batch.map((p) => ({ entry: p.entry })));
        if (!this.failing)
          this.log(`audit: no se pudo escribir el registro (${(error as Error).message}); se reintentará`);
        this.failing = true;
        this.scheduleRetry();
        return;
      }
    }
  }
}

export function createAuditLog(writer: Pick<AuditRepository, 'insert'>, opts?: AuditLogOptions): AuditLog {
  return new AuditLog(writer, opts);
}
