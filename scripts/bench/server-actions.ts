import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { SoftAuthenticator } from '@/lib/local-pool/testing/soft-authenticator';
import type { SignedInUser } from './browser';
import type { BenchCognito } from './cognito';
import type { BenchEnvironment } from './environment';
import { notMeasured, type Figure } from './report';
import { median, p95, round, timed } from './stats';

const ACTIONS_FILE = 'app/(site)/security/passkeys/actions.ts';
const NAMES = { start: 'startAddingPasskey', finish: 'finishAddingPasskey', delete: 'deletePasskey' } as const;
const ms = (value: number) => `${round(value)} ms`;

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

/** The action IDs of the Passkeys section's server actions, from the build's server-reference manifest. */
function actionIds(root: string): Partial<Record<keyof typeof NAMES, string>> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  } catch {
    return {};
  }
  const ids: Partial<Record<keyof typeof NAMES, string>> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    for (const [key, name] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) {
      if (entry.filename === ACTIONS_FILE && entry.exportedName === name) ids[key] = id;
    }
  }
  return ids;
}

/**
 * The value an action returned, from its RSC response: row 0 is `{"a": "$@<row>", …}` and that row
 * holds the value as JSON (the rest, after a revalidation, is the re-rendered page).
 */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
  if (typeof head?.a !== 'string') return head?.a;
  const reference = /^\$@([0-9a-f]+)$/.exec(head.a);
  if (!reference) return head.a;
  return JSON.parse(rows.get(reference[1]) ?? 'null', (_key, value) => (value === '$undefined' ? undefined : typeof value === 'string' && value.startsWith('$$') ? value.slice(1) : value));
}

/**
 * Posts to a server action exactly as the browser's router does (Next-Action header, the arguments
 * as React's encodeReply sends plain JSON, same-origin Origin, the session cookie) and reads the
 * whole answer, including the page re-rendered by revalidatePath. Without a Next-Router-State-Tree
 * header the re-render starts at the root layout, a hair more than the browser asks for.
 */
async function callAction(env: BenchEnvironment, user: SignedInUser, id: string, args: unknown[]): Promise<{ result: { ok?: boolean; data?: unknown }; revalidated: boolean }> {
  const body = JSON.stringify(args);
  if (body.includes('"$')) throw new Error('An argument starts with $, which encodeReply would escape; the bench does not.');
  const response = await fetch(`${env.portalUrl}/security`, {
    method: 'POST',
    headers: { accept: 'text/x-component', 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', origin: env.portalUrl, cookie: user.cookie },
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`The action answered ${response.status}.`);
  const result = actionResult(text) as { ok?: boolean; data?: unknown };
  if (result?.ok !== true) throw new Error(`The action did not succeed: ${JSON.stringify(result).slice(0, 300)}`);
  return { result, revalidated: response.headers.has('x-action-revalidated') };
}

/**
 * Add-passkey start and complete, and delete, through the server actions (HTTP POSTs as the page
 * makes them) and as the bare SDK calls, alternately, for a user of their own. The ceremony itself
 * (the person and their authenticator) is not timed: a software authenticator answers at once.
 * Overhead = the action's median − the median of the SDK calls it waits for: its own call, plus,
 * when it revalidates /security, the page's list calls (run in parallel, so the slower one).
 */
export async function measureServerActions(env: BenchEnvironment, cognito: BenchCognito, user: SignedInUser, { iterations = 15 } = {}): Promise<Figure[]> {
  const ids = actionIds(env.root);
  const section = 'Server actions (0 ms per pool call)';
  const missing = (Object.keys(NAMES) as (keyof typeof NAMES)[]).filter((key) => !ids[key]);
  if (missing.length > 0) {
    return missing.map((key) => notMeasured(section, NAMES[key], `no server action ${NAMES[key]} in ${ACTIONS_FILE} in this build`));
  }
  const authenticator = new SoftAuthenticator({ origin: env.portalUrl });
  const sdk = { start: [] as number[], finish: [] as number[], delete: [] as number[], lists: [] as number[] };
  const action = { start: [] as number[], finish: [] as number[], delete: [] as number[] };
  const revalidates = { start: false, finish: false, delete: false };

  for (let i = -2; i < iterations; i += 1) {
    // The SDK calls alone.
    const options = await timed(() => cognito.startRegistration(user.accessToken));
    const credential = authenticator.register(options.value);
    const complete = await timed(() => cognito.completeRegistration(user.accessToken, credential));
    const remove = await timed(() => cognito.deleteCredential(user.accessToken, credential.id));
    const lists = await cognito.timeListCalls(user.accessToken);

    // The same through the actions.
    const start = await timed(() => callAction(env, user, ids.start!, []));
    const created: RegistrationResponseJSON = authenticator.register(start.value.result.data as Parameters<SoftAuthenticator['register']>[0]);
    const finish = await timed(() => callAction(env, user, ids.finish!, [created]));
    const del = await timed(() => callAction(env, user, ids.delete!, [created.id]));
    if (i < 0) continue; // warm-up
    sdk.start.push(options.ms);
    sdk.finish.push(complete.ms);
    sdk.delete.push(remove.ms);
    sdk.lists.push(Math.max(lists.ListWebAuthnCredentials, lists.ListDevices));
    action.start.push(start.ms);
    action.finish.push(finish.ms);
    action.delete.push(del.ms);
    revalidates.start ||= start.value.revalidated;
    revalidates.finish ||= finish.value.revalidated;
    revalidates.delete ||= del.value.revalidated;
  }

  const rows: [keyof typeof action, string, string][] = [
    ['start', 'add-passkey start', 'StartWebAuthnRegistration'],
    ['finish', 'add-passkey complete', 'CompleteWebAuthnRegistration'],
    ['delete', 'delete passkey', 'DeleteWebAuthnCredential'],
  ];
  return rows.map(([key, label, call]) => {
    const underlying = median(sdk[key]) + (revalidates[key] ? median(sdk.lists) : 0);
    const overhead = median(action[key]) - underlying;
    return {
      section,
      name: `${label}: median / p95; overhead over ${call}${revalidates[key] ? ' + re-render' : ''}`,
      value: `${ms(median(action[key]))} / ${ms(p95(action[key]))}; +${ms(overhead)} over ${ms(underlying)}`,
      data: { action: action[key], sdk: sdk[key], lists: revalidates[key] ? sdk.lists : [], overheadMedianMs: overhead, revalidates: revalidates[key] },
    };
  });
}
