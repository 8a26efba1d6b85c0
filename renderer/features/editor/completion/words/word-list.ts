/** One dialect's words, as data: what completion offers and which names need quotes. */
export interface DialectWordList {
  /** Upper case; phrases such as 'GROUP BY' complete as one item. */
  keywords: readonly string[];
  /** Lower case, without parentheses. */
  functions: readonly string[];
  /** Upper case: words that cannot be used as a bare table or column name. */
  reserved: readonly string[];
}
