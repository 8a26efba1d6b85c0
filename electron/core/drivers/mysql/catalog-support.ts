import { flavorOf, type ServerFlavor } from './server-flavor';

/** What the catalog queries may read on one server: its flavor, and the information_schema tables it has. */
export interface CatalogSupport {
  flavor: ServerFlavor;
  /** information_schema.CHECK_CONSTRAINTS exists. */
  checkConstraints: boolean;
}

export function catalogSupport(version: string): CatalogSupport {
  return { flavor: flavorOf(version), checkConstraints: hasCheckConstraintsTable(version) };
}

/**
 * information_schema.CHECK_CONSTRAINTS came with MySQL 8.0.16, and with MariaDB 10.2.22 and 10.3.10
 * (10.3.0 to 10.3.9 lack it; MariaDB has enforced CHECK since 10.2.1 but listed the constraints only
 * later). A version that does not read as major.minor.patch is taken for a current server.
 */
export function hasCheckConstraintsTable(version: string): boolean {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return true;
  const [major, minor, patch] = match.slice(1).map(Number);
  const atLeast = (m: number, n: number, p: number) => major > m || (major === m && (minor > n || (minor === n && patch >= p)));
  if (flavorOf(version) === 'mysql') return atLeast(8, 0, 16);
  if (major === 10 && minor === 2) return patch >= 22;
  return atLeast(10, 3, 10);
}
