/**
 * The attacker's arithmetic for the privacy attack suite (tests/privacy): what a person with
 * unlimited public requests knows about a true count from a published figure, and how many
 * withheld values a differencing attack pins down. The attacker knows the policy's rules — the
 * code is public — so under the cell-key method it knows the perturbation table (not the keys):
 * a published figure p tells only that the true count lies in the set of counts the table can
 * publish as p. Truths come from the exact (admin) answer to the same request.
 */
import { KEY_RANGE, perturb } from '../../server/policy/cell-key.ts';
import type { DisclosureRule } from '../../server/policy/index.ts';

/** A closed interval of possible true counts. */
export type Interval = readonly [number, number];

/** The true counts a one-month public figure (null: withheld) can stand for. */
export function monthPreimage(rule: DisclosureRule, k: number, figure: number | null): Interval {
  if (rule === 'suppression') return figure === null ? [1, k - 1] : [figure, figure];
  if (figure === null) throw new Error('the cell-key method withholds only embargoed months');
  // every count whose row can publish `figure` (rows only reach ± k, so a window of ± (k + 2) is enough)
  let lo = Infinity;
  let hi = -Infinity;
  for (let n = Math.max(0, figure - k - 2); n <= figure + k + 2; n++) {
    for (let key = 0; key < KEY_RANGE; key++) {
      if (perturb(n, key, k) === figure) {
        lo = Math.min(lo, n);
        hi = Math.max(hi, n);
        break;
      }
    }
  }
  return [lo, hi];
}

/** One differencing attack on one withheld value: target = parent − Σ others. */
export interface Differencing {
  /** the exact count the attacker wants (from the admin answer), 1 … k−1 */
  truth: number;
  /** the target's own public figure */
  target: number | null;
  parent: number | null;
  others: readonly (number | null)[];
}

export interface AttackTally {
  /** withheld values attacked (true counts 1 … k−1) */
  attacked: number;
  /** recovered exactly with certainty: the attacker's interval is one value, the true one */
  certain: number;
  /** the attacker's best guess (the difference, clamped to what is possible) equals the truth */
  guessedRight: number;
  /** a guess from the public distribution alone (always the most common withheld value) equals the truth */
  baselineRight: number;
}

/**
 * Interval arithmetic of a differencing attack: the target lies in
 * [lo(parent) − Σ hi(others), hi(parent) − Σ lo(others)] ∩ preimage(target) ∩ [0, ∞).
 */
export function attackInterval(rule: DisclosureRule, k: number, d: Differencing): Interval {
  const pre = (f: number | null) => monthPreimage(rule, k, f);
  const [pLo, pHi] = pre(d.parent);
  let lo = pLo;
  let hi = pHi;
  for (const o of d.others) {
    const [oLo, oHi] = pre(o);
    lo -= oHi;
    hi -= oLo;
  }
  const [tLo, tHi] = pre(d.target);
  return [Math.max(lo, tLo, 0), Math.min(hi, tHi)];
}

/** Tallies a batch of differencing attacks (see `AttackTally`). */
export function tallyAttacks(rule: DisclosureRule, k: number, attacks: readonly Differencing[]): AttackTally {
  const small = attacks.filter((a) => a.truth > 0 && a.truth < k);
  const freq = new Map<number, number>();
  for (const a of small) freq.set(a.truth, (freq.get(a.truth) ?? 0) + 1);
  const mode = [...freq].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
  let certain = 0;
  let guessedRight = 0;
  for (const a of small) {
    const [lo, hi] = attackInterval(rule, k, a);
    if (lo === hi && lo === a.truth) certain++;
    const point = (a.parent ?? 0) - a.others.reduce<number>((s, o) => s + (o ?? 0), 0);
    const guess = lo > hi ? point : Math.min(Math.max(point, lo), hi);
    if (guess === a.truth) guessedRight++;
  }
  return { attacked: small.length, certain, guessedRight, baselineRight: freq.get(mode) ?? 0 };
}

/**
 * The rules a public figure obeys under the cell-key method, written out from docs/privacy.md
 * (not from the code): a month with no incidents is published as 0; no month is published as
 * 1 … k−1; |published − true| ≤ 2 for a count above k, ≤ k for a count up to k (it may become 0).
 */
export const DOCUMENTED_MAX_NOISE = 2;

/** The largest |published − true| a month with `n` incidents may show. */
export function monthNoiseBound(n: number, k: number): number {
  if (n <= 0) return 0;
  return n <= k ? k : DOCUMENTED_MAX_NOISE;
}

/** Why one month's public `figure` breaks the rules for a true count `n`, or null when it keeps them. */
export function monthViolation(figure: number | null, n: number, k: number): string | null {
  if (figure === null) return `withheld (null) for a true count of ${n}`;
  if (!Number.isInteger(figure) || figure < 0) return `not a count: ${figure}`;
  if (figure > 0 && figure < k) return `published ${figure}, a value in 1 … ${k - 1}`;
  if (Math.abs(figure - n) > monthNoiseBound(n, k))
    return `published ${figure} for a true count of ${n}: beyond ± ${monthNoiseBound(n, k)}`;
  return null;
}

/**
 * Why a public figure over several months (the sum of the published months) breaks the rules for
 * the true monthly counts `months`, or null: within the sum of the monthly bounds of their total,
 * 0 when every month had none.
 */
export function windowViolation(figure: number | null, months: readonly number[], k: number): string | null {
  if (figure === null) return `withheld (null) for true counts ${months.join(', ')}`;
  const total = months.reduce((s, n) => s + n, 0);
  const bound = months.reduce((s, n) => s + monthNoiseBound(n, k), 0);
  if (!Number.isInteger(figure) || figure < 0) return `not a count: ${figure}`;
  if (Math.abs(figure - total) > bound)
    return `published ${figure} for true counts ${months.join(', ')} (total ${total}): beyond ± ${bound}`;
  return null;
}
