// The Node.js versions the portal supports: the maintained LTS lines (22 and 24). Node 20 reached end
// of life in April 2026, and AWS SDK releases after the first week of January 2027 need Node 22.
//
//   node scripts/node-version.mjs <command…>
//
// runs the command on a supported Node. `npm start`, `npm run dev` and `npm test` go through it, so the
// README's two commands work on a fresh machine whose Node is older: there it takes Node 24 from the
// npm registry's `node` package (the binary ships inside it), once, into a cache outside the repository,
// says so in one line, and runs the command with that Node first on PATH. Where that cannot be had, it
// stops with a message saying how to get a current Node. Plain syntax only: it must run on an old Node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants, homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const SUPPORTED_NODE = '22 or 24 (the maintained LTS lines)';
export const MINIMUM_NODE_MAJOR = 22;
/** The line fetched for an older Node. */
export const FETCHED_NODE_MAJOR = 24;

/** The major version of a version string like "v22.3.0", or NaN. */
export function majorOf(version) {
  return Number(/^v?(\d+)\./.exec(String(version))?.[1]);
}

/** The message for an unsupported Node, or null when `version` (like "v22.3.0") is supported. */
export function unsupportedNodeMessage(version) {
  const major = majorOf(version);
  if (Number.isInteger(major) && major >= MINIMUM_NODE_MAJOR) return null;
  return [
    `This is Node.js ${version}; the portal needs Node.js ${SUPPORTED_NODE}.`,
    'Install a current Node (https://nodejs.org, your package manager, or a version manager such as nvm),',
    `or, without changing the system one: npm install --prefix "$HOME/.cache/node${FETCHED_NODE_MAJOR}" node@${FETCHED_NODE_MAJOR}`,
    `and put "$HOME/.cache/node${FETCHED_NODE_MAJOR}/node_modules/.bin" first on your PATH.`,
  ].join('\n');
}

/** Where the fetched Node lives: the same place .ci/run and the README's manual step use. */
export function fetchedNodeDir(env = process.env) {
  return join(env.HOME || homedir(), '.cache', `node${FETCHED_NODE_MAJOR}`);
}

function versionOf(nodePath) {
  const result = spawnSync(nodePath, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

/** A bin directory holding a supported `node`, fetching Node 24 once if need be; null when it cannot. */
function supportedNodeBin() {
  const dir = fetchedNodeDir();
  const bin = join(dir, 'node_modules', '.bin');
  const node = join(bin, 'node');
  if (existsSync(node) && majorOf(versionOf(node)) === FETCHED_NODE_MAJOR) return bin;
  process.stderr.write(`Node.js ${process.version} is older than the portal supports (${SUPPORTED_NODE}): fetching Node ${FETCHED_NODE_MAJOR} from the npm registry into ${dir} (once)…\n`);
  const npm = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `node@${FETCHED_NODE_MAJOR}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (npm.status !== 0 || majorOf(versionOf(node)) !== FETCHED_NODE_MAJOR) return null;
  return bin;
}

/** Runs `command` on a supported Node; resolves with its exit code. */
export function runOnSupportedNode(command, args) {
  let env = process.env;
  if (unsupportedNodeMessage(process.version)) {
    const bin = supportedNodeBin();
    if (!bin) {
      process.stderr.write(`\n${unsupportedNodeMessage(process.version)}\n\n`);
      return Promise.resolve(1);
    }
    env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
    process.stderr.write(`Using ${versionOf(join(bin, 'node'))} from ${bin}.\n`);
  }
  return new Promise((resolve) => {
    // `node` and `npm` in the command are looked up on the (possibly extended) PATH.
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
    child.once('error', (error) => {
      process.stderr.write(`${command}: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    process.stderr.write('usage: node scripts/node-version.mjs <command> [args…]\n');
    process.exit(2);
  }
  process.exitCode = await runOnSupportedNode(command, args);
}
