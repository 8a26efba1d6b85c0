/** Where each CSV column goes: a table column's name, or null to skip it. */
export type ColumnMapping = (string | null)[];

/**
 * The starting mapping: with a header, each CSV column goes to the table column of the same name
 * (exactly, else ignoring case and surrounding blanks), else skipped; without one, CSV column i goes
 * to table column i. No table column receives two CSV columns.
 */
export function autoMapColumns(csvColumnCount: number, header: readonly string[] | null, tableColumns: readonly string[]): ColumnMapping {
  if (!header) return Array.from({ length: csvColumnCount }, (_, index) => tableColumns[index] ?? null);
  const used = new Set<string>();
  const claim = (name: string | undefined) => {
    if (name === undefined || used.has(name)) return null;
    used.add(name);
    return name;
  };
  return Array.from({ length: csvColumnCount }, (_, index) => {
    const wanted = header[index] ?? '';
    const exact = tableColumns.find((column) => column === wanted);
    if (exact !== undefined) return claim(exact);
    const loose = wanted.trim().toLowerCase();
    return claim(tableColumns.find((column) => column.trim().toLowerCase() === loose && !used.has(column)));
  });
}

/** The table columns that receive values, in CSV column order: import/begin's `columns`. */
export function targetColumns(mapping: ColumnMapping): string[] {
  return mapping.filter((target): target is string => target !== null);
}

/** A table column chosen for two CSV columns, or null. */
export function duplicateTarget(mapping: ColumnMapping): string | null {
  const seen = new Set<string>();
  for (const target of mapping) {
    if (target === null) continue;
    if (seen.has(target)) return target;
    seen.add(target);
  }
  return null;
}

/**
 * One record's values for the mapped columns, in targetColumns order. A missing field (a short
 * record) is an empty field; an empty field becomes NULL or stays an empty string, as the user chose.
 */
export function mappedValues(record: readonly string[], mapping: ColumnMapping, emptyAsNull: boolean): (string | null)[] {
  const values: (string | null)[] = [];
  mapping.forEach((target, index) => {
    if (target === null) return;
    const field = record[index] ?? '';
    values.push(field === '' && emptyAsNull ? null : field);
  });
  return values;
}
