import type { HistoryPage } from '../../../shared/model/history';
import { CoreError } from '../errors';
import type { HistoryRecord } from '../history/history-record';
import type { LazyAppDatabase } from '../history/lazy-app-database';
import type { HandlerGroup } from '../host';

export type { HistoryRecord } from '../history/history-record';

/** The query service's hook, called once per statement that started, after it ended. Never throws. */
export type RecordHistory = (entry: HistoryRecord) => void;

export interface HistoryServiceOptions {
  /** The store; what the user should hear about it (AppDatabase.notice) is told in the first history/list reply. */
  database: LazyAppDatabase;
  log: (line: string) => void;
}

/** The user's query history: recorded by the query service, listed, searched and cleared by the renderer. */
export class HistoryService {
  private noticeTold = false;

  constructor(private readonly options: HistoryServiceOptions) {}

  private get store() {
    return this.options.database.get().history;
  }

  readonly record: RecordHistory = (entry) => {
    try {
      this.store.record(entry);
    } catch (error) {
      // The statement itself ran; a history that cannot be written must not fail it.
      this.options.log(`A statement could not be added to the history: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  readonly handlers: HandlerGroup<'history/list' | 'history/get' | 'history/delete' | 'history/clear'> = {
    'history/list': async (input): Promise<HistoryPage> => {
      const listing = await this.store.list(input);
      const notice = this.noticeTold ? null : this.options.database.get().notice;
      this.noticeTold = true;
      return { ...listing, notice };
    },
    'history/get': async ({ id }) => {
      const entry = this.store.get(id);
      if (!entry) throw new CoreError('NOT_FOUND', 'That history entry no longer exists. It may have been cleared.');
      return entry;
    },
    'history/delete': async ({ id }) => ({ deleted: this.store.delete(id) }),
    'history/clear': async ({ connectionId }) => ({ deleted: this.store.clear(connectionId) }),
  };
}
