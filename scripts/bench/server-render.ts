import type { SignedInUser } from './browser';
import type { BenchCognito } from './cognito';
import type { BenchEnvironment, PoolControl } from './environment';
import type { Figure } from './report';
import { median, p95, round, timed } from './stats';

export const RENDER_RATIO_BUDGET = 1.2;
const ms = (value: number) => `${round(value)} ms`;

/** GET a page with the session and read the whole (streamed) HTML; throws unless it rendered signed in. */
export async function fetchFullPage(env: BenchEnvironment, user: SignedInUser, path: string): Promise<string> {
  const response = await fetch(`${env.portalUrl}${path}`, { headers: { cookie: user.cookie }, redirect: 'manual' });
  const html = await response.text();
  if (response.status !== 200 || !html.includes('Your security settings') || !html.trimEnd().endsWith('</html>')) {
    throw new Error(`${path} answered ${response.status} ${response.headers.get('location') ?? ''}: not the signed-in page.`);
  }
  return html;
}

/** GET a page that makes no Cognito call (the home page), signed in, and read all of it. */
async function fetchPlainPage(env: BenchEnvironment, user: SignedInUser): Promise<void> {
  const response = await fetch(`${env.portalUrl}/`, { headers: { cookie: user.cookie }, redirect: 'manual' });
  await response.text();
  if (response.status !== 200) throw new Error(`/ answered ${response.status}.`);
}

/**
 * Time to the full HTML of /security (both sections streamed in) with `latencyMs` injected into every
 * pool call, against the same two SDK calls the page makes (ListWebAuthnCredentials, ListDevices)
 * timed from the bench's process in the same run (one after the other, and both started together
 * as the page starts them), interleaved with the page loads so both see the same machine, through
 * a client set up as the portal's and kept warm the same way. The ratio is the page's median over
 * the slower call's median: 1.0 would mean the page costs nothing beyond waiting for its slowest
 * call (the two run in parallel); "both together" shows what running them side by side adds, and
 * the home page (signed in, no Cognito call) what any page of the portal costs on this machine.
 */
export async function measureServerRender(
  env: BenchEnvironment,
  control: PoolControl,
  cognito: BenchCognito,
  user: SignedInUser,
  { iterations = 30, latencyMs = 50 } = {},
): Promise<Figure[]> {
  await control.setFaults({ '*': { latencyMs } });
  try {
    for (let i = 0; i < 3; i += 1) {
      await fetchFullPage(env, user, '/security');
      await cognito.timeListCalls(user.accessToken);
      await cognito.timeBothLists(user.accessToken);
      await fetchPlainPage(env, user);
    }
    const page: number[] = [];
    const calls = { ListWebAuthnCredentials: [] as number[], ListDevices: [] as number[] };
    const together: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < iterations; i += 1) {
      page.push((await timed(() => fetchFullPage(env, user, '/security'))).ms);
      const sdk = await cognito.timeListCalls(user.accessToken);
      calls.ListWebAuthnCredentials.push(sdk.ListWebAuthnCredentials);
      calls.ListDevices.push(sdk.ListDevices);
      together.push(await cognito.timeBothLists(user.accessToken));
      plain.push((await timed(() => fetchPlainPage(env, user))).ms);
    }
    const [slowestName, slowest] = (Object.entries(calls) as [string, number[]][]).map(([name, samples]) => [name, median(samples)] as const).sort((a, b) => b[1] - a[1])[0];
    const ratio = median(page) / slowest;
    const section = `Server render /security (${latencyMs} ms per pool call)`;
    return [
      { section, name: 'full HTML, median / p95', value: `${ms(median(page))} / ${ms(p95(page))}`, data: { samples: page } },
      ...Object.entries(calls).map(([name, samples]) => ({
        section,
        name: `SDK ${name} alone, median / p95`,
        value: `${ms(median(samples))} / ${ms(p95(samples))}`,
        data: { samples },
      })),
      { section, name: 'SDK both lists started together, median / p95', value: `${ms(median(together))} / ${ms(p95(together))}`, data: { samples: together } },
      { section, name: 'home page (no Cognito call), median / p95', value: `${ms(median(plain))} / ${ms(p95(plain))}`, data: { samples: plain } },
      {
        section,
        name: `ratio page ÷ slowest call (${slowestName}), medians`,
        value: round(ratio, 2).toFixed(2),
        budget: `≤ ${RENDER_RATIO_BUDGET}`,
        holds: ratio <= RENDER_RATIO_BUDGET,
        data: { ratio, slowest: slowestName, iterations },
      },
    ];
  } finally {
    await control.setFaults({});
  }
}
