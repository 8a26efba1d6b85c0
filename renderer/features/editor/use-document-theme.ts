import { useSyncExternalStore } from 'react';

export type ResolvedTheme = 'dark' | 'light';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

function snapshot(): ResolvedTheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** The palette the page shows now: the Shell resolves 'system' and writes it to <html data-theme>. */
export function useDocumentTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribe, snapshot);
}
