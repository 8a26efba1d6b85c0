import { useStore } from '../../store';
import { Button } from '../../ui/Button';

/** Shown instead of the app when the host does not answer: what happened and what to do, as text. */
export function HostUnreachable() {
  const problem = useStore((s) => s.hostProblem);
  const electron = Boolean(window.strata);
  return (
    <main className="host-unreachable">
      <div className="host-unreachable-card">
        <h1>Strata cannot reach its host</h1>
        <p>This window draws the interface; the host process talks to your databases, and it is not answering.</p>
        {electron ? (
          <p>Quit Strata and start it again. If that keeps happening, run it from a terminal to see what the host reports.</p>
        ) : (
          <ul>
            <li>
              Check that <code>npm run serve</code> is still running in its terminal.
            </li>
            <li>
              Open the exact address it printed, including the part after <code>#token=</code>: without the token the host refuses the page.
            </li>
            <li>A restarted host prints a new address with a new token.</li>
          </ul>
        )}
        {problem ? <p className="host-unreachable-detail">{problem}</p> : null}
        <p className="muted">Strata keeps trying in the background and continues as soon as the host answers.</p>
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    </main>
  );
}
