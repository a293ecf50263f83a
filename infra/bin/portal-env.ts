// `npm run env` prints the portal's variables from the outputs `npm run deploy` saved
// (cdk-outputs.json), ready to paste; `npm run env -- --write` merges them into
// ../.env.production.local instead (keeping its other lines, adding a NEXTAUTH_SECRET if none).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mergeEnvFile, portalEnvFromOutputs } from '../lib/portal-env.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const outputsFile = resolve(args.find((a) => !a.startsWith('--')) ?? 'cdk-outputs.json');
const envFile = resolve('..', '.env.production.local');

if (!existsSync(outputsFile)) {
  process.stderr.write(`No ${outputsFile}: run \`npm run deploy -- -c portalUrl=…\` first (it saves the stack's outputs there).\n`);
  process.exit(1);
}
const stacks = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
const names = Object.keys(stacks);
if (names.length !== 1) {
  process.stderr.write(`${outputsFile} holds ${names.length} stacks (${names.join(', ')}); expected one.\n`);
  process.exit(1);
}
const env = portalEnvFromOutputs(stacks[names[0]]);
if (write) {
  writeFileSync(envFile, mergeEnvFile(existsSync(envFile) ? readFileSync(envFile, 'utf8') : '', env), { mode: 0o600 });
  process.stdout.write(`Wrote ${envFile}.\n`);
} else {
  for (const [name, value] of Object.entries(env)) process.stdout.write(`${name}=${value}\n`);
  process.stdout.write('# NEXTAUTH_SECRET=<openssl rand -base64 32, the same on every instance>\n');
}
