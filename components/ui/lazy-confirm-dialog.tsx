'use client';

import { lazy, Suspense, useState, type ComponentProps } from 'react';

// React's own lazy(), not next/dynamic (which brings its loader code into the first load).
const ConfirmDialog = lazy(() => import('./confirm-dialog').then((module) => ({ default: module.ConfirmDialog })));

/**
 * ConfirmDialog, loaded the first time it opens: most visits confirm nothing, so its code stays
 * out of the page's first load (the Security pages' JS budget). Until then nothing is rendered (a
 * closed dialog shows nothing anyway); once opened it stays mounted, so later openings are as
 * immediate as before. Focus stays on the control that opened it while it loads, and the native
 * dialog returns focus there when it closes.
 */
export function LazyConfirmDialog(props: ComponentProps<typeof ConfirmDialog>) {
  const [wanted, setWanted] = useState(props.open);
  if (props.open && !wanted) setWanted(true); // adjusting state while rendering: React's documented pattern
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialog {...props} />
    </Suspense>
  );
}
