import type { ReactNode } from 'react';

/** A line of text in the schema panel: connecting, loading, an error with its retry, or nothing found. */
export function PanelMessage({ text, error = false, busy = false, action }: { text: string; error?: boolean; busy?: boolean; action?: ReactNode }) {
  return (
    <div className={error ? 'panel-message panel-message-error' : 'panel-message'}>
      {busy ? <span className="tree-spinner" aria-hidden="true" /> : null}
      <span className="panel-message-text">{text}</span>
      {action}
    </div>
  );
}
