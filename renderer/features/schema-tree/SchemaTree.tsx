import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PathSegment, SchemaChild } from '../../../shared/model/schema';
import { qualifiedName } from '../../../shared/sql/quote';
import { useStore } from '../../store';
import { ChevronIcon } from '../../ui/icons';
import { Menu, type MenuEntry } from '../../ui/Menu';
import { KindIcon } from './KindIcon';
import { nodeLabel } from './labels';
import { PanelMessage } from './PanelMessage';
import { canOpenData, objectNameParts, selectAllSql } from './open-data';
import { EMPTY_TREE, flattenTree, rowPath, type TreeRow } from './tree-model';

type NodeRow = Extract<TreeRow, { type: 'node' }>;

const ROW_HEIGHT = 24;
const INDENT = 14;

interface SchemaTreeProps {
  connectionId: string;
  filter: string;
}

/** The lazily loaded, virtualized tree of one connection: only the rows on screen are in the DOM. */
export function SchemaTree({ connectionId, filter }: SchemaTreeProps) {
  const tree = useStore((s) => s.schemaTrees[connectionId]) ?? EMPTY_TREE;
  const profile = useStore((s) => s.connections.find((c) => c.id === connectionId));
  const capabilities = useStore((s) => s.opened[connectionId]?.capabilities);
  const { setNodeExpanded, loadChildren, openTab, notify } = useStore.getState();
  const rows = useMemo(() => flattenTree(tree, filter), [tree, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; row: NodeRow } | null>(null);
  const focusIndex = Math.max(0, rows.findIndex((row) => row.key === focusedKey));

  // eslint-disable-next-line react-hooks/incompatible-library -- the renderer is not compiled with React Compiler; the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const focusRow = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    const target = rows.indexOf(row);
    setFocusedKey(row.key);
    virtualizer.scrollToIndex(target);
    // The row may only be rendered after the scroll, so focus it once the virtualizer has drawn it.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus({ preventScroll: true })),
    );
  };

  const openData = (node: SchemaChild, path: PathSegment[]) => {
    if (!profile || !capabilities || !canOpenData(node, capabilities)) return false;
    openTab({ title: node.name, connectionId, sql: selectAllSql(profile.engine, capabilities, path), run: true });
    return true;
  };

  const toggle = (row: NodeRow) => {
    if (row.node.hasChildren) setNodeExpanded(connectionId, rowPath(row), !row.expanded);
  };

  const activate = (row: TreeRow) => {
    if (row.type === 'error') void loadChildren(connectionId, row.parentPath);
    else if (row.type === 'node' && !openData(row.node, rowPath(row))) toggle(row);
  };

  const copy = (text: string) => {
    navigator.clipboard.writeText(text).catch((error: unknown) => notify({ kind: 'error', title: 'Could not copy', message: (error as Error).message }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[focusIndex];
    if (!row) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        focusRow(focusIndex + 1);
        break;
      case 'ArrowUp':
        focusRow(focusIndex - 1);
        break;
      case 'PageDown':
        focusRow(focusIndex + page);
        break;
      case 'PageUp':
        focusRow(focusIndex - page);
        break;
      case 'Home':
        focusRow(0);
        break;
      case 'End':
        focusRow(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.type !== 'node' || !row.node.hasChildren) break;
        if (!row.expanded) toggle(row);
        else if ((rows[focusIndex + 1]?.level ?? 0) > row.level) focusRow(focusIndex + 1);
        break;
      case 'ArrowLeft':
        if (row.type === 'node' && row.expanded) toggle(row);
        else {
          const parent = rows.findIndex((r) => r.key === row.parentKey);
          if (parent !== -1) focusRow(parent);
        }
        break;
      case 'Enter':
        activate(row);
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
          const letter = event.key.toLowerCase();
          const order = [...rows.slice(focusIndex + 1), ...rows.slice(0, focusIndex + 1)];
          const match = order.find((r) => r.type === 'node' && nodeLabel(r.node).toLowerCase().startsWith(letter));
          if (match) focusRow(rows.indexOf(match));
          break;
        }
        return;
    }
    event.preventDefault();
  };

  const menuEntries = (row: NodeRow): MenuEntry[] => {
    const { node } = row;
    const path = rowPath(row);
    const entries: MenuEntry[] = [];
    if (capabilities && canOpenData(node, capabilities)) {
      entries.push({ label: 'Open data', shortcut: 'Enter', onSelect: () => openData(node, path) });
    }
    entries.push({ label: 'Copy name', onSelect: () => copy(node.name) });
    if (profile && capabilities && canOpenData(node, capabilities)) {
      entries.push({ label: 'Copy qualified name', onSelect: () => copy(qualifiedName(profile.engine, objectNameParts(path, capabilities))) });
    }
    if (node.hasChildren) {
      entries.push({ kind: 'separator' });
      entries.push({
        label: 'Refresh',
        onSelect: () => {
          setNodeExpanded(connectionId, path, true);
          void loadChildren(connectionId, path, true);
        },
      });
    }
    return entries;
  };

  if (rows.length === 0 && filter.trim() !== '') {
    return <PanelMessage text={`No loaded object matches “${filter.trim()}”. Expand a node to search inside it.`} />;
  }

  return (
    <div ref={scrollRef} className="tree-scroll" role="tree" aria-label={`Objects of ${profile?.name ?? 'the connection'}`} onKeyDown={onKeyDown}>
      <div role="none" className="tree-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const common = {
            'data-index': item.index,
            tabIndex: item.index === focusIndex ? 0 : -1,
            'aria-level': row.level,
            style: { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, paddingLeft: 6 + (row.level - 1) * INDENT },
            onFocus: () => setFocusedKey(row.key),
          };
          if (row.type !== 'node') return <StatusRow key={row.key} row={row} common={common} onRetry={() => activate(row)} />;
          const { node } = row;
          return (
            <div
              key={row.key}
              role="treeitem"
              {...common}
              aria-expanded={node.hasChildren ? row.expanded : undefined}
              aria-selected={item.index === focusIndex}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              className={item.index === focusIndex ? 'tree-row tree-row-focused' : 'tree-row'}
              onClick={() => setFocusedKey(row.key)}
              onDoubleClick={() => activate(row)}
              onContextMenu={(event: MouseEvent) => {
                event.preventDefault();
                setFocusedKey(row.key);
                setMenu({ x: event.clientX, y: event.clientY, row });
              }}
              title={node.detail ? `${node.name} — ${node.detail}` : node.name}
            >
              <span
                className={row.expanded ? 'tree-twisty tree-twisty-open' : 'tree-twisty'}
                onClick={(event) => {
                  event.stopPropagation();
                  setFocusedKey(row.key);
                  toggle(row);
                }}
                onDoubleClick={(event) => event.stopPropagation()}
              >
                {node.hasChildren ? <ChevronIcon size={12} /> : null}
              </span>
              <KindIcon kind={node.kind} />
              <span className="tree-name">{nodeLabel(node)}</span>
              {node.detail ? <span className="tree-detail">{` ${node.detail}`}</span> : null}
              {row.loading ? <span className="tree-spinner" aria-hidden="true" /> : null}
            </div>
          );
        })}
      </div>
      {menu ? <Menu x={menu.x} y={menu.y} label={`Actions for ${menu.row.node.name}`} entries={menuEntries(menu.row)} onClose={() => setMenu(null)} /> : null}
    </div>
  );
}

interface StatusRowProps {
  row: Exclude<TreeRow, { type: 'node' }>;
  common: { 'data-index': number; tabIndex: number; 'aria-level': number; style: CSSProperties; onFocus: () => void };
  onRetry: () => void;
}

function StatusRow({ row, common, onRetry }: StatusRowProps) {
  const style = { ...common.style, paddingLeft: Number(common.style.paddingLeft) + 20 };
  if (row.type === 'loading') {
    return (
      <div role="treeitem" {...common} style={style} className="tree-row tree-status">
        <span className="tree-spinner" aria-hidden="true" />
        Loading…
      </div>
    );
  }
  if (row.type === 'empty') {
    return (
      <div role="treeitem" {...common} style={style} className="tree-row tree-status">
        No items
      </div>
    );
  }
  return (
    <div role="treeitem" {...common} style={style} className="tree-row tree-status tree-error" title={row.message ?? undefined}>
      <span className="tree-error-text">{row.message ?? 'Could not load.'}</span>
      <button type="button" className="link-button" tabIndex={-1} onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
