import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { expect, test } from './fixtures';
import { e2eEnvironment } from './support/environment';

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 3000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

// `npm start` with the local pool (as global setup runs it) serves a demo account whose password
// is published: it must not be reachable from other machines unless PORTAL_LISTEN_HOST says so.
test('npm start with the local pool listens on loopback only', async () => {
  const env = e2eEnvironment();
  const ports = [Number(new URL(env.portalUrl).port), Number(new URL(env.pool.endpoint).port)];
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal && entry.family === 'IPv4')
    .map((entry) => entry!.address);
  test.skip(external.length === 0, 'this machine has no network address other than loopback');
  for (const port of ports) {
    expect(await accepts('127.0.0.1', port), `loopback :${port}`).toBe(true);
    for (const address of external) expect(await accepts(address, port), `${address}:${port}`).toBe(false);
  }
});
