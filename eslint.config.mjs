import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // infra/ (the CDK app, its own package) is linted here on purpose, by the same rules; only its
    // synth output is skipped. Its typecheck is its own (`npm --prefix infra test`).
    ignores: ['node_modules/**', 'infra/cdk.out/**', '.next/**', 'out/**', 'next-env.d.ts', 'demo-output/**', 'test-results/**', 'playwright-report/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Plain <a> on purpose: next/link's client code (about 3 kB gzip) would load with every page
      // for links that need no client-side navigation (every page here is rendered per request),
      // and the Security pages' JavaScript budget is tight (npm run bench). app/(site)/page.tsx still uses it.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // The local pool is its own program: it meets the portal only over HTTP.
    files: ['lib/local-pool/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/*', '**/app/**', '**/components/**', '**/lib/cognito/**', '**/lib/auth/**'], message: 'The local pool must not import the portal.' }] }],
    },
  },
  {
    files: ['app/**', 'components/**', 'lib/cognito/**', 'lib/auth/**', 'e2e/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/local-pool/**', '@/lib/local-pool/**'], message: 'The portal talks to the pool over HTTP only.' }] }],
    },
  },
];

export default config;
