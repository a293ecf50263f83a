// `npm run pool` — the local Cognito-compatible user pool, alone. `-- --json` prints its
// details as one JSON line on stdout (for scripts); otherwise a short human summary.
import { loadPoolConfig, PoolConfigError } from './config';
import { startPool } from './server';

async function main() {
  const json = process.argv.includes('--json');
  let config;
  try {
    config = loadPoolConfig();
  } catch (error) {
    if (error instanceof PoolConfigError) {
      console.error(`local pool: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const pool = await startPool(config);
  const { info } = pool;
  if (json) {
    process.stdout.write(`${JSON.stringify(info)}\n`);
  } else {
    console.log(
      [
        'Local Cognito-compatible user pool is listening.',
        `  Endpoint:        ${info.endpoint}`,
        `  Region:          ${info.region}`,
        `  User pool ID:    ${info.userPoolId}`,
        `  App client ID:   ${info.clientId}`,
        `  OIDC issuer:     ${info.issuer}`,
        `  Portal (origin): ${info.portalUrl}  (WebAuthn RP ID: ${info.relyingPartyId})`,
        `  State file:      ${info.dataFile}`,
        `  Demo user:       ${info.demoUsername} / ${info.demoPassword}`,
      ].join('\n'),
    );
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    pool.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error('local pool failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
