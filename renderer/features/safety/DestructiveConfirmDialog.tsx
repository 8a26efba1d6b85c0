import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { ProductionBadge } from '../connections/ConnectionModeBadge';
import { isConfirmationTyped, type DestructiveConfirmationRequest } from './run-safety';
import './safety.css';

/** More statements than this are counted, not listed: the dialog must stay usable for a long script. */
export const MAX_LISTED_STATEMENTS = 50;

interface DestructiveConfirmDialogProps {
  request: DestructiveConfirmationRequest;
  /** true: run the script; false: run nothing (Cancel, Esc, the close button). */
  onAnswer: (run: boolean) => void;
}

/**
 * Lists each statement that needs a confirmation with its reason. Ordinary connections choose
 * Cancel or Run (Cancel has the focus, so Enter does not run); production connections enable Run
 * only once the connection's name is typed.
 */
export function DestructiveConfirmDialog({ request, onAnswer }: DestructiveConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const ready = isConfirmationTyped(request, typed);
  const { statements, production } = request;
  const listed = statements.slice(0, MAX_LISTED_STATEMENTS);
  const count = statements.length === 1 ? 'This statement needs' : `These ${statements.length} statements need`;

  const footer = (
    <>
      <Button onClick={() => onAnswer(false)} data-autofocus={production ? undefined : true}>
        Cancel
      </Button>
      <Button type="submit" variant="danger" disabled={!ready}>
        Run
      </Button>
    </>
  );

  return (
    <Dialog
      title={production ? 'Run on a production connection?' : 'Run destructive statements?'}
      onClose={() => onAnswer(false)}
      onSubmit={() => {
        if (ready) onAnswer(true);
      }}
      footer={footer}
      width={640}
      className="destructive-dialog"
    >
      <p className="dialog-text destructive-intro">
        {count} your confirmation on <span className="destructive-connection">{request.connectionName}</span>
        {production ? <ProductionBadge /> : null}
      </p>
      <ol className="destructive-list" aria-label="Statements to confirm">
        {listed.map((statement) => (
          <li key={statement.offset} className="destructive-item">
            <div className="destructive-reason">{statement.reason.text}</div>
            <pre className="destructive-sql">{statement.sql}</pre>
          </li>
        ))}
      </ol>
      {statements.length > listed.length ? <p className="dialog-text">…and {statements.length - listed.length} more.</p> : null}
      {production ? (
        <TextField
          label={`Type ${quoted(request.typeToConfirm[0] ?? '')} to run`}
          value={typed}
          onChange={setTyped}
          data-autofocus
          className="destructive-type"
          hint={request.typeToConfirm.length > 1 ? `The database name ${quoted(request.typeToConfirm[1])} works too.` : undefined}
        />
      ) : null}
    </Dialog>
  );
}

function quoted(text: string): string {
  return `“${text}”`;
}
