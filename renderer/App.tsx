import { useEffect, useState } from 'react';
import { EditorArea } from './features/editor/EditorArea';
import { HostUnreachable } from './features/app-shell/HostUnreachable';
import { readStoredNumber, Sidebar, storeNumber } from './features/app-shell/Sidebar';
import { useAppliedTheme } from './features/app-shell/use-applied-theme';
import { HistoryDialogsHost } from './features/history/HistoryDialogsHost';
import { ImportDialogHost } from './features/import/ImportDialogHost';
import { DestructiveConfirmationHost } from './features/safety';
import { VaultDialogHost } from './features/vault/VaultDialog';
import { useStore } from './store';
import { Splitter } from './ui/Splitter';
import { Toasts } from './ui/Toasts';
import './features/app-shell/app-shell.css';

const SIDEBAR_WIDTH_KEY = 'strata.sidebarWidth';
const SIDEBAR_MIN = 200;
const SIDEBAR_MAX = 640;

export function App() {
  useAppliedTheme();
  const hostStatus = useStore((s) => s.hostStatus);
  const notifications = useStore((s) => s.notifications);
  const dismiss = useStore((s) => s.dismissNotification);
  const [sidebarWidth, setSidebarWidth] = useState(() => readStoredNumber(SIDEBAR_WIDTH_KEY, 280, SIDEBAR_MIN, SIDEBAR_MAX));
  useEffect(() => storeNumber(SIDEBAR_WIDTH_KEY, sidebarWidth), [sidebarWidth]);

  if (hostStatus === 'unreachable') return <HostUnreachable />;

  return (
    <div className="app">
      <Sidebar width={sidebarWidth} />
      <Splitter orientation="vertical" value={sidebarWidth} min={SIDEBAR_MIN} max={SIDEBAR_MAX} onChange={setSidebarWidth} label="Resize the sidebar" />
      <main className="app-main">
        <EditorArea />
      </main>
      <VaultDialogHost />
      <DestructiveConfirmationHost />
      <HistoryDialogsHost />
      <ImportDialogHost />
      <Toasts items={notifications} onDismiss={dismiss} />
    </div>
  );
}
