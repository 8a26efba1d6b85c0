import { api } from '../../bridge';
import { useStore } from '../../store';

/** After a run that changed the schema (DDL), reloads the expanded nodes of that run's connection. */
export function watchSchemaChanges(): () => void {
  return api.subscribe('query/event', (event) => {
    if (event.type !== 'run-end' || !event.schemaChanged) return;
    const state = useStore.getState();
    const run = Object.values(state.runs).find((r) => r.runId === event.runId);
    if (run && state.schemaTrees[run.connectionId]) void state.refreshSchema(run.connectionId);
  });
}
