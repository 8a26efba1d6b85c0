/** One event of EVENTS_QUERY, as the server returns it (date-times as text). */
export interface EventRow {
  name: string | null;
  /** ONE TIME or RECURRING. */
  event_type: string | null;
  execute_at: string | null;
  /** A number, or for compound units a string such as '1:30' (HOUR_MINUTE). */
  interval_value: string | number | null;
  interval_field: string | null;
  starts: string | null;
  ends: string | null;
  /** ENABLED, DISABLED, or SLAVESIDE_DISABLED / REPLICA_SIDE_DISABLED on a replica. */
  status: string | null;
}

/**
 * An event's schedule and status in the words of CREATE EVENT: "EVERY 1 HOUR STARTS 2030-01-01 00:00:00 ·
 * ENABLED", "AT 2031-01-01 00:00:00 · DISABLED".
 */
export function eventDetail(row: EventRow): string {
  const schedule = row.event_type === 'ONE TIME' ? `AT ${row.execute_at ?? '?'}` : recurringSchedule(row);
  return row.status ? `${schedule} · ${row.status}` : schedule;
}

function recurringSchedule(row: EventRow): string {
  const parts = [`EVERY ${intervalValue(row.interval_value)} ${row.interval_field ?? ''}`.trimEnd()];
  if (row.starts) parts.push(`STARTS ${row.starts}`);
  if (row.ends) parts.push(`ENDS ${row.ends}`);
  return parts.join(' ');
}

function intervalValue(value: string | number | null): string {
  if (value === null) return '?';
  const text = String(value);
  return /^\d+$/.test(text) ? text : `'${text}'`;
}
