import { z } from 'zod';

export const THEMES = ['dark', 'light', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const editorTabSchema = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().max(200),
  connectionId: z.string().max(100).nullable(),
  sql: z.string().max(10_000_000),
  cursorOffset: z.number().int().min(0),
});
export type EditorTab = z.infer<typeof editorTabSchema>;

/** What survives a restart: open tabs with their unsaved text, the active tab and the theme. */
export const workspaceSchema = z.strictObject({
  tabs: z.array(editorTabSchema).max(200),
  activeTabId: z.string().max(100).nullable(),
  activeConnectionId: z.string().max(100).nullable(),
  theme: z.enum(THEMES),
});
export type Workspace = z.infer<typeof workspaceSchema>;
