import { z } from 'zod';
import { schemaPathSchema } from './schema';

export const THEMES = ['dark', 'light', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const editorTabSchema = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().max(200),
  connectionId: z.string().max(100).nullable(),
  sql: z.string().max(10_000_000),
  cursorOffset: z.number().int().min(0),
  /** A table-data tab: shows the rows of this table or view instead of an editor. */
  table: z.strictObject({ connectionId: z.string().min(1).max(100), path: schemaPathSchema.min(1) }).optional(),
});
export type TableTabTarget = NonNullable<z.infer<typeof editorTabSchema>['table']>;
export type EditorTab = z.infer<typeof editorTabSchema>;

/** What survives a restart: open tabs with their unsaved text, the active tab, the theme and settings. */
export const workspaceSchema = z.strictObject({
  tabs: z.array(editorTabSchema).max(200),
  activeTabId: z.string().max(100).nullable(),
  activeConnectionId: z.string().max(100).nullable(),
  theme: z.enum(THEMES),
  /** Megabytes of one result kept in memory before the rest spools to disk; 256 when absent. */
  resultMemoryMb: z.number().int().min(1).max(65536).optional(),
});
export type Workspace = z.infer<typeof workspaceSchema>;
