import 'server-only';
import { loadPortalConfig, PortalConfigError, type Env } from './env';

/** The configuration's problem, as a message naming the variable, or null when it is usable. */
export function configurationProblem(env: Env = process.env): string | null {
  try {
    loadPortalConfig(env);
    return null;
  } catch (error) {
    if (!(error instanceof PortalConfigError)) throw error;
    return error.message;
  }
}

/** Stops the process with a message naming the variable when the configuration is unusable. */
export function checkConfigurationAtStart(env: Env = process.env): void {
  const problem = configurationProblem(env);
  if (problem) {
    console.error(`\nPortal configuration error: ${problem}\n`);
    process.exit(1);
  }
}
