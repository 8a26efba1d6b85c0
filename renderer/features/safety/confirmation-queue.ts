/** A question waiting for the user, with an id that tells one dialog from the next. */
export interface PendingConfirmation<Request> {
  id: number;
  request: Request;
}

/**
 * Questions asked from outside React (a store action) and answered by one dialog host inside it, one
 * at a time in the order asked. With no host listening nobody can confirm, so the answer is "don't run".
 */
export interface ConfirmationQueue<Request> {
  ask(request: Request): Promise<boolean>;
  /** The question on screen, or null. The same object until it is answered. */
  current(): PendingConfirmation<Request> | null;
  /** Answers the question on screen. */
  answer(id: number, run: boolean): void;
  /** Registers the dialog host; when the last one leaves, every open question is answered "don't run". */
  subscribe(listener: () => void): () => void;
}

export function createConfirmationQueue<Request>(): ConfirmationQueue<Request> {
  const waiting: (PendingConfirmation<Request> & { resolve: (run: boolean) => void })[] = [];
  const listeners = new Set<() => void>();
  let nextId = 1;
  let shown: PendingConfirmation<Request> | null = null;

  const changed = () => {
    const first = waiting[0];
    shown = first ? (shown?.id === first.id ? shown : { id: first.id, request: first.request }) : null;
    for (const listener of [...listeners]) listener();
  };

  return {
    ask(request) {
      if (listeners.size === 0) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        waiting.push({ id: nextId++, request, resolve });
        changed();
      });
    },
    current: () => shown,
    answer(id, run) {
      const index = waiting.findIndex((entry) => entry.id === id);
      if (index === -1) return;
      const [entry] = waiting.splice(index, 1);
      entry.resolve(run);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        // A host that unmounts and mounts again at once (React's strict mode) keeps the questions.
        queueMicrotask(() => {
          if (listeners.size > 0) return;
          for (const entry of waiting.splice(0)) entry.resolve(false);
          shown = null;
        });
      };
    },
  };
}
