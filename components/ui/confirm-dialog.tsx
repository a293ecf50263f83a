'use client';

import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What confirming means, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** The cancel button's words, in the page's language ("Cancel" when left out). */
  cancelLabel?: string;
  pending: boolean;
  /** Styles the confirm button as a destructive action. */
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A modal confirmation built on the native <dialog>: showModal() makes the rest of the
 * page inert and keeps focus inside, Escape closes it, and the browser returns focus to
 * the control that opened it. Cancel takes focus first, so Enter never confirms by accident.
 * Its content is rendered only while it is open: a list has one dialog per row, and rendering
 * (and hydrating) every closed one made up nearly half of the Security page's HTML.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, pendingLabel, cancelLabel = 'Cancel', pending, destructive = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  // A layout effect: the content just rendered (or removed) and the dialog opening (or closing)
  // reach the screen in the same frame.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React moves focus for autoFocus before the dialog is open, which the browser ignores.
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={open ? titleId : undefined}
      aria-describedby={open ? bodyId : undefined}
      onCancel={(event) => {
        // Escape: close through React state, and never while the change is under way.
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onClose={(event) => {
        // Closed by the browser rather than through `open` (Chrome lets a second Escape close it
        // even when the first was refused, so a page cannot trap the person). React state must
        // follow, or the next "open" would change nothing. While the change is under way it
        // opens again: its result still has to be shown. (Already open again: nothing to do.)
        const dialog = event.currentTarget;
        if (!open || dialog.open) return;
        if (pending) dialog.showModal();
        else onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open ? (
        <>
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={bodyId} className="mt-2 space-y-2 text-zinc-700 dark:text-zinc-300">
            {children}
          </div>
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <button
              ref={cancelRef}
              type="button"
              autoFocus
              onClick={onCancel}
              disabled={pending}
              className="rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800"
            >
              {cancelLabel}
            </button>
            <button
              type="button"
              onClick={onConfirm}
              disabled={pending}
              aria-disabled={pending}
              className={
                destructive
                  ? 'rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-600 dark:hover:bg-red-500'
                  : 'rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60 dark:bg-indigo-500 dark:hover:bg-indigo-400 dark:text-zinc-950'
              }
            >
              {pending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
