/**
 * The scheduler on a hand-driven clock: no test waits for real time. Jobs here are small closures
 * that record what ran; the jobs against a real feed and store are in etl/jobs/index.db.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { everyJob, memoryLastRuns, Scheduler, type Clock, type Job } from '../jobs/scheduler.ts';
import { dueSources, newsJob } from './schedule.ts';
import { parseNewsConfig } from './sources/index.ts';

const MIN = 60_000;

/** A clock whose time moves only when the test says so; its timer fires only on `fire()`. */
function manualClock(start = Date.parse('2026-01-05T12:00:00Z')) {
  let t = start;
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const clock: Clock = {
    now: () => new Date(t),
    setInterval: (fn, ms) => {
      timers.set(next, { fn, ms });
      return next++;
    },
    clearInterval: (h) => void timers.delete(h as number),
  };
  return {
    clock,
    advance: (ms: number) => void (t += ms),
    fire: () => [...timers.values()].forEach((x) => x.fn()),
    timers,
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const config = parseNewsConfig({
  schedule: { enabled: true, intervalMinutes: 60 },
  sources: [
    { id: 'hourly', outlet: 'A', kind: 'feed', url: 'http://127.0.0.1:1/a.xml' },
    { id: 'fast', outlet: 'B', kind: 'feed', url: 'http://127.0.0.1:1/b.xml', intervalMinutes: 15 },
    { id: 'off', outlet: 'C', kind: 'feed', url: 'http://127.0.0.1:1/c.xml', enabled: false },
  ],
});

describe('dueSources', () => {
  it('is every enabled source at first, then each on its own interval', () => {
    const runs = memoryLastRuns();
    const t0 = new Date('2026-01-05T12:00:00Z');
    const ids = (at: number) => dueSources(config, runs, new Date(t0.getTime() + at)).map((s) => s.id);
    expect(ids(0)).toEqual(['hourly', 'fast']);
    runs.set(['hourly', 'fast'], t0);
    expect(ids(14 * MIN)).toEqual([]);
    expect(ids(15 * MIN)).toEqual(['fast']);
    expect(ids(60 * MIN)).toEqual(['hourly', 'fast']);
  });
});

describe('Scheduler', () => {
  it('runs due jobs in order, one at a time, and logs an error without stopping the others', async () => {
    const { clock } = manualClock();
    const ran: string[] = [];
    const lines: string[] = [];
    const jobs: Job[] = [
      {
        name: 'falla',
        due: () => true,
        run: async () => {
          ran.push('falla');
          throw new Error('sin red');
        },
      },
      {
        name: 'bien',
        due: () => true,
        run: async () => {
          ran.push('bien');
          return 'hecho';
        },
      },
      { name: 'nunca', due: () => false, run: async () => void ran.push('nunca') },
    ];
    await new Scheduler({ jobs, clock, log: (l) => lines.push(l) }).tick();
    expect(ran).toEqual(['falla', 'bien']);
    expect(lines).toEqual(['falla: error: sin red', 'bien: hecho']);
  });

  it('never overlaps: a tick while a job runs is skipped', async () => {
    const { clock, fire } = manualClock();
    const gate = deferred();
    let started = 0;
    const s = new Scheduler({
      jobs: [
        {
          name: 'lento',
          due: () => true,
          run: async () => {
            started++;
            await gate.promise;
          },
        },
      ],
      clock,
      tickMs: MIN,
    });
    const first = s.start();
    fire();
    fire();
    expect(started).toBe(1);
    expect(s.skipped).toBe(2);
    gate.resolve();
    await first;
    fire();
    expect(started).toBe(2);
  });

  it('stop() waits for the job in flight, clears the timer and runs nothing more', async () => {
    const { clock, fire, timers } = manualClock();
    const gate = deferred();
    let finished = 0;
    let started = 0;
    const s = new Scheduler({
      jobs: [
        {
          name: 'j',
          due: () => true,
          run: async () => {
            started++;
            await gate.promise;
            finished++;
          },
        },
      ],
      clock,
    });
    void s.start();
    expect(timers.size).toBe(1);
    const stopped = s.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    gate.resolve();
    await stopped;
    expect(finished).toBe(1);
    expect(timers.size).toBe(0);
    fire();
    await s.tick();
    expect(started).toBe(1);
  });
});

describe('everyJob', () => {
  it('runs at start and then once per period', async () => {
    const { clock, advance } = manualClock();
    const at: number[] = [];
    const job = everyJob('diario', 24 * 60 * MIN, async (now) => void at.push(now.getTime()));
    const s = new Scheduler({ jobs: [job], clock });
    const t0 = clock.now().getTime();
    await s.tick();
    advance(23 * 60 * MIN);
    await s.tick();
    advance(60 * MIN);
    await s.tick();
    expect(at.map((t) => (t - t0) / MIN)).toEqual([0, 24 * 60]);
  });
});

describe('newsJob', () => {
  it('hands the due sources to the runner and records them only after the pass completes', async () => {
    const { clock, advance } = manualClock();
    const runs = memoryLastRuns();
    const passes: string[][] = [];
    let fail = true;
    const job = newsJob(
      config,
      async (sources) => {
        passes.push(sources.map((s) => s.id));
        if (fail) throw new Error('feed caído');
        return { fetched: 0, articles: 0, incidents: 0, duplicates: 0, unplaced: 0, errors: 0, sources: [] };
      },
      runs,
    );
    const lines: string[] = [];
    const s = new Scheduler({ jobs: [job], clock, log: (l) => lines.push(l) });
    await s.tick(); // fails: nothing recorded, so still due
    fail = false;
    await s.tick();
    advance(15 * MIN);
    await s.tick();
    advance(5 * MIN);
    await s.tick(); // nothing due
    expect(passes).toEqual([['hourly', 'fast'], ['hourly', 'fast'], ['fast']]);
    expect(lines[0]).toBe('noticias: error: feed caído');
  });
});
