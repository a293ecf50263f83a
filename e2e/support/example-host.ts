import { spawn, type ChildProcess } from 'node:child_process';

export type ExampleHostAddress = { address: string; port: number };

/** Starts scripts/example-host.mjs, framing `portalUrl`, and resolves with its origin once it listens. */
export function startExampleHost(host: ExampleHostAddress, portalUrl: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['scripts/example-host.mjs', '--host', host.address, '--port', String(host.port), '--portal', portalUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.once('data', (line: string) => resolve({ child, origin: (JSON.parse(line) as { origin: string }).origin }));
    child.once('exit', (code) => reject(new Error(`The example host exited (code ${code}) before it listened.`)));
  });
}

/** Runs `body` with an example host of the spec's own (another site than the portal) listening, and stops it after. */
export async function withExampleHost(host: ExampleHostAddress, portalUrl: string, body: () => Promise<void>): Promise<void> {
  const { child } = await startExampleHost(host, portalUrl);
  try {
    await body();
  } finally {
    child.kill('SIGTERM');
  }
}
