import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { PathSegment, SchemaChild } from '../../../shared/model/schema';
import { useStore } from '../../store';
import { ChevronIcon, MoreIcon } from '../../ui/icons';
import { Menu, type MenuEntry } from '../../ui/Menu';
import { useObjectActions } from '../object-actions/use-object-actions';
import { MAX_SCROLL_HEIGHT } from '../results/row-window';
import { useRowWindow } from '../results/use-row-window';
import { KindIcon } from './KindIcon';
import { nodeLabel, nodeTooltip } from './labels';
import { PanelMessage } from './PanelMessage';
import { canOpenData, openDataRequest } from './open-data';
import { EMPTY_TREE, rowPath, type NodeRow, type StatusRow } from './tree-model';
import { visibleRows, type VisibleRows } from './visible-rows';

const ROW_HEIGHT = 24;
const INDENT = 14;
const OVERSCAN = 12;

interface SchemaTreeProps {
  connectionId: string;
  filter: string;
}

/** The lazily loaded tree of one connection, or why the filter leaves nothing to show. */
export function SchemaTree({ connectionId, filter }: SchemaTreeProps) {
  const tree = useStore((s) => s.schemaTrees[connectionId]) ?? EMPTY_TREE;
  const rows = useMemo(() => visibleRows(tree, filter), [tree, filter]);
  if (rows.length === 0 && filter.trim() !== '') {
    return <PanelMessage text={`No loaded object matches “${filter.trim()}”. Expand a node to search inside it.`} />;
  }
  return <TreeRows connectionId={connectionId} rows={rows} />;
}

