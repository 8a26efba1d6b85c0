import { useId, useState } from 'react';
import { FILTER_OPERATORS, VALUELESS_OPERATORS, type FilterOperator, type TableColumn, type TableFilter } from '../../../shared/sql/table-query';
import { columnValueType, filterValue, PATTERN_OPERATORS } from '../../../shared/sql/value-types';
import { Button, IconButton } from '../../ui/Button';

interface FilterBarProps {
  columns: TableColumn[];
  filters: TableFilter[];
  /** Why the filters cannot change now (pending edits), or null. */
  disabledReason: string | null;
  onApply: (filters: TableFilter[]) => void;
}

/** What a filter's value box suggests for its column: hex for bytes, a number for BIT. */
function placeholderFor(column: TableColumn | undefined, operator: FilterOperator): string | undefined {
  if (column?.binary) return 'hex bytes, e.g. 0x00ff';
  if (column?.bitWidth !== undefined && !PATTERN_OPERATORS.includes(operator)) return "a whole number, or b'0101'";
  return undefined;
}

/** Why each filter's value cannot be used (not hex for a binary column, not a number for BIT), or null. */
function valueProblems(filters: TableFilter[], columns: TableColumn[]): (string | null)[] {
  return filters.map((filter) => {
    const column = columns.find((candidate) => candidate.name === filter.column);
    if (!column || VALUELESS_OPERATORS.includes(filter.operator)) return null;
    const value = filterValue(columnValueType(column), filter.operator, filter.value);
    return value.ok ? null : value.message;
  });
}

/** Conditions on columns, all of which a row must meet; applied on the server when the user asks. */
export function FilterBar({ columns, filters, disabledReason, onApply }: FilterBarProps) {
  const [draft, setDraft] = useState<TableFilter[]>(filters);
  // Shown after an Apply that was refused, until that filter changes.
  const [problems, setProblems] = useState<(string | null)[]>([]);
  // New filters from outside (applied, or reset) replace the draft.
  const [shown, setShown] = useState(filters);
  if (shown !== filters) {
    setShown(filters);
    setDraft(filters);
    setProblems([]);
  }

  const change = (index: number, next: Partial<TableFilter>) => {
    setDraft((current) => current.map((filter, i) => (i === index ? { ...filter, ...next } : filter)));
    setProblems((current) => current.map((problem, i) => (i === index ? null : problem)));
  };
  const add = () => setDraft((current) => [...current, { column: columns[0]?.name ?? '', operator: '=', value: '' }]);
  const remove = (index: number) => {
    setDraft((current) => current.filter((_, i) => i !== index));
    setProblems((current) => current.filter((_, i) => i !== index));
  };
  const disabled = disabledReason !== null;
  const formId = useId();

  return (
    <form
      className="table-filter-bar"
      aria-label="Filter rows"
      onSubmit={(event) => {
        event.preventDefault();
        const found = valueProblems(draft, columns);
        setProblems(found);
        if (found.every((problem) => problem === null)) onApply(draft);
      }}
    >
      {draft.map((filter, index) => (
        <div className="table-filter" key={index}>
          <select aria-label={`Filter ${index + 1} column`} className="input select" value={filter.column} disabled={disabled} onChange={(event) => change(index, { column: event.target.value })}>
            {columns.map((column) => (
              <option key={column.name} value={column.name}>
                {column.name}
              </option>
            ))}
          </select>
          <select
            aria-label={`Filter ${index + 1} operator`}
            className="input select"
            value={filter.operator}
            disabled={disabled}
            onChange={(event) => change(index, { operator: event.target.value as FilterOperator })}
          >
            {FILTER_OPERATORS.map((operator) => (
              <option key={operator} value={operator}>
                {operator}
              </option>
            ))}
          </select>
          {VALUELESS_OPERATORS.includes(filter.operator) ? null : (
            <input
              aria-label={`Filter ${index + 1} value`}
              className={problems[index] ? 'input input-invalid' : 'input'}
              aria-invalid={problems[index] ? true : undefined}
              aria-describedby={problems[index] ? `${formId}-problem-${index}` : undefined}
              placeholder={placeholderFor(columns.find((column) => column.name === filter.column), filter.operator)}
              value={filter.value}
              disabled={disabled}
              onChange={(event) => change(index, { value: event.target.value })}
            />
          )}
          <IconButton label={`Remove filter ${index + 1}`} disabled={disabled} onClick={() => remove(index)}>
            ×
          </IconButton>
          {problems[index] ? (
            <div className="table-filter-problem" id={`${formId}-problem-${index}`} role="alert">
              {problems[index]}
            </div>
          ) : null}
        </div>
      ))}
      <Button small onClick={add} disabled={disabled || columns.length === 0} title={disabledReason ?? undefined}>
        Add filter
      </Button>
      <Button small type="submit" variant="primary" disabled={disabled} title={disabledReason ?? undefined}>
        Apply filter
      </Button>
    </form>
  );
}
