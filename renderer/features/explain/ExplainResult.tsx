import type { TabPlan } from '../../store/explain-slice';
import { Button } from '../../ui/Button';
import { PlanView } from './PlanView';

/** The results panel's Plan tab: progress with Cancel while the server plans, its error, a cancel, or the plan. */
export function ExplainResult({ plan, onCancel }: { plan: TabPlan; onCancel: () => void }) {
  const what = plan.analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN';
  if (plan.status === 'running') {
    return (
      <div className="plan-status plan-status-running">
        <p role="status">{plan.cancelRequested ? `Cancelling ${what}…` : `Running ${what}…`}</p>
        <Button small onClick={onCancel} disabled={plan.cancelRequested} title={`Stop the ${what} on the server`}>
          Cancel
        </Button>
      </div>
    );
  }
  if (plan.status === 'cancelled') {
    return (
      <div className="plan-status plan-status-cancelled" role="status">
        <p className="plan-status-title">{what} cancelled</p>
        <p className="plan-status-message">
          {plan.analyze
            ? 'It was stopped before the plan was ready, and anything the statement changed was rolled back.'
            : 'It was stopped before the plan was ready.'}
        </p>
      </div>
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
