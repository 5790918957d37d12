/**
 * Tests from a plain clone: a test that reads `../shared/data` (directly or through the news test
 * support) must ask `sharedDataMissing` first, so that without the folder it skips with a reason
 * instead of failing. The helper itself is checked on a temporary folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { sharedDataMissing } from '../support/shared-data.ts';

/** What reads the shared folder: the constant itself and the support modules built on it. */
const READS_SHARED =
  /\bSHARED_DATA_DIR\b|\bNEWS_PAGES_DIR\b|\bstartNewsServer\(\{\s*articles:\s*[A-Z]|\breadNewsSample\(|\bsameEventFeed\(/;
const CODE_DIRS = ['core', 'geo', 'reference', 'etl', 'cli', 'eval', 'db', 'server', 'tests', 'bench', 'web/src'];

function testFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('tests that need ../shared/data', () => {
  it('ask sharedDataMissing before reading it', () => {
    const files = CODE_DIRS.flatMap((d) => testFiles(join(REPO_ROOT, d)));
    expect(files.length).toBeGreaterThan(50); // the walk found the tests
    const readers = files.filter((f) => READS_SHARED.test(readFileSync(f, 'utf8')));
    // the news tests read the saved pages: the pattern does find readers
    expect(readers.map((f) => relative(REPO_ROOT, f))).toContain('etl/news/listing/index.test.ts');
    const unguarded = readers
      .filter((f) => !readFileSync(f, 'utf8').includes('sharedDataMissing('))
      .map((f) => relative(REPO_ROOT, f));
    expect(unguarded).toEqual([]);
  });
});

describe('sharedDataMissing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-shared-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'news-pages'));
  writeFileSync(join(dir, 'news-pages', 'a.html'), '<p>x</p>');

  it('says nothing when every path is there', () => {
    const lines: string[] = [];
    expect(
      sharedDataMissing(['news-pages', 'news-pages/a.html'], { dir, required: false, warn: (l) => lines.push(l) }),
    ).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it('gives one line naming the missing path when one is absent', () => {
    const lines: string[] = [];
    const reason = sharedDataMissing(['news-pages', 'transit/stops.txt'], {
      dir,
      required: false,
      warn: (l) => lines.push(l),
    });
    expect(reason).toMatch(/^skipped: needs \.\.\/shared\/data\/transit\/stops\.txt /);
    expect(reason).not.toContain('news-pages');
    expect(lines).toEqual([reason]);
  });

  it('throws instead when shared data is required (CI)', () => {
    expect(() => sharedDataMissing(['nothing-here'], { dir, required: true, warn: () => {} })).toThrow(
      /nothing-here.*TEST_REQUIRE_SHARED_DATA=1/,
    );
  });
});
