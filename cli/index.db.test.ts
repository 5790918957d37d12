import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../tests/harness/stores.ts';
import { isStoreEmpty } from '../etl/bundled.ts';
import { runCommand } from './index.ts';

const damaged = join(import.meta.dirname, '../etl/official/fixtures/ssc_points_damaged.csv');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

describeEachBackend(
  'etl cli',
  (getStore) => {
    it('answers usage errors with exit code 2 and a message on stderr', async () => {
      for (const argv of [
        [],
        ['nope'],
        ['import'],
        ['import', damaged],
        ['import', damaged, '--format', 'xyz'],
        ['import', '/no/such/file.csv', '--format', 'ssc_points'],
        ['import-bundled', 'extra'],
      ]) {
        const c = capture();
        expect(await runCommand(argv, { store: getStore(), io: c.io }), argv.join(' ')).toBe(2);
        expect(c.out).toEqual([]);
        expect(c.err.join('')).toMatch(/uso:/);
      }
    });

    it('token create refuses an unknown territory (exit 2, no token printed or stored)', async () => {
      const tokens = async () =>
        (
          await getStore()
            .db.selectFrom('api_tokens')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const before = Number(await tokens());
      const bad = capture();
      expect(
        await runCommand(['token', 'create', '--role', 'mesa', '--name', 'x', '--territory', '99999'], {
          store: getStore(),
          io: bad.io,
        }),
      ).toBe(2);
      expect(bad.out).toEqual([]);
      expect(bad.err.join('')).toMatch(/99999/);
      expect(Number(await tokens())).toBe(before);
      // this store holds no areas: a token without territory is still created
      const ok = capture();
      expect(
        await runCommand(['token', 'create', '--role', 'admin', '--name', 'x'], { store: getStore(), io: ok.io }),
      ).toBe(0);
      expect(ok.out.join('')).toMatch(/^mc_/);
      expect(Number(await tokens())).toBe(before + 1);
    });

    it('imports a file and prints the report as JSON on stdout', async () => {
      expect(await isStoreEmpty(getStore())).toBe(true);
      const c = capture();
      expect(await runCommand(['import', damaged, '--format', 'ssc_points'], { store: getStore(), io: c.io })).toBe(0);
      const report = JSON.parse(c.out.join(''));
      expect([report.rows, report.inserted, report.quarantined]).toEqual([12, 8, 4]);
      expect(await isStoreEmpty(getStore())).toBe(false);
    });
  },
  { contents: 'empty' },
);
