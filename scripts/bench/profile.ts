// `npm run bench:profile`: where /security's server time goes. Starts the pool and the production
// portal as the bench does, but with the portal under Node's CPU profiler; seeds the bench's user
// (20 passkeys, 60 devices); loads /security (or the pages named) at 10 connections for 20 s each
// (long enough that starting the server, also in the profile, is a small part);
// stops the portal (the profile is written on exit) and prints self time by where the code lives.
//
//   npm run bench:profile                       # /security
//   npm run bench:profile -- /bench/floor /     # other pages, one profile each run
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { launchChromium, signIn } from './browser';
import { BenchCognito } from './cognito';
import { PoolControl, startEnvironment } from './environment';
import { summarizeProfile, type CpuProfile } from './profile-summary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.BENCH_PORTAL_PORT ?? 3200);
const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'portal-profile-'));
  // Every Node process the start script runs writes a profile; the portal's is the largest.
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim();
  const env = await startEnvironment(root, PORT);
  delete process.env.NODE_OPTIONS;
  const browser = await launchChromium();
  let requests = 0;
  try {
    const control = new PoolControl(env);
    const account = await control.createUser(`profile-${Date.now().toString(36)}`);
    const user = await signIn(browser, env, account);
    await new BenchCognito(env.pool).seedPasskeys(user.accessToken, env.portalUrl, 20);
    await control.seedDevices(account.username, 60 - (await control.user(account.username)).devices.length);
    for (const path of paths.length ? paths : ['/security']) {
      const result = await autocannon({ url: `${env.portalUrl}${path}`, connections: 10, duration: 20, headers: { cookie: user.cookie } });
      requests += result.requests.total;
      process.stderr.write(`profile: ${path}: ${result.requests.average} req/s, ${result.non2xx} not 2xx, ${Math.round(result.throughput.average / result.requests.average / 1000)} kB per response\n`);
    }
  } finally {
    await browser.close();
    await env.stop();
  }
  // The portal's profile: the largest that ran the build's server code (a build, if the sources changed, writes its own).
  const [portal] = readdirSync(dir)
    .map((file) => join(dir, file))
    .filter((file) => readFileSync(file, 'utf8').includes('.next/server'))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!portal) throw new Error(`No profile of the portal in ${dir}.`);
  const profile = JSON.parse(readFileSync(portal, 'utf8')) as CpuProfile;
  process.stdout.write(`${summarizeProfile(profile, requests)}\nProfile: ${portal} (open it in Chrome DevTools' Performance panel).\n`);
}

main().catch((error) => {
  process.stderr.write(`profile: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
