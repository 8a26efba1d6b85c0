import { planChanges, tableDmlOptions, type TableChange } from '../../../shared/sql/dml';
import { binaryLiteral } from '../../../shared/sql/hex-bytes';
import type { SqlEngine, TableColumn } from '../../../shared/sql/table-query';
import type { ApplyFailure } from '../../store/table-data-slice';

interface PendingSqlProps {
  engine: SqlEngine;
  table: string[];
  columns: TableColumn[];
  changes: TableChange[];
  failure: ApplyFailure | null;
}

function placeholderName(engine: SqlEngine, index: number): string {
  return engine === 'postgres' ? `$${index + 1}` : `?${index + 1}`;
}

/** Bytes shown in a bound value before it is cut off with its length. */
const SHOWN_BYTES = 256;
/** Characters shown of a bound text, likewise. */
const SHOWN_CHARACTERS = 1000;

/** A bound text as the list shows it: whole, or its start and its length when it is long. */
function shownText(value: string): string {
  if (value.length <= SHOWN_CHARACTERS) return value;
  return `${value.slice(0, SHOWN_CHARACTERS)}… (${value.length.toLocaleString('en-US')} characters)`;
}

/** The exact statements Apply will run, in order, each with its bound values beside it as text. */
export function PendingSql({ engine, table, columns, changes, failure }: PendingSqlProps) {
  const plan = planChanges(engine, table, changes, tableDmlOptions(engine, columns));
  return (
    <section className="table-pending-sql" aria-label="Pending SQL">
      <div className="table-pending-title">
        {plan.length} statement{plan.length === 1 ? '' : 's'} will run in one transaction
      </div>
      <ol>
        {plan.map(({ statement }, index) => (
          <li key={index} className={failure?.statement === index ? 'table-pending-statement failed' : 'table-pending-statement'} data-testid="pending-statement">
            <code className="table-pending-code">{statement.sql}</code>
            {statement.params.length > 0 ? (
              <ul className="table-pending-params" aria-label="Bound values">
                {statement.params.map((value, param) => (
                  <li key={param}>
                    <span className="table-param-name">{placeholderName(engine, param)}</span> ={' '}
                    {value === null ? (
                      <span className="table-null">NULL</span>
                    ) : (
                      <span className="table-param-value">{value instanceof Uint8Array ? binaryLiteral(engine, value, SHOWN_BYTES) : shownText(value)}</span>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
