import { describe, expect, it } from 'vitest';
import { endOf, formatLocalDate, formatSpan, parseLocalDate, startOf, timeZoneOffset, wallClockToEpoch } from '../../lib/dates';

const utc = (s: string) => Date.parse(`${s}Z`);

describe('time zones', () => {
  it('AoE is UTC−12 all year', () => {
    expect(timeZoneOffset(utc('2026-01-15T00:00:00'), 'AoE')).toBe(-12 * 3600_000);
    expect(endOf(parseLocalDate('2026-06-07'), 'AoE')).toBe(utc('2026-06-08T11:59:59.999'));
  });

  it('follows daylight saving in IANA zones', () => {
    // London: GMT in winter, BST (UTC+1) in summer.
    expect(wallClockToEpoch({ year: 2026, month: 1, day: 10, hour: 12, minute: 0 }, 'Europe/London')).toBe(utc('2026-01-10T12:00:00'));
    expect(wallClockToEpoch({ year: 2026, month: 7, day: 10, hour: 12, minute: 0 }, 'Europe/London')).toBe(utc('2026-07-10T11:00:00'));
    // Berkeley: PDT (UTC−7) in June.
    expect(endOf(parseLocalDate('2026-06-07 23:59'), 'America/Los_Angeles')).toBe(utc('2026-06-08T06:59:59.999'));
  });

  it('handles the day clocks change', () => {
    // US clocks spring forward at 02:00 on 8 March 2026; 03:30 local is PDT.
    expect(wallClockToEpoch({ year: 2026, month: 3, day: 8, hour: 3, minute: 30 }, 'America/Los_Angeles')).toBe(utc('2026-03-08T10:30:00'));
    // The day before the change, midnight is still PST.
    expect(startOf(parseLocalDate('2026-03-07'), 'America/Los_Angeles')).toBe(utc('2026-03-07T08:00:00'));
  });

  it('gives months and years their whole span', () => {
    expect(startOf(parseLocalDate('2027-03'), 'UTC')).toBe(utc('2027-03-01T00:00:00'));
    expect(endOf(parseLocalDate('2027-03'), 'UTC')).toBe(utc('2027-03-31T23:59:59.999'));
    expect(endOf(parseLocalDate('2026-12'), 'UTC')).toBe(utc('2026-12-31T23:59:59.999'));
    expect(endOf(parseLocalDate('2026'), 'UTC')).toBe(utc('2026-12-31T23:59:59.999'));
  });
});

describe('phrases', () => {
  it('formats dates as precisely as they are known, year only when it differs', () => {
    expect(formatLocalDate('2026-06-07', 2026)).toBe('7 Jun');
    expect(formatLocalDate('2027-01-12', 2026)).toBe('12 Jan 2027');
    expect(formatLocalDate('2027-03', 2027)).toBe('March');
    expect(formatLocalDate('2027-03', 2026)).toBe('March 2027');
    expect(formatLocalDate('2022')).toBe('2022');
    expect(formatLocalDate('2026-06-07 23:59', 2026)).toBe('7 Jun, 23:59');
  });

  it('rounds spans down the way people read them', () => {
    expect(formatSpan(30 * 60_000)).toBe('less than an hour');
    expect(formatSpan(90 * 60_000)).toBe('1 hour');
    expect(formatSpan(5 * 3600_000)).toBe('5 hours');
    expect(formatSpan(36 * 3600_000)).toBe('1 day');
    expect(formatSpan(5.9 * 86400_000)).toBe('5 days');
  });

  it('rejects what is not a date', () => {
    expect(() => parseLocalDate('June 7th')).toThrow();
  });
});
