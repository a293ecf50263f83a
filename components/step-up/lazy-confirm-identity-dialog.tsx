'use client';

import { lazy, Suspense, type ComponentProps } from 'react';

// React's own lazy(), not next/dynamic: the latter brings ~2 kB of loader code into the first load.
const ConfirmIdentityDialog = lazy(() => import('./confirm-identity-dialog').then((module) => ({ default: module.ConfirmIdentityDialog })));

/**
 * ConfirmIdentityDialog, loaded the first time someone needs to confirm it's them: most visits
 * never do, so its code stays out of the page's first load (the Security pages' JS budget).
 */
export function LazyConfirmIdentityDialog(props: ComponentProps<typeof ConfirmIdentityDialog>) {
  return (
    <Suspense fallback={null}>
      <ConfirmIdentityDialog {...props} />
    </Suspense>
  );
}
