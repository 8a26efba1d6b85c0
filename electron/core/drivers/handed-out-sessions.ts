import { CoreError } from '../errors';

interface HandedOutSession {
  /** Stops whatever the session is running, at once. */
  terminate(): void;
  release(): Promise<void>;
}

/**
 * The sessions a pooled SQL driver has handed out and not had back. When the driver closes, every one
 * is stopped and released, and a session acquired meanwhile is released at once instead of handed out.
 */
export class HandedOutSessions<S extends HandedOutSession> {
  private readonly sessions = new Set<S>();
  private closing = false;

  get closed(): boolean {
    return this.closing;
  }

  /** Takes `session` in before it is handed out; once the driver closed, releases it and rejects. */
  async admit(session: S): Promise<S> {
    if (this.closing) {
      await session.release();
      throw closedDriverError();
    }
    this.sessions.add(session);
    return session;
  }

  /** The session went back to its pool. */
  forget(session: S): void {
    this.sessions.delete(session);
  }

  /** Marks the driver closed, then stops and releases every session. False when it was closed already. */
  async close(): Promise<boolean> {
    if (this.closing) return false;
    this.closing = true;
    for (const session of this.sessions) session.terminate();
    await Promise.all([...this.sessions].map((session) => session.release()));
    return true;
  }
}

export function closedDriverError(): CoreError {
  return new CoreError('CONNECTION', 'The connection was closed. Open it again.');
}

/**
 * Sends a catalog read. When it fails with CONNECTION (the pooled session's server went away), it is
 * sent once more, on a fresh session, unless the driver closed meanwhile.
 */
export async function readRetryingOnce<T>(send: () => Promise<T>, toError: (error: unknown) => CoreError, closed: () => boolean): Promise<T> {
  try {
    return await send();
  } catch (first) {
    const error = toError(first);
    if (error.code !== 'CONNECTION' || closed()) throw error;
    try {
      return await send();
    } catch (second) {
      throw toError(second);
    }
  }
}
