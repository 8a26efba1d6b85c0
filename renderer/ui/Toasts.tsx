import { useEffect } from 'react';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './icons';
import './ui.css';

export interface ToastItem {
  id: number;
  kind: 'error' | 'info' | 'success';
  title: string;
  message?: string;
}

interface ToastsProps {
  items: ToastItem[];
  onDismiss: (id: number) => void;
}

const FADE_AFTER_MS = 5000;

/** Notifications as plain text. Errors stay until dismissed; the rest fade after a few seconds. */
export function Toasts({ items, onDismiss }: ToastsProps) {
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {items.map((item) => (
        <Toast key={item.id} item={item} onDismiss={onDismiss} />
      ))}
    </section>
  );
}

function Toast({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (item.kind === 'error') return;
    const timer = window.setTimeout(() => onDismiss(item.id), FADE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [item.id, item.kind, onDismiss]);

  const icon = item.kind === 'error' ? <AlertIcon /> : item.kind === 'success' ? <CheckIcon /> : <InfoIcon />;
  return (
    <div className={`toast toast-${item.kind}`} role={item.kind === 'error' ? 'alert' : undefined}>
      <span className="toast-icon">{icon}</span>
      <div className="toast-text">
        <div className="toast-title">{item.title}</div>
        {item.message ? <div className="toast-message">{item.message}</div> : null}
      </div>
      <button type="button" className="icon-btn toast-close" aria-label="Dismiss notification" title="Dismiss" onClick={() => onDismiss(item.id)}>
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
