/**
 * Dates and date-times in PostgreSQL's ISO output (DateStyle ISO, the default): `2024-03-01`,
 * `2024-03-01 12:34:56.789`, `2024-03-01 12:34:56+05:30`. A value is stored as whole days since
 * 1970-01-01, microseconds into the day and a UTC offset in seconds, and written back to exactly the
 * text the server sent: the parser only accepts the canonical form (four-digit years, a fraction
 * without trailing zeros, the shortest offset), so formatting what it parsed can only give the same
 * characters back. Anything else (BC dates, infinity, other DateStyles) stays text.
 */
export interface ParsedTimestamp {
  days: number;
  micros: number;
  offsetSeconds: number;
}

export interface TimestampShape {
  /** The value has a time of day (timestamp, timestamptz), not just a date. */
  time: boolean;
  /** The value ends with its UTC offset (timestamptz). */
  zone: boolean;
}

const DIGIT_0 = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    // NaN past the end fails this test too.
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => String(n).padStart(4, '0');

/** Where parseTimestampInto writes a value's parts. */
export interface TimestampColumns {
  days: Int32Array;
  micros: Float64Array;
  offsets: Int32Array;
}

/** The value's parts, or null when the text is not in the canonical form formatTimestamp writes. */
export function parseTimestamp(text: string, shape: TimestampShape): ParsedTimestamp | null {
  const parts: TimestampColumns = { days: new Int32Array(1), micros: new Float64Array(1), offsets: new Int32Array(1) };
  return parseTimestampInto(text, shape, parts, 0) ? { days: parts.days[0], micros: parts.micros[0], offsetSeconds: parts.offsets[0] } : null;
}

/** Writes the value's parts at `row`, without allocating; false when the text is not canonical. */
export function parseTimestampInto(text: string, shape: TimestampShape, into: TimestampColumns, row: number): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const days = daysFromCivil(year, month, day);
  into.days[row] = days;
  into.micros[row] = 0;
  into.offsets[row] = 0;
  if (!shape.time) return text.length === 10;

  if (text.length < 19 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return false;
  let position = 19;
  let fraction = 0;
  if (text.charCodeAt(position) === 46) {
    let count = 0;
    position++;
    while (position < text.length && count < 6) {
      const digit = text.charCodeAt(position) - DIGIT_0;
      if (!(digit >= 0 && digit <= 9)) break;
      fraction = fraction * 10 + digit;
      count++;
      position++;
    }
    // The server never writes an empty fraction or a trailing zero.
    if (count === 0 || text.charCodeAt(position - 1) === DIGIT_0) return false;
    for (let i = count; i < 6; i++) fraction *= 10;
  }
  const micros = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + fraction;

  into.micros[row] = micros;
  if (!shape.zone) return position === text.length;
  const sign = text.charCodeAt(position);
  if (sign !== 43 && sign !== 45) return false;
  const offsetHours = digits(text, position + 1, 2);
  if (offsetHours < 0) return false;
  let offsetMinutes = 0;
  let offsetSecs = 0;
  position += 3;
  if (position < text.length) {
    if (text.charCodeAt(position) !== 58) return false;
    offsetMinutes = digits(text, position + 1, 2);
    if (offsetMinutes < 0 || offsetMinutes > 59) return false;
    position += 3;
    if (position < text.length) {
      if (text.charCodeAt(position) !== 58) return false;
      offsetSecs = digits(text, position + 1, 2);
      // The shortest form only: seconds are written when they are not zero.
      if (offsetSecs < 1 || offsetSecs > 59) return false;
      position += 3;
    } else if (offsetMinutes === 0) {
      return false;
    }
  }
  if (position !== text.length) return false;
  const magnitude = offsetHours * 3600 + offsetMinutes * 60 + offsetSecs;
  // UTC is always written +00.
  if (sign === 45 && magnitude === 0) return false;
  into.offsets[row] = sign === 45 ? -magnitude : magnitude;
  return true;
}

function formatOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const total = Math.abs(offsetSeconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (seconds !== 0) return `${sign}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  if (minutes !== 0) return `${sign}${pad2(hours)}:${pad2(minutes)}`;
  return `${sign}${pad2(hours)}`;
}

/** The text PostgreSQL writes for these parts. */
export function formatTimestamp(days: number, micros: number, offsetSeconds: number, shape: TimestampShape): string {
  const [year, month, day] = civilFromDays(days);
  const date = `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
  if (!shape.time) return date;
  const wholeSeconds = Math.floor(micros / 1_000_000);
  const fraction = micros - wholeSeconds * 1_000_000;
  const hours = Math.floor(wholeSeconds / 3600);
  const minutes = Math.floor((wholeSeconds % 3600) / 60);
  const seconds = wholeSeconds % 60;
  let text = `${date} ${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  if (fraction !== 0) text += `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
  return shape.zone ? text + formatOffset(offsetSeconds) : text;
}

