// Runs once when a server instance starts: the configuration is checked now, not on the first
// request, so a missing or contradictory variable stops the server with a message naming it; and
// SIGTERM is watched so the readiness endpoint reports "stopping" while requests drain.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationAtStart } = await import('@/lib/config/check-at-start');
    checkConfigurationAtStart();
    const { watchForShutdown } = await import('@/lib/health/shutdown');
    watchForShutdown();
  }
}
