// Runs once when a server instance starts: the configuration is checked now, not on the first
// request, so a missing or contradictory variable stops the server with a message naming it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationAtStart } = await import('@/lib/config/check-at-start');
    checkConfigurationAtStart();
  }
}
