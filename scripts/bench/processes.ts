import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's /proc: each process's parent, command line and resident set size. */
function processTable(): { pid: number; ppid: number; cmdline: string; rssBytes: number }[] {
  const rows = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      rows.push({ pid: Number(entry), ppid, cmdline, rssBytes: rssKb * 1024 });
    } catch {
      // it ended while we looked
    }
  }
  return rows;
}

/**
 * The resident memory of the portal's server: the `next start` process under `rootPid` (npm
 * start's process) and everything it started, summed (Next.js may run its server in a child).
 * The local pool, also under `rootPid`, is not counted. Linux only (/proc).
 */
export function portalRssBytes(rootPid: number): number {
  const table = processTable();
  const children = (pid: number) => table.filter((row) => row.ppid === pid);
  // `next start` renames itself "next-server (vX.Y.Z)" (process.title), which /proc's cmdline shows.
  const portal = children(rootPid).find((row) => /^next-server\b|\bnext start\b|\/next start\b/.test(row.cmdline));
  if (!portal) throw new Error('The portal process (next start) was not found under npm start.');
  let total = 0;
  const queue = [portal];
  while (queue.length) {
    const row = queue.pop()!;
    total += row.rssBytes;
    queue.push(...children(row.pid));
  }
  return total;
}

/**
 * `--busy`: one process that keeps one core fully busy (hashing in a loop) for as long as the bench
 * runs, so the figures show what the budgets are worth on a machine doing something else.
 */
export function startBusyProcess(): { stop: () => void; pid: number } {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-e', "const { createHash } = require('node:crypto'); let b = Buffer.alloc(4096); for (;;) b = createHash('sha256').update(b).digest();"],
    { stdio: 'ignore' },
  );
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return { stop, pid: child.pid ?? -1 };
}
