// Pages get their security headers (CSP with a per-request nonce, Permissions-Policy, COOP, …) from
// proxy.ts, built by lib/security/headers.ts. What is not a page — static files, images and
// next-auth's /api/auth/* — gets the baseline below (and HSTS over https from the proxy, which
// decides it at run time); lib/security/next-config.test.ts keeps it equal to BASELINE_HEADERS.
const baseline = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without i18n routing: i18n/request.ts picks the locale per request (URLs unchanged).
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The deployable server: .next/standalone/server.js with only the files it needs (deploy/Dockerfile
  // runs it; `npm start` still uses `next start`, which prints a harmless warning about this).
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: baseline },
      {
        // next-auth: JSON, redirects and at most its built-in (script-free) sign-out page. No scripts, no framing.
        source: '/api/auth/:path*',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
          },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
