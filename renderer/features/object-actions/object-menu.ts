import type { Capabilities } from '../../../shared/model/capabilities';
import type { Engine } from '../../../shared/model/connection';
import type { SchemaNodeKind } from '../../../shared/model/schema';
import { qualifiedName, quoteIdentifier } from '../../../shared/sql/quote';
import type { TemplateKind } from '../../../shared/sql/templates';
import type { MenuEntry } from '../../ui/Menu';
import { DROPPABLE_KINDS, isDroppable, kindWord } from './drop-statement';
import { ownNameParts, type ObjectAddress } from './object-address';

/** Kinds whose CREATE statement "Show DDL" asks the driver for: the objects the tree can also drop. */
const DDL_KINDS = DROPPABLE_KINDS;

const TEMPLATE_KINDS: Readonly<Partial<Record<SchemaNodeKind, readonly TemplateKind[]>>> = {
  table: ['select', 'insert', 'update', 'delete'],
  view: ['select'],
  'materialized-view': ['select'],
};

/** What the menu's entries do; the tree supplies them. */
export interface ObjectActionHandlers {
  openData: (() => void) | null;
  showDdl: () => void;
  copy: (text: string) => void;
  generate: (kind: TemplateKind) => void;
  /** Tables only: opens the CSV import dialog for the table. */
  importCsv: (() => void) | null;
  /** Tables and views: exports every row to a file. */
  exportData: (() => void) | null;
  drop: () => void;
}

export interface ObjectMenuContext {
  engine: Engine;
  capabilities: Capabilities;
  address: ObjectAddress;
}

/** The qualified name to copy: schema or database, the table for a column, then the object. */
export function qualifiedObjectName(engine: Engine, address: ObjectAddress): string {
  if (address.kind === 'column' && address.table !== null) return qualifiedName(engine, [...address.container, address.table, address.name]);
  return qualifiedName(engine, ownNameParts(address));
}

/** The entries of one node's context menu, by kind; roles and users are read-only and only copy. */
export function objectMenuEntries({ engine, capabilities, address }: ObjectMenuContext, handlers: ObjectActionHandlers): MenuEntry[] {
  const { kind } = address;
  if (kind === 'group') return [];
  const entries: MenuEntry[] = [];
  const isSql = capabilities.kind === 'sql';
  if (handlers.openData) entries.push({ label: 'Open data', shortcut: 'Enter', onSelect: handlers.openData });
  if (isSql && DDL_KINDS.includes(kind)) entries.push({ label: 'Show DDL', onSelect: handlers.showDdl });
  if (entries.length > 0) entries.push({ kind: 'separator' });

  entries.push({ label: 'Copy name', onSelect: () => handlers.copy(quoteIdentifier(engine, address.name)) });
  const qualified = qualifiedObjectName(engine, address);
  if (qualified !== quoteIdentifier(engine, address.name)) entries.push({ label: 'Copy qualified name', onSelect: () => handlers.copy(qualified) });

  const templates = isSql ? (TEMPLATE_KINDS[kind] ?? []) : [];
  if (templates.length > 0) {
    entries.push({ kind: 'separator' });
    for (const template of templates) entries.push({ label: `Generate ${template.toUpperCase()}`, onSelect: () => handlers.generate(template) });
  }
  const transfer: MenuEntry[] = [];
  if (isSql && handlers.importCsv && kind === 'table') transfer.push({ label: 'Import CSV…', onSelect: handlers.importCsv });
  if (isSql && handlers.exportData && (kind === 'table' || kind === 'view' || kind === 'materialized-view')) transfer.push({ label: 'Export data…', onSelect: handlers.exportData });
  if (transfer.length > 0) entries.push({ kind: 'separator' }, ...transfer);
  if (isSql && isDroppable(kind)) {
    entries.push({ kind: 'separator' });
    entries.push({ label: `Drop ${kindWord(kind)}…`, danger: true, onSelect: handlers.drop });
  }
  return entries;
}
