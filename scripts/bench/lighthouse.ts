import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath, type SignedInUser } from './browser';
import type { BenchEnvironment } from './environment';
import type { Figure } from './report';
import { cpuSlowdownFor } from './cpu-calibration';
import { median, round } from './stats';

type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { numericValue?: number; displayValue?: string; score: number | null; title: string; details?: { items?: Finding[] } }>;
  configSettings: { formFactor: string; throttlingMethod: string; throttling?: { cpuSlowdownMultiplier?: number } };
  environment?: { benchmarkIndex?: number };
  runtimeError?: { message: string };
};

type Finding = { severity?: string; directive?: string; description?: unknown; node?: { selector?: string; nodeLabel?: string }; score?: number };

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** Best practices' "trust and safety" audits of the headers: informative (no weight), listed for what they find. */
const HEADER_AUDITS = ['csp-xss', 'clickjacking-mitigation', 'origin-isolation', 'has-hsts'] as const;

export type LighthousePreset = 'mobile' | 'desktop';

/** One Lighthouse run through its own CLI, which launches the given Chromium with chrome-launcher. */
function runLighthouse(
  env: BenchEnvironment,
  url: string,
  preset: LighthousePreset,
  chromePath: string,
  headersFile: string,
  outputFile: string,
  cpuSlowdownMultiplier?: number,
): Promise<Report> {
  const cli = join(env.root, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${outputFile}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--extra-headers=${headersFile}`,
    // mobile is Lighthouse's default (no preset); desktop is its own preset.
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ...(cpuSlowdownMultiplier === undefined ? [] : [`--throttling.cpuSlowdownMultiplier=${cpuSlowdownMultiplier}`]),
    // As root, Chromium needs --no-sandbox; new headless is the real browser without a window.
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: env.root, env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${stderr.trim().split('\n').slice(-5).join(' ')}`));
      const report = JSON.parse(readFileSync(outputFile, 'utf8')) as Report;
      if (report.runtimeError) return reject(new Error(`lighthouse: ${report.runtimeError.message}`));
      resolve(report);
    });
  });
}

/** Tries a Lighthouse run again when it fails outright: it sometimes loses its own trace (NO_NAVSTART) and says to run it again. */
async function withRetries<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts) throw error;
      process.stderr.write(`bench:   lighthouse run failed (${(error as Error).message.split('\n')[0]}); running it again\n`);
    }
  }
}

/**
 * Lighthouse on /security, signed in (the session cookie is sent as an extra header), with no
 * injected latency: its mobile run (simulated slow 4G, CPU slowdown calibrated to this machine)
 * and its desktop preset. With several runs per preset, the one with the median performance
 * score is reported, as Lighthouse's own guidance on variability suggests.
 *
 * Calibration (mobile): a first run with Lighthouse's default 4× reports the machine's
 * `benchmarkIndex` as Chromium measures it now, under whatever else is running; the measured runs
 * then use the multiplier its docs suggest for that index (cpu-calibration.ts), so a busy or slow
 * machine stands for the same mid-tier phone as a quiet fast one. The index and the multiplier
 * are printed; the measured runs' own indexes are in bench-results.json.
 */
