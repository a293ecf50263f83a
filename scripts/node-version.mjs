// The Node.js versions the portal supports: the maintained LTS lines (22 and 24). Node 20 reached end
// of life in April 2026, and AWS SDK releases after the first week of January 2027 need Node 22.
// `npm start` and `npm test` run this first so an older Node stops with this message instead of
// failing later somewhere obscure. Plain syntax only: it must itself run on an old Node.
export const SUPPORTED_NODE = '22 or 24 (the maintained LTS lines)';
export const MINIMUM_NODE_MAJOR = 22;

/** The message for an unsupported Node, or null when `version` (like "v22.3.0") is supported. */
export function unsupportedNodeMessage(version) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (Number.isInteger(major) && major >= MINIMUM_NODE_MAJOR) return null;
  return [
    `This is Node.js ${version}; the portal needs Node.js ${SUPPORTED_NODE}.`,
    'Install a current Node (https://nodejs.org, your package manager, or a version manager such as nvm),',
    'or, without changing the system one: npm install --prefix "$HOME/.cache/node24" node@24',
    'and put "$HOME/.cache/node24/node_modules/.bin" first on your PATH.',
  ].join('\n');
}

/** Stops the process with the message above on an unsupported Node. */
export function requireSupportedNode(version = process.version) {
  const message = unsupportedNodeMessage(version);
  if (message) {
    process.stderr.write(`\n${message}\n\n`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) requireSupportedNode();
