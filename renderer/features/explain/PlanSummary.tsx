import type { Plan } from '../../../shared/explain/plan';
import { formatCost, formatPlanMs, measureNote, planTitle } from './plan-format';

/** The plan's totals, plan-level facts (triggers, JIT) and the warnings about how it was obtained. */
export function PlanSummary({ plan }: { plan: Plan }) {
  const totals: { label: string; value: string }[] = [];
  if (plan.planningTimeMs !== undefined) totals.push({ label: 'Planning', value: formatPlanMs(plan.planningTimeMs) });
  if (plan.executionTimeMs !== undefined) totals.push({ label: 'Execution', value: formatPlanMs(plan.executionTimeMs) });
  if (plan.totalCost !== undefined) totals.push({ label: 'Total cost', value: formatCost(plan.totalCost) });
  return (
    <header className="plan-summary">
      <div className="plan-summary-line">
        <h2 className="plan-summary-title">{planTitle(plan)}</h2>
        {totals.map((total) => (
          <span key={total.label} className="plan-total">
            <span className="plan-total-label">{total.label}</span>
            <span className="plan-total-value">{total.value}</span>
          </span>
        ))}
      </div>
      <p className="plan-summary-note">{measureNote(plan)}</p>
      {plan.facts.length > 0 ? (
        <ul className="plan-facts">
          {plan.facts.map((fact, index) => (
            <li key={`${fact.label}-${index}`}>
              <span className="plan-total-label">{fact.label}</span> {fact.value}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.warnings.map((warning, index) => (
        <p key={index} className="plan-warning" role="note">
          {warning}
        </p>
      ))}
    </header>
  );
}
