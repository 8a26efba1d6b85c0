import { useEffect, useState } from 'react';
import { ActivityButton } from '../activity/ActivityButton';
import { ConnectionsPanel } from '../connections/ConnectionsPanel';
import { HistoryButton } from '../history/HistoryButton';
import { SavedQueriesButton } from '../saved-queries/SavedQueriesButton';
import { SchemaPanel } from '../schema-tree/SchemaPanel';
import { VaultButton } from '../vault/VaultButton';
import { Splitter } from '../../ui/Splitter';
import { SettingsButton } from './SettingsButton';
import { ThemeToggle } from './ThemeToggle';

const LIST_HEIGHT_KEY = 'strata.connectionListHeight';
const MIN_LIST_HEIGHT = 72;
/** Height kept for the header and the schema tree when the list grows. */
const ROOM_FOR_TREE = 220;

export function readStoredNumber(key: string, fallback: number, min: number, max: number): number {
  try {
    const value = Number(window.localStorage.getItem(key));
    return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
  } catch {
    return fallback;
  }
}

export function storeNumber(key: string, value: number): void {
  try {
    window.localStorage.setItem(key, String(value));
  } catch {
    // Storage may be unavailable; the size then resets on the next start.
  }
}

/** Header (brand, vault, activity, theme, settings), the connection list and, below a splitter, the active connection's tree. */
export function Sidebar({ width }: { width: number }) {
  const [listHeight, setListHeight] = useState(() => readStoredNumber(LIST_HEIGHT_KEY, 190, MIN_LIST_HEIGHT, 2000));
  useEffect(() => storeNumber(LIST_HEIGHT_KEY, listHeight), [listHeight]);

  return (
    <aside className="sidebar" style={{ width }} aria-label="Sidebar">
      <header className="sidebar-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Strata
        </span>
        <span className="sidebar-header-actions">
          <VaultButton />
          <HistoryButton />
          <SavedQueriesButton />
          <ActivityButton />
          <ThemeToggle />
          <SettingsButton />
        </span>
      </header>
      <div className="sidebar-connections" style={{ height: listHeight }}>
        <ConnectionsPanel />
      </div>
      <Splitter
        orientation="horizontal"
        value={listHeight}
        min={MIN_LIST_HEIGHT}
        max={Math.max(MIN_LIST_HEIGHT, window.innerHeight - ROOM_FOR_TREE)}
        onChange={setListHeight}
        label="Resize the connection list"
      />
      <div className="sidebar-schema">
        <SchemaPanel />
      </div>
    </aside>
  );
}
