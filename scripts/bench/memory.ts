import autocannon from 'autocannon';
import type { SignedInUser } from './browser';
import type { BenchEnvironment } from './environment';
import { portalRssBytes } from './processes';
import type { Figure } from './report';
import { median } from './stats';

const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Growth that levels off. RSS swings by tens of MB as the garbage collector grows and shrinks the
 * heap, so single samples and peaks say little (seen here: 379 → 510 → 379 MB within one run, no
 * leak). A leak lifts even the lows, what stays after collections: so the lowest sample of the
 * run's second half may exceed the first half's median by at most 5 % (or 5 MB, if more). A heap
 * that fills up early and then stays passes; memory that keeps growing does not.
 */
export const LEVEL_OFF = { slackBytes: 5_000_000, slackShare: 0.05 } as const;

/** Whether a series of RSS samples (equal steps of requests, the first taken before them) levels off. */
export function levelsOff(samples: readonly number[]): { firstMedian: number; secondLow: number; holds: boolean } {
  const middle = Math.floor((samples.length - 1) / 2);
  const firstMedian = median(samples.slice(1, middle + 1));
  const secondLow = Math.min(...samples.slice(middle + 1));
  return { firstMedian, secondLow, holds: secondLow - firstMedian <= Math.max(LEVEL_OFF.slackBytes, LEVEL_OFF.slackShare * firstMedian) };
}

/**
 * The portal server's resident memory (RSS, from /proc) right after the throughput runs, then
 * while it serves `total` more requests for /security (10 connections) in `steps` equal steps,
 * sampled after each. A leak shows as growth that does not level off; a heap that fills up to
 * where the garbage collector keeps it shows as early growth that stops.
 */
export async function measureMemory(env: BenchEnvironment, user: SignedInUser, { total = 10_000, steps = 10 } = {}): Promise<Figure[]> {
  const section = 'Memory (portal server RSS)';
  const afterThroughput = portalRssBytes(env.startPid);
  const samples = [afterThroughput];
  for (let i = 0; i < steps; i += 1) {
    const result = await autocannon({ url: `${env.portalUrl}/security`, connections: 10, amount: total / steps, headers: { cookie: user.cookie }, timeout: 30 });
    if (result.non2xx || result.errors || result.timeouts) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts in the ${total}-request run.`);
    samples.push(portalRssBytes(env.startPid));
  }
  const { firstMedian, secondLow, holds } = levelsOff(samples);
  const half = total / 2;
  return [
    { section, name: 'after the throughput runs', value: MB(afterThroughput), data: { bytes: afterThroughput } },
    {
      section,
      name: `growth over ${total.toLocaleString('en')} requests of /security`,
      value: `${MB(samples.at(-1)! - samples[0])} (${samples.map((s) => (s / 1_000_000).toFixed(0)).join(' → ')} MB)`,
      data: { samples },
    },
    {
      section,
      name: `levels off: lowest RSS in the last ${half.toLocaleString('en')} requests vs median of the first ${half.toLocaleString('en')}`,
      value: `${MB(secondLow)} vs ${MB(firstMedian)}`,
      budget: `≤ first + max(${MB(LEVEL_OFF.slackBytes)}, ${LEVEL_OFF.slackShare * 100} %)`,
      holds,
      data: { firstMedian, secondLow },
    },
  ];
}
