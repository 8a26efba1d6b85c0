import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type WheelEvent } from 'react';
import type { EditorTab } from '../../../shared/model/workspace';
import { useStore } from '../../store';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { isRunActive } from '../results/run-state';
import { effectiveConnectionId } from './editor-commands';
import { SHORTCUTS } from './shortcuts';

function TabTitleEditor({ tab, onDone }: { tab: EditorTab; onDone: () => void }) {
  const renameTab = useStore((s) => s.renameTab);
  const [title, setTitle] = useState(tab.title);
  const commit = () => {
    renameTab(tab.id, title);
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter') commit();
    else if (event.key === 'Escape') onDone();
  };
  return (
    <input
      className="tab-rename"
      aria-label="Tab name"
      value={title}
      maxLength={200}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setTitle(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

function Tab({ tab, active }: { tab: EditorTab; active: boolean }) {
  const setActiveTab = useStore((s) => s.setActiveTab);
  const closeTab = useStore((s) => s.closeTab);
  const running = useStore((s) => isRunActive(s.runs[tab.id]));
  const color = useStore((s) => s.connections.find((c) => c.id === effectiveConnectionId(tab.connectionId, s.activeConnectionId))?.color ?? null);
  const [renaming, setRenaming] = useState(false);

  const onAuxClick = (event: MouseEvent) => {
    if (event.button !== 1) return;
    event.preventDefault();
    closeTab(tab.id);
  };
  // Middle-click must neither start autoscroll (mousedown) nor paste Linux's primary selection into
  // the editor (mouseup).
  const onMiddleButton = (event: MouseEvent) => {
    if (event.button === 1) event.preventDefault();
  };

  return (
    <div
      className={active ? 'tab tab-active' : 'tab'}
      role="tab"
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      title={renaming ? undefined : `${tab.title} — double-click to rename`}
      onClick={() => setActiveTab(tab.id)}
      onDoubleClick={() => setRenaming(true)}
      onMouseDown={onMiddleButton}
      onMouseUp={onMiddleButton}
      onAuxClick={onAuxClick}
      onKeyDown={(event) => {
        if (event.key === 'F2') setRenaming(true);
      }}
    >
      {running ? <span className="tab-spinner" aria-label="Running" /> : <span className="tab-dot" style={color ? { background: color } : undefined} />}
      {renaming ? <TabTitleEditor tab={tab} onDone={() => setRenaming(false)} /> : <span className="tab-title">{tab.title}</span>}
      <button
        type="button"
        className="tab-close"
        aria-label={`Close ${tab.title}`}
        title={`Close (${SHORTCUTS.closeTab}; ${SHORTCUTS.reopenTab} reopens)`}
        tabIndex={-1}
        onClick={(event) => {
          event.stopPropagation();
          closeTab(tab.id);
        }}
      >
        <CloseIcon size={12} />
      </button>
    </div>
  );
}

/** The editor tabs: click to switch, double-click to rename, middle-click or × to close, + for a new one. */
export function TabBar() {
  const tabs = useStore((s) => s.tabs);
  const activeTabId = useStore((s) => s.activeTabId);
  const newTab = useStore((s) => s.newTab);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    listRef.current?.querySelector('.tab-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeTabId]);

  // A mouse wheel scrolls the tabs sideways.
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (event.deltaX === 0 && event.deltaY !== 0) event.currentTarget.scrollLeft += event.deltaY;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if ((event.target as HTMLElement).tagName === 'INPUT') return;
    const index = tabs.findIndex((t) => t.id === activeTabId);
    const next = tabs[index + (event.key === 'ArrowRight' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    const list = event.currentTarget;
    useStore.getState().setActiveTab(next.id);
    requestAnimationFrame(() => list.querySelector<HTMLElement>('.tab-active')?.focus());
  };

  return (
    <div className="tab-bar">
      <div ref={listRef} className="tab-list" role="tablist" aria-label="Editor tabs" onKeyDown={onKeyDown} onWheel={onWheel}>
        {tabs.map((tab) => (
          <Tab key={tab.id} tab={tab} active={tab.id === activeTabId} />
        ))}
      </div>
      <button type="button" className="icon-btn tab-new" aria-label="New tab" title={`New tab (${SHORTCUTS.newTab})`} onClick={() => newTab()}>
        <PlusIcon size={14} />
      </button>
    </div>
  );
}
