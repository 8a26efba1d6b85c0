import { useEffect, useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import './ui.css';

interface DialogProps {
  title: string;
  /** Called on Esc, the close button or Cancel: the owner decides whether to unmount. */
  onClose: () => void;
  /** When given, the body is a form and Enter submits it. */
  onSubmit?: () => void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
  className?: string;
}

/**
 * A modal built on the native <dialog> element: it gets the top layer, focus containment, inertness of
 * the page behind it and role="dialog" from the browser. Stacked dialogs (the vault over the connection
 * form) simply open on top of each other.
 */
export function Dialog({ title, onClose, onSubmit, children, footer, width = 440, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  // A layout effect, so that close() runs while the element is still in the page and the browser
  // returns focus to whatever had it before the dialog opened.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      dialog.showModal();
      // The browser would focus the first focusable element, the close button; start where the user types.
      dialog.querySelector<HTMLElement>('[data-autofocus], .dialog-body input:not(:disabled), .dialog-body select:not(:disabled)')?.focus();
    }
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-btn" aria-label="Close" title="Close" onClick={() => onClose()}>
          <CloseIcon />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </>
  );

  return (
    <dialog ref={ref} className={['dialog', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={titleId} style={{ width }}>
      {onSubmit ? (
        <form className="dialog-form" onSubmit={submit} noValidate>
          {body}
        </form>
      ) : (
        <div className="dialog-form">{body}</div>
      )}
    </dialog>
  );
}