/** The rows, virtualized: only those on screen are built and in the DOM. */
function TreeRows({ connectionId, rows }: { connectionId: string; rows: VisibleRows }) {
  const profile = useStore((s) => s.connections.find((c) => c.id === connectionId));
  const capabilities = useStore((s) => s.opened[connectionId]?.capabilities);
  const { setNodeExpanded, loadChildren, openTab } = useStore.getState();
  const objectActions = useObjectActions(connectionId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocusedRow] = useState<{ key: string; index: number } | null>(null);
  const setFocused = (next: { key: string; index: number }) =>
    setFocusedRow((previous) => (previous?.key === next.key && previous.index === next.index ? previous : next));
  const [menu, setMenu] = useState<{ x: number; y: number; row: NodeRow } | null>(null);
  const rowWindow = useRowWindow(scrollRef, { rowCount: rows.length, rowHeight: ROW_HEIGHT, headerHeight: 0, maxHeight: MAX_SCROLL_HEIGHT }, OVERSCAN);
  // When the rows change under the focused one it is found again by its key; otherwise its index still holds.
  const focusIndex = useMemo(() => {
    if (!focused) return 0;
    if (rows.at(focused.index)?.key === focused.key) return focused.index;
    return Math.max(0, rows.indexOfKey(focused.key));
  }, [rows, focused]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows.at(target);
    if (!row) return;
    setFocused({ key: row.key, index: target });
    rowWindow.scrollToRow(target);
    // The row may only be rendered after the scroll, so focus it once it has been drawn.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus({ preventScroll: true })),
    );
  };

  const openData = (node: SchemaChild, path: PathSegment[]) => {
    if (!profile || !capabilities || !canOpenData(node, capabilities)) return false;
    openTab(openDataRequest(node, connectionId, profile.engine, capabilities, path));
    return true;
  };

  const toggle = (row: NodeRow) => {
    if (row.node.hasChildren) setNodeExpanded(connectionId, rowPath(row), !row.expanded);
  };

  const activate = (row: NodeRow | StatusRow) => {
    if (row.type === 'error') void loadChildren(connectionId, row.parentPath);
    else if (row.type === 'node' && !openData(row.node, rowPath(row))) toggle(row);
  };

  const openMenu = (row: NodeRow, index: number, at: { x: number; y: number }) => {
    setFocused({ key: row.key, index });
    if (menuEntries(row).length > 0) setMenu({ ...at, row });
  };

  /** Opens the focused row's menu below its name, as Shift+F10 and the context-menu key do. */
  const openMenuFromKeyboard = (row: NodeRow, index: number) => {
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .tree-name`);
    const rect = element?.getBoundingClientRect();
    openMenu(row, index, { x: rect?.left ?? 0, y: rect?.bottom ?? 0 });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows.at(focusIndex);
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
        else if ((rows.at(focusIndex + 1)?.level ?? 0) > row.level) focusRow(focusIndex + 1);
        break;
      case 'ArrowLeft':
        if (row.type === 'node' && row.expanded) toggle(row);
        else {
          const parent = rows.indexOfKey(row.parentKey);
          if (parent !== -1) focusRow(parent);
        }
        break;
      case 'Enter':
        activate(row);
        break;
      case 'ContextMenu':
        if (row.type === 'node') openMenuFromKeyboard(row, focusIndex);
        break;
      case 'F10':
        if (!event.shiftKey) return;
        if (row.type === 'node') openMenuFromKeyboard(row, focusIndex);
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
          const letter = event.key.toLowerCase();
          const match = rows.findNodeIndex(focusIndex + 1, (node) => nodeLabel(node).toLowerCase().startsWith(letter));
          if (match !== -1) focusRow(match);
          break;
        }
        return;
    }
    event.preventDefault();
  };

  const menuEntries = (row: NodeRow): MenuEntry[] => {
    const { node } = row;
    const path = rowPath(row);
    const openDataAction = capabilities && canOpenData(node, capabilities) ? () => void openData(node, path) : null;
    const entries: MenuEntry[] = objectActions.entries({ path, detail: node.detail ?? null }, openDataAction);
    if (node.hasChildren) {
      if (entries.length > 0) entries.push({ kind: 'separator' });
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

  const { start, end, firstTop } = rowWindow.window;
  const drawn: { index: number; row: NodeRow | StatusRow }[] = [];
  for (let index = start; index < end; index++) {
    const row = rows.at(index);
    if (row) drawn.push({ index, row });
  }

  return (
    <div ref={scrollRef} className="tree-scroll" role="tree" aria-label={`Objects of ${profile?.name ?? 'the connection'}`} onKeyDown={onKeyDown}>
      <div role="none" className="tree-sizer" style={{ height: rowWindow.height }}>
        {drawn.map(({ index, row }) => {
          const common = {
            'data-index': index,
            tabIndex: index === focusIndex ? 0 : -1,
            'aria-level': row.level,
            style: { transform: `translateY(${firstTop + (index - start) * ROW_HEIGHT}px)`, height: ROW_HEIGHT, paddingLeft: 6 + (row.level - 1) * INDENT },
            onFocus: () => setFocused({ key: row.key, index }),
          };
          if (row.type !== 'node') return <StatusRowView key={row.key} row={row} common={common} onRetry={() => activate(row)} />;
          const { node } = row;
          return (
            <div
              key={row.key}
              role="treeitem"
              {...common}
              aria-expanded={node.hasChildren ? row.expanded : undefined}
              aria-selected={index === focusIndex}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              className={index === focusIndex ? 'tree-row tree-row-focused' : 'tree-row'}
              onClick={() => setFocused({ key: row.key, index })}
              onDoubleClick={() => activate(row)}
              onContextMenu={(event: MouseEvent) => {
                event.preventDefault();
                openMenu(row, index, { x: event.clientX, y: event.clientY });
              }}
              title={nodeTooltip(node)}
            >
              <span
                className={row.expanded ? 'tree-twisty tree-twisty-open' : 'tree-twisty'}
                onClick={(event) => {
                  event.stopPropagation();
                  setFocused({ key: row.key, index });
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
              <button
                type="button"
                className="tree-more"
                tabIndex={-1}
                aria-label={`Actions for ${node.name}`}
                title="Actions"
                onClick={(event) => {
                  event.stopPropagation();
                  const rect = event.currentTarget.getBoundingClientRect();
                  openMenu(row, index, { x: rect.left, y: rect.bottom });
                }}
                onDoubleClick={(event) => event.stopPropagation()}
              >
                <MoreIcon size={14} />
              </button>
            </div>
          );
        })}
      </div>
      {menu ? <Menu x={menu.x} y={menu.y} label={`Actions for ${menu.row.node.name}`} entries={menuEntries(menu.row)} onClose={() => setMenu(null)} /> : null}
      {objectActions.dialog}
    </div>
  );
}

interface StatusRowProps {
  row: StatusRow;
  common: { 'data-index': number; tabIndex: number; 'aria-level': number; style: CSSProperties; onFocus: () => void };
  onRetry: () => void;
}

function StatusRowView({ row, common, onRetry }: StatusRowProps) {
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
