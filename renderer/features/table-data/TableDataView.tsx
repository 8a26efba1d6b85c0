import { useEffect, useState } from 'react';
import type { TableTabTarget } from '../../../shared/model/workspace';
import type { CellValue, SqlEngine, TableFilter, TableSort } from '../../../shared/sql/table-query';
import { useStore } from '../../store';
import { TABLE_PAGE_SIZES } from '../../store/table-data-slice';
import { rowCountText } from './row-count-text';
import { Button } from '../../ui/Button';
import { objectNameParts } from '../schema-tree/open-data';
import { FilterBar } from './FilterBar';
import { PendingSql } from './PendingSql';
import { gridRows, sameRow, TableGrid, type CellPosition } from './TableGrid';
import { addRow, duplicateRow, hasEdits, setCell, toChanges, toggleDelete, type RowRef } from './pending-edits';
import './table-data.css';

const SQL_ENGINES: readonly string[] = ['postgres', 'mysql', 'sqlite'];

/** Sorting cycles a column through ascending, descending and unsorted. */
function nextSort(sort: TableSort[], column: string): TableSort[] {
  const current = sort.find((entry) => entry.column === column);
  if (!current) return [{ column, direction: 'asc' }];
  return current.direction === 'asc' ? [{ column, direction: 'desc' }] : [];
}

