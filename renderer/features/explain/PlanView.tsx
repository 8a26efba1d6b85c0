import { useMemo, useState } from 'react';
import type { Plan } from '../../../shared/explain/plan';
import { Button } from '../../ui/Button';
import { Splitter } from '../../ui/Splitter';
import { planColumns } from './plan-columns';
import { branchIds, findPlanNode, visiblePlanRows } from './plan-rows';
import { PlanDetails } from './PlanDetails';
import { PlanSummary } from './PlanSummary';
import { PlanTree } from './PlanTree';
import './explain.css';

const DETAILS_WIDTH = { initial: 340, min: 220, max: 720 };

/**
 * A query plan from query/explain: totals on top, the tree of steps with cost, rows, time and each
 * step's own share (the most expensive highlighted), and the selected step's fields beside it.
 * Everything the engine reported is shown as text.
 */
export function PlanView({ plan }: { plan: Plan }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailsWidth, setDetailsWidth] = useState(DETAILS_WIDTH.initial);
  const rows = useMemo(() => visiblePlanRows(plan.roots, collapsed), [plan, collapsed]);
  const columns = useMemo(() => planColumns(plan), [plan]);
  const selected = (selectedId !== null ? findPlanNode(plan.roots, selectedId) : null) ?? plan.roots[0] ?? null;

  const toggle = (id: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section className="plan-view" aria-label="Query plan">
      <PlanSummary plan={plan} />
      <div className="plan-toolbar">
        <Button small variant="ghost" onClick={() => setCollapsed(new Set())}>
          Expand all
        </Button>
        <Button small variant="ghost" onClick={() => setCollapsed(new Set(branchIds(plan.roots)))}>
          Collapse all
        </Button>
      </div>
      <div className="plan-body">
        <PlanTree
          rows={rows}
          columns={columns}
          analyzed={plan.analyzed}
          selectedId={selected?.id ?? null}
          onSelect={setSelectedId}
          onToggle={toggle}
        />
        <Splitter
          orientation="vertical"
          value={detailsWidth}
          min={DETAILS_WIDTH.min}
          max={DETAILS_WIDTH.max}
          onChange={setDetailsWidth}
          label="Resize the details pane"
          direction={-1}
        />
        <div className="plan-details-pane" style={{ width: detailsWidth }}>
          <PlanDetails node={selected} />
        </div>
      </div>
    </section>
  );
}