export async function measureLighthouse(env: BenchEnvironment, user: SignedInUser, { presets = ['mobile', 'desktop'] as LighthousePreset[], runs = 1 } = {}): Promise<Figure[]> {
  const chromePath = chromiumPath() ?? chromium.executablePath();
  const dir = mkdtempSync(join(tmpdir(), 'portal-lighthouse-'));
  const figures: Figure[] = [];
  const url = `${env.portalUrl}/security`;
  try {
    const headersFile = join(dir, 'headers.json');
    writeFileSync(headersFile, JSON.stringify({ Cookie: user.cookie }));
    for (const preset of presets) {
      let multiplier: number | undefined;
      if (preset === 'mobile') {
        const calibration = await withRetries(() => runLighthouse(env, url, preset, chromePath, headersFile, join(dir, 'calibration.json')));
        const index = calibration.environment?.benchmarkIndex;
        if (!index) throw new Error('Lighthouse reported no benchmarkIndex to calibrate its CPU slowdown with.');
        multiplier = cpuSlowdownFor(index);
        figures.push({
          section: 'Lighthouse CPU calibration (mobile)',
          name: 'benchmarkIndex → cpuSlowdownMultiplier',
          value: `${Math.round(index)} → ${multiplier}× (Lighthouse’s default 4× assumes 1500–2000)`,
          data: { benchmarkIndex: index, cpuSlowdownMultiplier: multiplier },
        });
      }
      const reports: Report[] = [];
      for (let i = 0; i < runs; i += 1) {
        reports.push(await withRetries(() => runLighthouse(env, url, preset, chromePath, headersFile, join(dir, `${preset}-${i}.json`), multiplier)));
      }
      figures.push(...figuresOf(reports, preset === 'mobile'));
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scoreOf = (report: Report, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);

function describeFindings(items: Finding[]): string {
  if (items.length === 0) return 'no findings';
  const text = (f: Finding) => [f.severity, f.directive, typeof f.description === 'string' ? f.description : ''].filter(Boolean).join(' ');
  return `${items.length} finding${items.length > 1 ? 's' : ''}: ${text(items[0]).slice(0, 90)}${items.length > 1 ? ' …' : ''}`;
}

/** Names the element whose shift weighs most, so the figure says where to look. */
function withShifts(figure: Figure, report: Report): Figure {
  const shifts = (report.audits['layout-shifts']?.details?.items ?? []).filter((item) => item.node);
  if (shifts.length === 0 || Number(figure.data?.value) < 0.01) return figure;
  const top = shifts[0].node!;
  const selector = (top.selector ?? '').split(' > ').slice(-2).join(' > ');
  const label = `${selector}${top.nodeLabel ? ` “${top.nodeLabel.replace(/\s+/g, ' ').slice(0, 30)}”` : ''}`;
  return { ...figure, value: `${figure.value} (most: ${label})`, data: { ...figure.data, shifts: shifts.map((s) => ({ score: s.score, selector: s.node?.selector, label: s.node?.nodeLabel })) } };
}

function figuresOf(reports: Report[], withHeaderAudits: boolean): Figure[] {
  const middle = median(reports.map((r) => scoreOf(r, 'performance')));
  const report = reports.reduce((best, r) => (Math.abs(scoreOf(r, 'performance') - middle) < Math.abs(scoreOf(best, 'performance') - middle) ? r : best));
  const { formFactor, throttlingMethod, throttling } = report.configSettings;
  const cpu = throttling?.cpuSlowdownMultiplier ?? 1;
  const section = `Lighthouse /security (${formFactor}, ${throttlingMethod} throttling, CPU ${cpu}×${reports.length > 1 ? `, median of ${reports.length}` : ''})`;
  // The audits that cost points in a category (weight > 0 and not passed), to say what to fix.
  const failing = (category: string) =>
    (report.categories[category]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
  const score = (category: (typeof CATEGORIES)[number], min: number): Figure => {
    const value = scoreOf(report, category);
    const costs = value < 100 ? failing(category) : [];
    return {
      section,
      name: category,
      value: costs.length ? `${value} (${costs.slice(0, 4).join(', ')}${costs.length > 4 ? ', …' : ''})` : String(value),
      budget: min === 100 ? '= 100' : `≥ ${min}`,
      holds: value >= min,
      data: { score: value, allRuns: reports.map((r) => scoreOf(r, category)), benchmarkIndexes: reports.map((r) => r.environment?.benchmarkIndex), costsPoints: costs },
    };
  };
  const metric = (id: string, label: string, unit: 'ms' | ''): Figure => {
    const value = report.audits[id]?.numericValue ?? Number.NaN;
    return { section, name: label, value: unit === 'ms' ? `${Math.round(value)} ms` : round(value, 3).toFixed(3), data: { value } };
  };
  const figures = [
    score('performance', 95),
    score('accessibility', 100),
    score('best-practices', 100),
    metric('largest-contentful-paint', 'LCP', 'ms'),
    withShifts(metric('cumulative-layout-shift', 'CLS', ''), report),
    metric('total-blocking-time', 'TBT', 'ms'),
  ];
  if (withHeaderAudits) {
    for (const id of HEADER_AUDITS) {
      const audit = report.audits[id];
      if (audit) figures.push({ section, name: `headers: ${id}`, value: describeFindings(audit.details?.items ?? []), data: { items: audit.details?.items ?? [] } });
    }
  }
  return figures;
}
