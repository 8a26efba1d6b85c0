import { forEachCodeToken, type CodeToken } from './code-tokens';
import type { SplitDialect } from './split';

/** Stands in for each character the splitter would misread (whitespace inside comments is kept). */
const BLANK = '\u0000';

/**
 * The script as dbgate-query-splitter is given it: the same length and offsets, with what the library
 * would misread blanked where the dialect's own lexer (code-tokens.ts) finds it: comments holding a
 * MySQL `#` comment or a nested PostgreSQL comment, PostgreSQL E'…' and dollar-quoted strings, the
 * first minus of a MySQL `--` that is no comment, and the semicolons inside a routine body (SQLite
 * trigger, PostgreSQL BEGIN ATOMIC). Plain strings and comments, which it reads right and fast, are
 * left to it.
 */
export function maskForSplitter(sql: string, dialect: SplitDialect): string {
  const chunks: string[] = [];
  let copied = 0;
  let scanned = 0;
  const body = new RoutineBody(dialect);

  const blank = (start: number, end: number, text = BLANK.repeat(end - start)) => {
    chunks.push(sql.slice(copied, start), text);
    copied = end;
  };
  const blankComments = (start: number, end: number) => {
    if (end - start < 2) return;
    const gap = sql.slice(start, end);
    if (misreadComments(gap, dialect)) blank(start, end, gap.replace(/\S/g, BLANK));
  };

  forEachCodeToken(sql, dialect, (token) => {
    if (token.offset > scanned) blankComments(scanned, token.offset);
    scanned = token.end;
    const innerSemicolon = body.isInnerSemicolon(token);
    const escapedOrDollarQuoted = dialect === 'postgres' && token.kind === 'string' && !token.text.startsWith("'");
    // MySQL reads `--` without a space after it as two minus signs.
    const minusMinus = dialect === 'mysql' && token.text === '-' && sql[token.end] === '-';
    if (innerSemicolon || escapedOrDollarQuoted || minusMinus) blank(token.offset, token.end);
  });
  blankComments(scanned, sql.length);
  chunks.push(sql.slice(copied));
  return chunks.join('');
}

/** Whitespace and comments between two tokens that the splitter cannot read: a `#` or a nested comment. */
function misreadComments(gap: string, dialect: SplitDialect): boolean {
  if (dialect === 'mysql') return gap.includes('#');
  if (dialect === 'postgres') return gap.indexOf('/*') !== gap.lastIndexOf('/*');
  return false;
}

interface RoutineRule {
  /** The statement's first words, joined by single spaces, that announce a body. */
  head: RegExp;
  /** The words that open the body. */
  opener: string[];
}

const ROUTINE_RULES: Partial<Record<SplitDialect, RoutineRule>> = {
  postgres: { head: /^CREATE (?:OR REPLACE )?(?:FUNCTION|PROCEDURE)\b/, opener: ['BEGIN', 'ATOMIC'] },
  sqlite: { head: /^CREATE (?:TEMP |TEMPORARY )?TRIGGER\b/, opener: ['BEGIN'] },
};
const HEAD_WORDS = 4;

/**
 * Follows the statements' tokens to tell which semicolons lie inside a body. A body holds only
 * statements each ended by a semicolon, so its closing END is the one right after a semicolon (or
 * right after the opener); the END of a CASE never is.
 */
class RoutineBody {
  private readonly rule: RoutineRule | undefined;
  private headWords: string[] = [];
  private headDone = false;
  private routine = false;
  private openerMatched = 0;
  private inBody = false;
  private afterBreak = false;

  constructor(dialect: SplitDialect) {
    this.rule = ROUTINE_RULES[dialect];
  }

  isInnerSemicolon(token: CodeToken): boolean {
    const rule = this.rule;
    if (!rule) return false;
    if (this.inBody) {
      if (token.kind === 'semicolon') {
        this.afterBreak = true;
        return true;
      }
      if (this.afterBreak && token.kind === 'word' && token.text === 'END') this.inBody = false;
      this.afterBreak = false;
      return false;
    }
    if (token.kind === 'semicolon') {
      this.headWords = [];
      this.headDone = false;
      this.routine = false;
      this.openerMatched = 0;
      return false;
    }
    if (!this.headDone) {
      if (token.kind === 'word' && this.headWords.length < HEAD_WORDS) {
        this.headWords.push(token.text);
        this.routine = rule.head.test(this.headWords.join(' '));
      } else {
        this.headDone = true;
      }
    }
    if (token.kind !== 'word' || token.depth !== 0 || !this.routine) {
      this.openerMatched = 0;
    } else if (token.text === rule.opener[this.openerMatched]) {
      this.openerMatched++;
      if (this.openerMatched === rule.opener.length) {
        this.inBody = true;
        this.afterBreak = true;
        this.openerMatched = 0;
      }
    } else {
      this.openerMatched = token.text === rule.opener[0] ? 1 : 0;
    }
    return false;
  }
}
