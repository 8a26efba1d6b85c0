import type { TabPlan } from '../../store/explain-slice';
import { PlanView } from './PlanView';

/** The results panel's Plan tab: a spinner line while the server plans, its error, or the plan. */
export function ExplainResult({ plan }: { plan: TabPlan }) {
  const what = plan.analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN';
  if (plan.status === 'running') {
    return (
      <p className="plan-status" role="status">
        Running {what}…
      </p>
    );
  }
  if (plan.status === 'error') {
    return (
      <div className="plan-status plan-status-error" role="alert">
        <p className="plan-status-title">{what} failed</p>
        <p className="plan-status-message">{plan.error.message}</p>
      </div>
    );
  }
  return <PlanView key={plan.requestId} plan={plan.plan} />;
}
