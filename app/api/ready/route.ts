import { readiness } from '@/lib/health/readiness';

// The readiness probe for load balancers, orchestrators and the image's HEALTHCHECK: 200 when this
// instance can serve, 503 with the reasons otherwise (lib/health/readiness.ts). No secrets in it.
export const dynamic = 'force-dynamic';

export async function GET() {
  const result = await readiness();
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
