import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { benchFloorServed } from '@/lib/bench/floor';
import { getPortalConfig } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Framework floor', robots: { index: false, follow: false } };

const ROWS = Array.from({ length: 80 }, (_, i) => `Row ${i + 1}`);

/**
 * The bench's framework floor (scripts/bench/throughput.ts): the cheapest dynamic page this build
 * can serve, behind the same proxy as /security (CSP nonce, session refresh). It reads the session
 * cookie and renders 80 static rows, and nothing else, so /security's throughput can be compared
 * with what Next.js itself costs per request here. Linked from nowhere; 404 unless the bench
 * started this server (lib/bench/floor.ts).
 */
export default async function BenchFloorPage() {
  const jar = await cookies(); // first, so the page renders per request as /security does
  if (!benchFloorServed()) notFound(); // the proxy has answered 404 already (lib/bench/floor.ts); a second guard
  const signedIn = jar.has(sessionCookieName(getPortalConfig().useSecureCookies));
  return (
    <section aria-labelledby="floor-heading">
      <h1 id="floor-heading">Framework floor</h1>
      <p>{signedIn ? 'Signed in' : 'Signed out'}</p>
      <ul>
        {ROWS.map((row) => (
          <li key={row}>{row}</li>
        ))}
      </ul>
    </section>
  );
}
