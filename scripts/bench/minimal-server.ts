// The throughput baseline: a bare Node.js HTTP server that makes the same two SDK calls as the
// /security page (in parallel, as the page's two sections do) and answers a plain HTML string.
// No framework, no session cookie to decrypt, no streaming. Run by throughput.ts as its own process:
//   BENCH_POOL_ENDPOINT=… BENCH_POOL_REGION=… BENCH_ACCESS_TOKEN=… node --conditions=react-server --import tsx scripts/bench/minimal-server.ts
// and prints {"port": N} once listening on 127.0.0.1.
import { ListDevicesCommand, ListWebAuthnCredentialsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
// The portal's own client factory (its attempts and timeouts), so only the framework differs.
import { createCognitoClient } from '@/lib/cognito/client';

const { BENCH_POOL_ENDPOINT: endpoint, BENCH_POOL_REGION: region, BENCH_ACCESS_TOKEN: accessToken } = process.env;
if (!endpoint || !region || !accessToken) throw new Error('BENCH_POOL_ENDPOINT, BENCH_POOL_REGION and BENCH_ACCESS_TOKEN are required.');
const sdk = createCognitoClient({ region, sdkEndpoint: endpoint });

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const server = createServer(async (_req, res) => {
  try {
    const [passkeys, devices] = await Promise.all([
      sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken, MaxResults: 20 })),
      sdk.send(new ListDevicesCommand({ AccessToken: accessToken, Limit: 60 })),
    ]);
    const items = (names: string[]) => names.map((name) => `<li>${escape(name)}</li>`).join('');
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Security</title></head><body><h1>Your security settings</h1><h2>Passkeys</h2><ul>${items(
      (passkeys.Credentials ?? []).map((c) => c.FriendlyCredentialName ?? 'Passkey'),
    )}</ul><h2>Devices</h2><ul>${items(
      (devices.Devices ?? []).map((d) => d.DeviceAttributes?.find((a) => a.Name === 'device_name')?.Value ?? d.DeviceKey ?? 'Device'),
    )}</ul></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
