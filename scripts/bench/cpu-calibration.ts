/**
 * Lighthouse's mobile CPU throttling calibrated to the machine it runs on, as Lighthouse's
 * docs/throttling.md ("Calibrating the CPU slowdown") describes: its default 4× slowdown assumes a
 * high-end desktop (benchmarkIndex 1500–2000) and turns it into a mid-tier phone; a weaker or
 * busier machine (lower benchmarkIndex) needs less to land on the same phone, a stronger one more.
 * The doc's table suggests, for a mid-tier-mobile target, 1× from a mid-tier phone (up to 800),
 * 2× from a low-end desktop (1000–1500) and 4× from a high-end desktop (1500–2000), higher in a
 * bracket for a higher index: here the multiplier is interpolated linearly between those
 * suggestions placed at the brackets' middles (800 → 1×, 1250 → 2×, 1750 → 4×), continued with the
 * last slope above 1750, and kept within the doc's overall range of 1×–10×.
 */
const ANCHORS: readonly (readonly [index: number, multiplier: number])[] = [
  [800, 1],
  [1250, 2],
  [1750, 4],
];
const MAX_MULTIPLIER = 10;

export function cpuSlowdownFor(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) throw new RangeError(`benchmarkIndex must be a positive number (got ${benchmarkIndex})`);
  if (benchmarkIndex <= ANCHORS[0][0]) return 1;
  let segment = ANCHORS.findIndex(([index]) => benchmarkIndex <= index);
  if (segment === -1) segment = ANCHORS.length - 1; // beyond the last anchor: continue its slope
  const [[x0, y0], [x1, y1]] = [ANCHORS[segment - 1], ANCHORS[segment]];
  const multiplier = y0 + ((benchmarkIndex - x0) * (y1 - y0)) / (x1 - x0);
  return Math.min(MAX_MULTIPLIER, Math.round(multiplier * 100) / 100);
}
