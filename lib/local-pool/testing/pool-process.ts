// Runs the local pool as its own process, as the portal and the tools see it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { PoolInfo } from '../server';

export type PoolProcess = { info: PoolInfo; child: ChildProcess; stop: (signal?: NodeJS.Signals) => Promise<void> };

const MAIN = join(import.meta.dirname, '..', 'main.ts');

export function spawnPool(env: Record<string, string>): Promise<PoolProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--json'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`pool did not start: ${stderr}`)), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve({ info: JSON.parse(line) as PoolInfo, child, stop });
      } catch {
        reject(new Error(`pool printed something other than JSON: ${line}\n${stderr}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pool exited (${code}) before listening: ${stderr}`));
    });
  });
}
