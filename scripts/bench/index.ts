// `npm run bench`: the portal's performance figures against a production build and the local pool,
// printed as one table (and written to bench-results.json). Figures, not assertions: each budget
// says whether it holds, and the machine's core count and load are printed beside the table,
// because on a busy machine the figures are rough. Takes a few minutes.
//
//   npm run bench                      # BENCH_PORTAL_PORT (default 3200) moves the portal
//   npm run bench -- --busy            # the same with one CPU-bound process running throughout
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, signIn } from './browser';
import { measureClientJs } from './client-js';
import { BenchCognito } from './cognito';
import { PoolControl, startEnvironment, type BenchEnvironment } from './environment';
import { measureLighthouse } from './lighthouse';
import { measureMemory } from './memory';
import { startBusyProcess } from './processes';
import { formatTable, machine, notMeasured, type Figure } from './report';
import { measureServerActions } from './server-actions';
import { measureServerRender } from './server-render';
import { measureThroughput } from './throughput';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.BENCH_PORTAL_PORT ?? 3200);
const PASSKEYS = 20;
const DEVICES = 60;
const BUSY = process.argv.includes('--busy');

const step = (message: string) => process.stderr.write(`bench: ${message}\n`);

let failures = 0;

/** Runs one measurement; a failure becomes a "not measured" line rather than ending the bench. */
async function attempt(section: string, what: string, measure: () => Promise<Figure[]>): Promise<Figure[]> {
  step(what);
  const started = Date.now();
  try {
    const figures = await measure();
    step(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return figures;
  } catch (error) {
    failures += 1;
    step(`  FAILED: ${(error as Error).stack ?? error}`);
    return [notMeasured(section, what, (error as Error).message.split('\n')[0])];
  }
}

async function main() {
  const before = machine();
  step(`starting the local pool and the production portal on port ${PORT} (builds first if the sources changed)…`);
  const env: BenchEnvironment = await startEnvironment(root, PORT);
  // After the build (which is not measured), before everything that is.
  const busy = BUSY ? startBusyProcess() : null;
  if (busy) step(`--busy: one CPU-bound process (pid ${busy.pid}) runs until the bench ends`);
  const stopOnSignal = () => void env.stop().then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    const control = new PoolControl(env);
    const cognito = new BenchCognito(env.pool);

    // The measured user: 20 passkeys (through the real API, made by a software authenticator) and
    // 60 devices (the sign-in's own, plus seeded ones through the control API).
    step(`signing in a user and giving them ${PASSKEYS} passkeys and ${DEVICES} devices…`);
    const account = await control.createUser(`bench-${Date.now().toString(36)}`);
    const user = await signIn(browser, env, account);
    await cognito.seedPasskeys(user.accessToken, env.portalUrl, PASSKEYS);
    await control.seedDevices(account.username, DEVICES - (await control.user(account.username)).devices.length);
    const seeded = await control.user(account.username);
    if (seeded.credentials.length !== PASSKEYS || seeded.devices.length !== DEVICES) {
      throw new Error(`Seeding gave ${seeded.credentials.length} passkeys and ${seeded.devices.length} devices.`);
    }
    // Server actions add and delete passkeys: a user of their own, so the measured page stays as it is.
    const actionsAccount = await control.createUser(`bench-actions-${Date.now().toString(36)}`);
    const actionsUser = await signIn(browser, env, actionsAccount);

    figures.push(...(await attempt('Client JS /security', 'client JavaScript of /security', () => measureClientJs(browser, env, user))));
    figures.push(...(await attempt('Server render /security', 'server render of /security with 50 ms per pool call', () => measureServerRender(env, control, cognito, user))));
    figures.push(...(await attempt('Throughput /security', 'throughput at 10 and 50 connections (portal, framework floor, minimal server)', () => measureThroughput(env, user))));
    figures.push(...(await attempt('Memory', 'portal RSS after the throughput runs and over 10,000 requests', () => measureMemory(env, user))));
    figures.push(...(await attempt('Lighthouse /security', 'Lighthouse on /security', () => measureLighthouse(env, user, { runs: 3 }))));
    figures.push(...(await attempt('Server actions', 'server actions: add-passkey start/complete and delete', () => measureServerActions(env, cognito, actionsUser))));
  } catch (error) {
    failures += 1;
    throw error;
  } finally {
    busy?.stop();
    await browser.close();
    await env.stop({ keepLog: failures > 0 });
    if (failures > 0) step(`the pool's and portal's output is in ${env.logFile}`);
  }

  const after = machine();
  const load = (m: ReturnType<typeof machine>) => `${m.loadAverage['1m'].toFixed(2)} / ${m.loadAverage['5m'].toFixed(2)} / ${m.loadAverage['15m'].toFixed(2)}`;
  const header = [
    `Machine: ${after.cores} cores (${after.cpu}), Node ${after.node}; load average (1/5/15 min) ${load(before)} before, ${load(after)} after.`,
    BUSY ? 'Run with --busy: one CPU-bound process kept one core busy from the seeding to the end.' : 'Run without --busy.',
    'Figures from one run on this machine, beside whatever else it was doing: rough, not assertions.',
  ].join('\n');
  process.stdout.write(`\n${header}\n\n${formatTable(figures)}\n`);
  const missed = figures.filter((f) => f.holds === false).map((f) => `${f.section}: ${f.name}`);
  if (missed.length) process.stdout.write(`\nBudgets not held: ${missed.join('; ')}\n`);
  const file = join(root, 'bench-results.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), busy: BUSY, machine: { before, after }, figures }, null, 2)}\n`);
  process.stdout.write(`\nWritten to ${file}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
