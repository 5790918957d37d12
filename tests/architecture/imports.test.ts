/**
 * The import graph's rules, checked on the real source tree with dpdm (type imports count, as they
 * do for the reader): no import cycles anywhere; the server reaches the store only through its
 * services construction (server/services/); geo/ and core/ are pure (they import each other — core's
 * taxonomy folds text with geo/text — and nothing else of the project); db/ imports nothing of etl/, server/, reference/ or cli/.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCircular, parseDependencyTree, shortenTree, type DependencyTree } from 'dpdm';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The same file set as `npm run check:cycles`. */
const SOURCE_GLOBS = ['core', 'geo', 'reference', 'db', 'etl', 'cli', 'server', 'web/src'].map(
  (dir) => `${dir}/**/*.ts`,
);

let tree: DependencyTree;

beforeAll(async () => {
  // transform: false keeps `import type` edges (a type-only cycle still ties the modules together)
  const parsed = await parseDependencyTree(SOURCE_GLOBS, { context: repoRoot, cwd: repoRoot, transform: false });
  tree = shortenTree(repoRoot, parsed);
}, 120_000);

/** `[importer, imported]` pairs between project files (packages and unresolved requests left out). */
function projectImports(): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, deps] of Object.entries(tree)) {
    if (!deps || file.includes('node_modules')) continue;
    for (const d of deps) if (d.id && !d.id.includes('node_modules')) out.push([file, d.id]);
  }
  return out;
}

const isTest = (file: string) => /\.test\.ts$/.test(file);
const under = (file: string, dir: string) => file.startsWith(`${dir}/`);

describe('import graph', () => {
  it('parses the whole source tree', () => {
    // a guard against a glob that silently matches nothing: these files exist and import others
    for (const file of ['server/app.ts', 'db/connect.ts', 'core/taxonomy/index.ts', 'web/src/api/client.ts'])
      expect(tree[file]?.length ?? 0).toBeGreaterThan(0);
  });

  it('has no import cycles (type imports included)', () => {
    const cycles = parseCircular(tree).map((c) => c.join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('lets only server/services/ import the store (db/)', () => {
    const offending = projectImports().filter(
      ([from, to]) => under(from, 'server') && !under(from, 'server/services') && !isTest(from) && under(to, 'db'),
    );
    expect(offending).toEqual([]);
  });

  it('keeps core/ and geo/ pure: nothing of the project outside the two of them', () => {
    const pure = (file: string) => under(file, 'core') || under(file, 'geo');
    const offending = projectImports().filter(([from, to]) => !isTest(from) && pure(from) && !pure(to));
    expect(offending).toEqual([]);
  });

  it('keeps db/ below the layers that use it: no etl/, server/, reference/ or cli/', () => {
    const offending = projectImports().filter(
      ([from, to]) =>
        under(from, 'db') && !isTest(from) && ['etl', 'server', 'reference', 'cli'].some((dir) => under(to, dir)),
    );
    expect(offending).toEqual([]);
  });
});
