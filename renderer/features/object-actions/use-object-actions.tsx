import { useState, type ReactNode } from 'react';
import type { PathSegment } from '../../../shared/model/schema';
import { statementTemplate, type TemplateKind } from '../../../shared/sql/templates';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { toStrataError } from '../../store/runs-slice';
import type { MenuEntry } from '../../ui/Menu';
import { DdlDialog } from './DdlDialog';
import { DropDialog } from './DropDialog';
import { objectAddress, ownNameParts, type ObjectAddress } from './object-address';
import { objectMenuEntries } from './object-menu';
import { TableExportDialog } from '../export/TableExportDialog';
import { openImportDialog } from '../import/import-dialog-trigger';

/** The node a menu was opened on. */
export interface ActionTarget {
  path: PathSegment[];
  detail: string | null;
}

type OpenDialog =
  | { type: 'ddl'; path: PathSegment[]; title: string }
  | { type: 'drop'; address: ObjectAddress }
  | { type: 'export'; path: PathSegment[] }
  | null;

export interface ObjectActions {
  /** The node's menu entries; `openData` is the tree's own "open data" for nodes that hold rows. */
  entries: (target: ActionTarget, openData: (() => void) | null) => MenuEntry[];
  /** The DDL or drop dialog, when one is open. */
  dialog: ReactNode;
}

/** The per-object actions of one connection's tree: the menu entries and the dialogs they open. */
export function useObjectActions(connectionId: string): ObjectActions {
  const profile = useStore((s) => s.connections.find((c) => c.id === connectionId));
  const capabilities = useStore((s) => s.opened[connectionId]?.capabilities);
  const [open, setOpen] = useState<OpenDialog>(null);
  const close = () => setOpen(null);

  const copy = (text: string) => {
    navigator.clipboard
      .writeText(text)
      .then(() => useStore.getState().notify({ kind: 'success', title: 'Copied', message: text }))
      .catch((error: unknown) => useStore.getState().notify({ kind: 'error', title: 'Could not copy', message: (error as Error).message }));
  };

  const generate = async (path: PathSegment[], address: ObjectAddress, kind: TemplateKind) => {
    if (!profile) return;
    const { openTab, notify } = useStore.getState();
    try {
      const detail = await api.invoke('schema/table', { connectionId, path });
      const sql = statementTemplate(kind, { engine: profile.engine, nameParts: ownNameParts(address), columns: detail.columns });
      openTab({ title: `${address.name} ${kind.toUpperCase()}`, connectionId, sql });
    } catch (error) {
      notify({ kind: 'error', title: `Could not read the columns of ${address.name}`, message: toStrataError(error).message });
    }
  };

  const entries = (target: ActionTarget, openData: (() => void) | null): MenuEntry[] => {
    if (!profile || !capabilities) return [];
    const address = objectAddress(target.path, target.detail, capabilities, profile.engine);
    return objectMenuEntries(
      { engine: profile.engine, capabilities, address },
      {
        openData,
        showDdl: () => setOpen({ type: 'ddl', path: target.path, title: address.name }),
        copy,
        generate: (kind) => void generate(target.path, address, kind),
        importCsv: address.kind === 'table' ? () => openImportDialog(connectionId, target.path) : null,
        exportData: () => setOpen({ type: 'export', path: target.path }),
        drop: () => setOpen({ type: 'drop', address }),
      },
    );
  };

  let dialog: ReactNode = null;
  if (open?.type === 'export') dialog = <TableExportDialog connectionId={connectionId} path={open.path} onClose={close} />;
  else if (open?.type === 'ddl') dialog = <DdlDialog connectionId={connectionId} path={open.path} title={open.title} onClose={close} />;
  else if (open?.type === 'drop' && profile) {
    dialog = <DropDialog connectionId={connectionId} engine={profile.engine} production={profile.production} address={open.address} onClose={close} />;
  }
  return { entries, dialog };
}
