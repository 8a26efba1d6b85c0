/** Queued text beyond this many characters goes out at once rather than at the end of the macrotask. */
export const FLUSH_AT_CHARS = 64 * 1024;

/** A binary frame as its pieces (shared/ipc/binary-frame.ts), written as fragments of one message so its arrays are never copied. */
export interface FrameParts {
  parts: readonly Uint8Array[];
}

/** One WebSocket message: JSON text, or a binary frame whole or in pieces. */
export type OutgoingFrame = string | Uint8Array | FrameParts;

export interface OutboxOptions {
  /** Writes one frame, text or binary. */
  write(frame: OutgoingFrame): void;
  /** Size in characters at which queued text is written without waiting; FLUSH_AT_CHARS by default. */
  flushAtChars?: number;
  /** Runs `flush` once the current macrotask is over; setImmediate by default. Returns a cancel function. */
  schedule?(flush: () => void): () => void;
}

export interface Outbox {
  /** Queues one serialised WireMessage (JSON text or a binary frame), to go out after everything pushed before it. */
  push(message: OutgoingFrame): void;
  /** Writes everything queued now. */
  flush(): void;
  /** Drops everything queued, for a socket that has closed. */
  discard(): void;
}

function scheduleImmediate(flush: () => void): () => void {
  const handle = setImmediate(flush);
  return () => clearImmediate(handle);
}

/**
 * Coalesces the text messages produced within one macrotask into a single frame (a WireBatch when
 * there are several), so a small query's handful of events costs one socket write instead of one each.
 * A binary frame, or a text message of flushAtChars or more, is never held back or copied into a
 * batch: whatever was queued before it goes out first, then it goes out alone.
 */
export function createOutbox({ write, flushAtChars = FLUSH_AT_CHARS, schedule = scheduleImmediate }: OutboxOptions): Outbox {
  let queued: string[] = [];
  let queuedChars = 0;
  let cancelScheduled: (() => void) | null = null;

  function flush(): void {
    cancelScheduled?.();
    cancelScheduled = null;
    if (queued.length === 0) return;
    const messages = queued;
    queued = [];
    queuedChars = 0;
    write(messages.length === 1 ? messages[0] : `{"kind":"batch","messages":[${messages.join(',')}]}`);
  }

  return {
    push(message) {
      if (typeof message !== 'string' || message.length >= flushAtChars) {
        flush();
        write(message);
        return;
      }
      queued.push(message);
      queuedChars += message.length;
      if (queuedChars >= flushAtChars) flush();
      else cancelScheduled ??= schedule(flush);
    },
    flush,
    discard() {
      cancelScheduled?.();
      cancelScheduled = null;
      queued = [];
      queuedChars = 0;
    },
  };
}
