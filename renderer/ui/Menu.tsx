import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import './ui.css';

export type MenuEntry =
  | { kind?: 'item'; label: string; onSelect: () => void; disabled?: boolean; danger?: boolean; shortcut?: string }
  | { kind: 'separator' };

interface MenuProps {
  /** Viewport coordinates of the menu's top-left corner (a click point or a button's bottom-left). */
  x: number;
  y: number;
  label: string;
  entries: MenuEntry[];
  onClose: () => void;
}

const EDGE_MARGIN = 6;

/** A context or dropdown menu: role="menu", arrow keys move, Enter picks, Esc or a click outside closes. */
export function Menu({ x, y, label, entries, onClose }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });

  // Declared first so it sees the opener before the menu takes focus; gives focus back when the menu closes.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const menu = ref.current;
    return () => {
      const focus = document.activeElement;
      const focusLost = focus === null || focus === document.body || (menu?.contains(focus) ?? false);
      if (opener?.isConnected && focusLost) opener.focus();
    };
  }, []);

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const rect = menu.getBoundingClientRect();
    const left = Math.max(EDGE_MARGIN, Math.min(x, window.innerWidth - rect.width - EDGE_MARGIN));
    const top = y + rect.height > window.innerHeight - EDGE_MARGIN ? Math.max(EDGE_MARGIN, y - rect.height) : y;
    setPosition({ left, top });
    menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [x, y]);

  useEffect(() => {
    const outside = (event: Event) => {
      if (ref.current && event.target instanceof Node && ref.current.contains(event.target)) return;
      onClose();
    };
    const close = () => onClose();
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('blur', close);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('blur', close);
      window.removeEventListener('resize', close);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const current = items.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (current + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (current - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (next !== null && items.length > 0) {
      event.preventDefault();
      items[next]?.focus();
    }
  };

  return createPortal(
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={label}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {entries.map((entry, index) =>
        entry.kind === 'separator' ? (
          <div key={`sep-${index}`} className="menu-separator" role="separator" />
        ) : (
          <button
            key={entry.label}
            type="button"
            role="menuitem"
            className={entry.danger ? 'menu-item menu-item-danger' : 'menu-item'}
            aria-disabled={entry.disabled ? true : undefined}
            tabIndex={-1}
            onClick={() => {
              if (entry.disabled) return;
              onClose();
              entry.onSelect();
            }}
          >
            <span>{entry.label}</span>
            {entry.shortcut ? <span className="menu-shortcut">{entry.shortcut}</span> : null}
          </button>
        ),
      )}
    </div>,
    document.body,
  );
}
