import { useRef, type KeyboardEvent } from 'react';
import { misestimate } from '../../../shared/explain/estimates';
import type { PlanNode } from '../../../shared/explain/plan';
import { formatShare } from '../../../shared/explain/weigh';
import { ChevronIcon } from '../../ui/icons';
import { gridTemplate, type PlanColumns } from './plan-columns';
import { describeMisestimate, formatCost, formatPlanMs, formatRowCount } from './plan-format';
import { treeKeyAction, type PlanRow } from './plan-rows';

const INDENT = 16;
const ROW_HEIGHT = 26;

interface PlanTreeProps {
  rows: PlanRow[];
  columns: PlanColumns;
  analyzed: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
}

/** The plan as an indented, collapsible tree; arrow keys move, Left/Right close and open, Enter toggles. */
export function PlanTree({ rows, columns, analyzed, selectedId, onSelect, onToggle }: PlanTreeProps) {
  const treeRef = useRef<HTMLDivElement>(null);
  const selectedIndex = Math.max(0, rows.findIndex((row) => row.node.id === selectedId));
  const template = gridTemplate(columns);

  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    onSelect(row.node.id);
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageSize = Math.max(1, Math.floor((treeRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const action = treeKeyAction(event.key, rows, selectedIndex, pageSize);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'toggle') onToggle(action.id);
    else focusRow(action.index);
  };

  return (
    <div className="plan-tree-scroll">
      <div className="plan-tree-header" aria-hidden="true" style={{ gridTemplateColumns: template }}>
        <span>Operation</span>
        {columns.cost ? <span className="plan-num">Cost</span> : null}
        {columns.rows ? <span className="plan-num">{analyzed ? 'Rows (actual / est.)' : 'Rows (est.)'}</span> : null}
        {columns.time ? <span className="plan-num">Time</span> : null}
        {columns.share ? <span>Own share</span> : null}
      </div>
      <div ref={treeRef} role="tree" aria-label="Query plan" className="plan-tree" onKeyDown={onKeyDown}>
        {rows.map((row, index) => (
          <PlanTreeRow
            key={row.node.id}
            row={row}
            index={index}
            columns={columns}
            template={template}
            analyzed={analyzed}
            selected={index === selectedIndex}
            onSelect={() => onSelect(row.node.id)}
            onToggle={() => onToggle(row.node.id)}
          />
        ))}
      </div>
    </div>
  );
}

interface PlanTreeRowProps {
  row: PlanRow;
  index: number;
  columns: PlanColumns;
  template: string;
  analyzed: boolean;
  selected: boolean;
  onSelect: () => void;
  onToggle: () => void;
}

function PlanTreeRow({ row, index, columns, template, analyzed, selected, onSelect, onToggle }: PlanTreeRowProps) {
  const { node, depth, hasChildren, expanded } = row;
  const classes = ['plan-row', selected ? 'plan-row-selected' : '', node.hot ? `plan-row-${node.hot.level}` : ''].filter(Boolean).join(' ');
  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      data-row-index={index}
      className={classes}
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}
      onClick={onSelect}
      onDoubleClick={hasChildren ? onToggle : undefined}
    >
      <span className="plan-op" style={{ paddingLeft: 4 + depth * INDENT }}>
        <span
          className={expanded ? 'plan-twisty plan-twisty-open' : 'plan-twisty'}
          onClick={(event) => {
            event.stopPropagation();
            onSelect();
            if (hasChildren) onToggle();
          }}
        >
          {hasChildren ? <ChevronIcon size={12} /> : null}
        </span>
        {node.hot ? <span className={`plan-hot-dot plan-hot-${node.hot.level}`} role="img" aria-label={node.hot.reason} title={node.hot.reason} /> : null}
        <span className="plan-label">{node.label}</span>
        {node.detail ? <span className="plan-detail" title={node.detail}>{node.detail}</span> : null}
      </span>
      {columns.cost ? <span className="plan-num">{node.totalCost !== undefined ? formatCost(node.totalCost) : node.selfCost !== undefined ? formatCost(node.selfCost) : ''}</span> : null}
      {columns.rows ? <RowsCell node={node} analyzed={analyzed} /> : null}
      {columns.time ? <span className="plan-num">{node.actualTimeMs !== undefined ? formatPlanMs(node.actualTimeMs) : node.selfTimeMs !== undefined ? formatPlanMs(node.selfTimeMs) : ''}</span> : null}
      {columns.share ? <ShareCell share={node.share} /> : null}
    </div>
  );
}

function RowsCell({ node, analyzed }: { node: PlanNode; analyzed: boolean }) {
  const off = misestimate(node);
  const estimated = node.planRows === undefined ? '' : formatRowCount(node.planRows);
  const actual = analyzed && node.actualRows !== undefined ? formatRowCount(node.actualRows) : '';
  const text = actual && estimated ? `${actual} / ${estimated}` : actual || estimated;
  return (
    <span className="plan-num plan-rows">
      {node.loops !== undefined && node.loops !== 1 ? <span className="plan-loops" title={`Ran ${node.loops} times; rows are per run`}>{`×${formatRowCount(node.loops)}`}</span> : null}
      {off ? (
        <span className="plan-misestimate" title={describeMisestimate(off)} aria-label={describeMisestimate(off)}>
          {text}
        </span>
      ) : (
        text
      )}
    </span>
  );
}

function ShareCell({ share }: { share: number | undefined }) {
  if (share === undefined || share === 0) return <span />;
  return (
    <span className="plan-share">
      <span className="plan-bar" aria-hidden="true">
        <span className="plan-bar-fill" style={{ width: `${Math.min(100, share * 100)}%` }} />
      </span>
      <span className="plan-share-text">{formatShare(share)}</span>
    </span>
  );
}
