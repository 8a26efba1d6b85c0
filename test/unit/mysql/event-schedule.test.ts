import { describe, expect, it } from 'vitest';
import { eventDetail, type EventRow } from '../../../electron/core/drivers/mysql/event-schedule';

const none: EventRow = { name: 'e', event_type: null, execute_at: null, interval_value: null, interval_field: null, starts: null, ends: null, status: null };

describe('MySQL event schedule detail', () => {
  it('shows a recurring event as EVERY with its window, and its status', () => {
    expect(eventDetail({ ...none, event_type: 'RECURRING', interval_value: '1', interval_field: 'HOUR', starts: '2030-01-01 00:00:00', status: 'ENABLED' })).toBe(
      'EVERY 1 HOUR STARTS 2030-01-01 00:00:00 · ENABLED',
    );
    expect(
      eventDetail({ ...none, event_type: 'RECURRING', interval_value: 15, interval_field: 'MINUTE', starts: '2030-01-01 00:00:00', ends: '2030-02-01 00:00:00', status: 'DISABLED' }),
    ).toBe('EVERY 15 MINUTE STARTS 2030-01-01 00:00:00 ENDS 2030-02-01 00:00:00 · DISABLED');
  });

  it('quotes a compound interval as CREATE EVENT writes it', () => {
    expect(eventDetail({ ...none, event_type: 'RECURRING', interval_value: '1:30', interval_field: 'HOUR_MINUTE', status: 'ENABLED' })).toBe("EVERY '1:30' HOUR_MINUTE · ENABLED");
  });

  it('shows a one-time event as AT, ignoring any window', () => {
    expect(eventDetail({ ...none, event_type: 'ONE TIME', execute_at: '2031-01-01 00:00:00', starts: '2030-01-01 00:00:00', status: 'SLAVESIDE_DISABLED' })).toBe(
      'AT 2031-01-01 00:00:00 · SLAVESIDE_DISABLED',
    );
  });
});
