import { useState } from 'react';
import { FILTER_OPERATORS, VALUELESS_OPERATORS, type FilterOperator, type TableColumn, type TableFilter } from '../../../shared/sql/table-query';
import { Button, IconButton } from '../../ui/Button';

interface FilterBarProps {
  columns: TableColumn[];
  filters: TableFilter[];
  /** Why the filters cannot change now (pending edits), or null. */
  disabledReason: string | null;
  onApply: (filters: TableFilter[]) => void;
}

/** Conditions on columns, all of which a row must meet; applied on the server when the user asks. */
export function FilterBar({ columns, filters, disabledReason, onApply }: FilterBarProps) {
  const [draft, setDraft] = useState<TableFilter[]>(filters);
  // New filters from outside (applied, or reset) replace the draft.
  const [shown, setShown] = useState(filters);
  if (shown !== filters) {
    setShown(filters);
    setDraft(filters);
  }

  const change = (index: number, next: Partial<TableFilter>) => setDraft((current) => current.map((filter, i) => (i === index ? { ...filter, ...next } : filter)));
  const add = () => setDraft((current) => [...current, { column: columns[0]?.name ?? '', operator: '=', value: '' }]);
  const remove = (index: number) => setDraft((current) => current.filter((_, i) => i !== index));
  const disabled = disabledReason !== null;

  return (
    <form
      className="table-filter-bar"
      aria-label="Filter rows"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
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
            <input aria-label={`Filter ${index + 1} value`} className="input" value={filter.value} disabled={disabled} onChange={(event) => change(index, { value: event.target.value })} />
          )}
          <IconButton label={`Remove filter ${index + 1}`} disabled={disabled} onClick={() => remove(index)}>
            ×
          </IconButton>
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
