import type { CompletionDialect } from './completion-dialect';
import { NameIndex } from './name-index';
import { COMMON_KEYWORDS } from './words/common-keywords';
import { GENERIC_WORDS } from './words/generic-words';
import { MYSQL_WORDS } from './words/mysql-words';
import { POSTGRES_WORDS } from './words/postgres-words';
import { SQLITE_WORDS } from './words/sqlite-words';
import type { DialectWordList } from './words/word-list';

export interface WordEntry {
  name: string;
}

/** A dialect's keywords and functions, indexed once for search, and its reserved words. */
export interface DialectWords {
  keywords: NameIndex<WordEntry>;
  functions: NameIndex<WordEntry>;
  /** Upper case. */
  reserved: ReadonlySet<string>;
}

const LISTS: Record<CompletionDialect, DialectWordList> = { postgres: POSTGRES_WORDS, mysql: MYSQL_WORDS, sqlite: SQLITE_WORDS, generic: GENERIC_WORDS };
const built = new Map<CompletionDialect, DialectWords>();

const entries = (names: Iterable<string>): WordEntry[] => [...new Set(names)].map((name) => ({ name }));

export function dialectWords(dialect: CompletionDialect): DialectWords {
  let words = built.get(dialect);
  if (!words) {
    const list = LISTS[dialect];
    words = {
      keywords: new NameIndex(entries([...COMMON_KEYWORDS, ...list.keywords])),
      functions: new NameIndex(entries(list.functions)),
      reserved: new Set(list.reserved),
    };
    built.set(dialect, words);
  }
  return words;
}
