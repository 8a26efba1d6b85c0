import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../shared/ipc/contract';
import { DEFAULT_RESULT_MEMORY_BYTES } from '../../shared/model/query';
import { THEMES, type Theme } from '../../shared/model/workspace';
import type { StoreState } from './index';

export type NotificationKind = 'error' | 'info' | 'success';

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  message?: string;
}

export interface Notification extends NotificationInput {
  id: number;
}

/** 'starting' until app/info answers; 'unreachable' when the host does not answer or refuses us. */
export type HostStatus = 'starting' | 'ready' | 'unreachable';

/** Megabytes of one result kept in memory when the workspace does not say (256). */
export const DEFAULT_RESULT_MEMORY_MB = DEFAULT_RESULT_MEMORY_BYTES / (1024 * 1024);
export const MIN_RESULT_MEMORY_MB = 1;
export const MAX_RESULT_MEMORY_MB = 65536;

export interface UiSlice {
  theme: Theme;
  setTheme: (theme: Theme) => void;
  /** Megabytes of one statement's rows kept in memory before the rest spools to disk in main. */
  resultMemoryMb: number;
  setResultMemoryMb: (mb: number) => void;
  settingsOpen: boolean;
  setSettingsOpen: (open: boolean) => void;
  notifications: Notification[];
  notify: (n: NotificationInput) => void;
  dismissNotification: (id: number) => void;
  appInfo: AppInfo | null;
  setAppInfo: (info: AppInfo) => void;
  hostStatus: HostStatus;
  /** What went wrong reaching the host, shown on the full-page message. */
  hostProblem: string | null;
  setHostStatus: (status: HostStatus, problem?: string | null) => void;
}

const THEME_STORAGE_KEY = 'strata.theme';
const MAX_NOTIFICATIONS = 5;
let nextNotificationId = 1;

/** The last theme, remembered locally so the first paint already has the right colours. */
function rememberedTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system';
  } catch {
    return 'system';
  }
}

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set) => ({
  theme: rememberedTheme(),
  setTheme: (theme) => {
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // Storage can be unavailable (private modes, quotas); the workspace still saves the theme.
    }
    set({ theme });
  },

  resultMemoryMb: DEFAULT_RESULT_MEMORY_MB,
  setResultMemoryMb: (mb) => {
    if (Number.isInteger(mb) && mb >= MIN_RESULT_MEMORY_MB && mb <= MAX_RESULT_MEMORY_MB) set({ resultMemoryMb: mb });
  },
  settingsOpen: false,
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),

  notifications: [],
  notify: (n) =>
    set((state) => {
      const duplicate = state.notifications.some((existing) => existing.kind === n.kind && existing.title === n.title && existing.message === n.message);
      if (duplicate) return {};
      const next = [...state.notifications, { ...n, id: nextNotificationId++ }];
      return { notifications: next.slice(-MAX_NOTIFICATIONS) };
    }),
  dismissNotification: (id) => set((state) => ({ notifications: state.notifications.filter((n) => n.id !== id) })),

  appInfo: null,
  setAppInfo: (appInfo) => set({ appInfo }),

  hostStatus: 'starting',
  hostProblem: null,
  setHostStatus: (hostStatus, problem = null) => set({ hostStatus, hostProblem: problem }),
});
