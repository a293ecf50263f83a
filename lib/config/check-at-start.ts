import 'server-only';
import { loadPortalConfig, PortalConfigError, type Env } from './env';

/** Stops the process with a message naming the variable when the configuration is unusable. */
export function checkConfigurationAtStart(env: Env = process.env): void {
  try {
    loadPortalConfig(env);
  } catch (error) {
    if (!(error instanceof PortalConfigError)) throw error;
    console.error(`\nPortal configuration error: ${error.message}\n`);
    process.exit(1);
  }
}
