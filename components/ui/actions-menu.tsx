'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export type ActionsMenuItem = {
  /** Stable key, also the item's `data-action` (tests and analytics find it by this). */
  key: string;
  label: string;
  onSelect: () => void;
  /** Styled as a destructive action (the action it starts must still be confirmed). */
  destructive?: boolean;
  /** Shown but not selectable; `disabledReason` says why (read out with the item). */
  disabled?: boolean;
  disabledReason?: string;
};

type ActionsMenuProps = {
  /** The button's accessible name, e.g. "Actions for MacBook passkey". */
  label: string;
  items: readonly ActionsMenuItem[];
  /** Extra classes for the wrapper (placement in the row). */
  className?: string;
};

/**
 * A menu button as the WAI-ARIA Authoring Practices describe it: Enter, Space or Down opens the
 * menu on its first item, Up on its last; Up/Down move (wrapping), Home/End jump, a letter
 * moves to the next item starting with it, Escape closes and returns focus to the button, Tab
 * closes and moves on. A click outside closes it.
 *
 * Choosing an item puts focus back on the button *before* running the item, so a dialog the
 * item opens returns focus to the button (the native <dialog> returns focus to whatever had it
 * when it opened; the menu item itself is gone by then).
 */
export function ActionsMenu({ label, items, className }: ActionsMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = (item: ActionsMenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((index) => (index >= last ? 0 : index + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => (index <= 0 ? last : index - 1));
        break;
      case 'Home':
        event.preventDefault();
        setActive(0);
        break;
      case 'End':
        event.preventDefault();
        setActive(last);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        choose(items[active]);
        break;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          const letter = event.key.toLocaleLowerCase();
          for (let step = 1; step <= items.length; step++) {
            const index = (active + step) % items.length;
            if (items[index].label.toLocaleLowerCase().startsWith(letter)) {
              setActive(index);
              break;
            }
          }
        }
    }
  };

  return (
    <div className={`relative ${className ?? ''}`}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
        className="inline-flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <circle cx="10" cy="4" r="1.6" />
          <circle cx="10" cy="10" r="1.6" />
          <circle cx="10" cy="16" r="1.6" />
        </svg>
      </button>
      {open ? (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          className="absolute end-0 top-full z-20 mt-1 min-w-48 rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {items.map((item, index) => (
            <li
              key={item.key}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              role="menuitem"
              tabIndex={-1}
              data-action={item.key}
              aria-disabled={item.disabled || undefined}
              // The reason is its description, not part of its name ("Delete", then why not).
              aria-labelledby={item.disabled && item.disabledReason ? `${menuId}-${index}-label` : undefined}
              aria-describedby={item.disabled && item.disabledReason ? `${menuId}-${index}-reason` : undefined}
              onClick={() => choose(item)}
              onMouseEnter={() => setActive(index)}
              className={`cursor-pointer px-4 py-2 text-sm outline-none focus:bg-zinc-100 dark:focus:bg-zinc-800 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${
                item.destructive ? 'text-red-700 dark:text-red-400' : 'text-zinc-900 dark:text-zinc-100'
              }`}
            >
              <span id={`${menuId}-${index}-label`}>{item.label}</span>
              {item.disabled && item.disabledReason ? (
                <span id={`${menuId}-${index}-reason`} className="block max-w-72 text-xs text-zinc-600 dark:text-zinc-400">
                  {item.disabledReason}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
