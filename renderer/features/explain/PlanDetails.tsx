import { misestimate } from '../../../shared/explain/estimates';
import type { PlanNode } from '../../../shared/explain/plan';
import { formatShare } from '../../../shared/explain/weigh';
import { describeMisestimate, formatCost, formatPlanMs, formatRowCount } from './plan-format';

interface Figure {
  label: string;
  value: string;
}

/** Everything known about the selected step: its figures, then every field the engine reported. */
export function PlanDetails({ node }: { node: PlanNode | null }) {
  if (!node) return <aside className="plan-details plan-details-empty">Select a step to see its details.</aside>;
  const off = misestimate(node);
  return (
    <aside className="plan-details" aria-label={`Details of ${node.label}`}>
      <h3 className="plan-details-title">{node.label}</h3>
      {node.detail ? <p className="plan-details-detail">{node.detail}</p> : null}
      {node.hot ? <p className={`plan-details-hot plan-hot-text-${node.hot.level}`}>{node.hot.reason}</p> : null}
      {off ? <p className="plan-details-misestimate">{describeMisestimate(off)}</p> : null}
      <FieldList title="Figures" fields={figuresOf(node)} />
      <FieldList title="Reported by the engine" fields={node.raw.map((field) => ({ label: field.name, value: field.value }))} />
    </aside>
  );
}

function FieldList({ title, fields }: { title: string; fields: Figure[] }) {
  if (fields.length === 0) return null;
  return (
    <section className="plan-details-section">
      <h4 className="plan-details-heading">{title}</h4>
      <dl className="plan-fields">
        {fields.map((field, index) => (
          <div key={`${field.label}-${index}`} className="plan-field">
            <dt>{field.label}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function figuresOf(node: PlanNode): Figure[] {
  const figures: Figure[] = [];
  const add = (label: string, value: number | undefined, format: (value: number) => string) => {
    if (value !== undefined) figures.push({ label, value: format(value) });
  };
  add('Estimated rows (per run)', node.planRows, formatRowCount);
  add('Actual rows (per run)', node.actualRows, formatRowCount);
  add('Runs (loops)', node.loops, formatRowCount);
  add('Time, with children', node.actualTimeMs, formatPlanMs);
  add('Own time', node.selfTimeMs, formatPlanMs);
  add('Startup cost', node.startupCost, formatCost);
  add('Total cost, with children', node.totalCost, formatCost);
  add('Own cost', node.selfCost, formatCost);
  add('Own share', node.share, formatShare);
  return figures;
}