/** A table-data tab: the table's rows a page at a time, with filters, sorting and safe editing. */
export function TableDataView({ tabId, target }: { tabId: string; target: TableTabTarget }) {
  const view = useStore((s) => s.tableViews[tabId]);
  const profile = useStore((s) => s.connections.find((c) => c.id === target.connectionId));
  const capabilities = useStore((s) => s.opened[target.connectionId]?.capabilities);
  const { openTableView, queryTableView, setTablePageSize, setTableEdits, discardTableEdits, applyTableEdits, openTab } = useStore.getState();
  const [active, setActive] = useState<CellPosition | null>(null);
  const [selectedRows, setSelectedRows] = useState<RowRef[]>([]);

  useEffect(() => openTableView(tabId, target), [tabId, target, openTableView]);
  // A newly loaded page has other rows: the old selection means nothing there.
  const [selectionPage, setSelectionPage] = useState(view?.page);
  if (selectionPage !== view?.page) {
    setSelectionPage(view?.page);
    setActive(null);
    setSelectedRows([]);
  }

  if (!view) return null;
  const { page, edits } = view;
  const engine = profile && SQL_ENGINES.includes(profile.engine) ? (profile.engine as SqlEngine) : null;
  const pending = hasEdits(edits);
  const readOnlyReason = page?.readOnlyReason ?? null;
  const editable = page !== null && readOnlyReason === null && !view.applying;
  const lockedReason = pending ? 'Apply or discard the pending changes first.' : null;

  const activate = (position: CellPosition, extendRows: boolean) => {
    setActive(position);
    setSelectedRows((current) =>
      extendRows ? (current.some((row) => sameRow(row, position.row)) ? current.filter((row) => !sameRow(row, position.row)) : [...current, position.row]) : [position.row],
    );
  };
  const edit = (position: CellPosition, value: CellValue) => {
    const column = page?.columns[position.column];
    if (page && column) setTableEdits(tabId, setCell(edits, page, position.row, column.name, value));
  };
  /** Takes edits that add a row, and makes the new row active in the column that was. */
  const addRows = (next: ReturnType<typeof addRow>) => {
    setTableEdits(tabId, next);
    const added = next.inserted.at(-1);
    if (added) activate({ row: { kind: 'new', id: added.id }, column: active?.column ?? 0 }, false);
  };
  const activeColumn = active && page ? page.columns[active.column] : undefined;
  const reference = activeColumn?.references ?? null;

  const goToReferenced = () => {
    if (!page || !active || !reference) return;
    const rowValue = (column: string): CellValue => {
      const index = page.columns.findIndex((candidate) => candidate.name === column);
      if (active.row.kind === 'loaded') return edits.cells[active.row.index]?.[column] ?? page.rows[active.row.index]?.[index] ?? null;
      const id = active.row.id;
      return edits.inserted.find((added) => added.id === id)?.values[column] ?? null;
    };
    const filters: TableFilter[] = reference.columns.map(({ from, to }) => {
      const value = rowValue(from);
      return value === null ? { column: to, operator: 'is null', value: '' } : { column: to, operator: '=', value };
    });
    const table = reference.tablePath.at(-1)?.name ?? 'referenced';
    const referencedTarget = { connectionId: target.connectionId, path: reference.tablePath };
    const newTab = openTab({ title: table, connectionId: target.connectionId, sql: '', table: referencedTarget });
    openTableView(newTab, referencedTarget, filters);
  };

  const tableName = capabilities ? objectNameParts(target.path, capabilities) : [target.path.at(-1)?.name ?? ''];
  const firstRow = page && page.rows.length > 0 ? page.offset + 1 : 0;
  const lastRow = page ? page.offset + page.rows.length : 0;

  return (
    <div className="table-view" aria-label={`Data of ${target.path.at(-1)?.name ?? 'table'}`}>
      <div className="table-toolbar" role="toolbar" aria-label="Table actions">
        <Button small onClick={() => void queryTableView(tabId, {})} disabled={pending || view.loading} title={lockedReason ?? 'Reload the page'}>
          Refresh
        </Button>
        <span className="table-toolbar-gap" />
        <Button small disabled={!editable} onClick={() => addRows(addRow(edits))}>
          Add row
        </Button>
        <Button small disabled={!editable || !active || !page} onClick={() => page && active && addRows(duplicateRow(edits, page, active.row))}>
          Duplicate row
        </Button>
        <Button small disabled={!editable || selectedRows.length === 0} onClick={() => setTableEdits(tabId, toggleDelete(edits, selectedRows))}>
          Delete rows
        </Button>
        <Button small disabled={!editable || !active} onClick={() => active && edit(active, null)}>
          Set NULL
        </Button>
        <Button small disabled={!reference} onClick={goToReferenced} title={reference ? 'Open the referenced table filtered on this key' : 'Select a cell of a foreign-key column'}>
          Go to referenced row
        </Button>
        <span className="table-toolbar-gap" />
        <Button small disabled={!pending || view.applying} onClick={() => discardTableEdits(tabId)}>
          Discard
        </Button>
        <Button small variant="primary" disabled={!pending || view.applying || !editable} onClick={() => void applyTableEdits(tabId)}>
          {view.applying ? 'Applying…' : 'Apply'}
        </Button>
      </div>
      {readOnlyReason ? (
        <div className="table-banner" role="note">
          Read-only: {readOnlyReason}
        </div>
      ) : null}
      {page ? <FilterBar columns={page.columns} filters={view.filters} disabledReason={lockedReason} onApply={(filters) => void queryTableView(tabId, { filters })} /> : null}
      {view.loadError ? (
        <div className="table-error" role="alert">
          Could not load the rows: {view.loadError}
        </div>
      ) : null}
      {view.applyError ? (
        <div className="table-error" role="alert">
          Nothing was applied: {view.applyError}
        </div>
      ) : null}
      {view.applyFailure ? (
        <div className="table-error" role="alert" data-testid="apply-failure">
          <div>
            {view.applyFailure.reason === 'conflict' ? 'Conflict' : 'Error'} in statement {view.applyFailure.statement + 1} (change {view.applyFailure.change + 1}): {view.applyFailure.message}
          </div>
          <div>Every change was rolled back; your pending changes are kept so you can fix them and apply again.</div>
        </div>
      ) : null}
      <div className="table-body">
        {page ? (
          <TableGrid
            page={page}
            queryKey={JSON.stringify([view.filters, view.sort, page.offset, view.limit])}
            edits={edits}
            sort={view.sort}
            editable={editable}
            active={active && gridRows(page, edits).some((row) => sameRow(row, active.row)) ? active : null}
            selectedRows={selectedRows}
            onActivate={activate}
            onSort={(column) => (pending ? undefined : void queryTableView(tabId, { sort: nextSort(view.sort, column) }))}
            onEdit={edit}
          />
        ) : (
          <div className="table-empty">{view.loading ? 'Loading rows…' : ''}</div>
        )}
        {pending && page && engine ? <PendingSql engine={engine} table={tableName} columns={page.columns} changes={toChanges(edits, page)} failure={view.applyFailure} /> : null}
      </div>
      <div className="table-status">
        <span>{page ? `Rows ${firstRow.toLocaleString('en-US')}–${lastRow.toLocaleString('en-US')}` : ''}</span>
        <span data-testid="table-row-count">{rowCountText(view.estimate, view.filters.length > 0)}</span>
        <span className="table-toolbar-gap" />
        <label className="table-page-size">
          Rows per page
          <select
            className="input select"
            value={view.limit}
            disabled={pending || view.loading}
            title={lockedReason ?? undefined}
            onChange={(event) => void setTablePageSize(tabId, Number(event.target.value))}
          >
            {TABLE_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <Button small disabled={!page || page.offset === 0 || pending || view.loading} title={lockedReason ?? undefined} onClick={() => void queryTableView(tabId, { offset: Math.max(0, view.offset - view.limit) })}>
          Previous page
        </Button>
        <Button small disabled={!page?.hasMore || pending || view.loading} title={lockedReason ?? undefined} onClick={() => void queryTableView(tabId, { offset: view.offset + view.limit })}>
          Next page
        </Button>
      </div>
    </div>
  );
}
