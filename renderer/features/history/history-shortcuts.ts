import { MOD_LABEL } from '../editor/shortcuts';

export const HISTORY_SHORTCUTS = {
  history: `${MOD_LABEL}+Shift+H`,
  saveQuery: `${MOD_LABEL}+S`,
} as const;
