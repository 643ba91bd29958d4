import { addDays, isIsoDate, localDate, localMidnight, TIME_ZONE, toLocalIso } from './local-time';

describe('local time (Asia/Ho_Chi_Minh, fixed UTC+07:00)', () => {
  it('names the zone', () => {
    expect(TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
  });

  describe('localDate', () => {
    it('moves to the next local day at 17:00 UTC', () => {
      expect(localDate(new Date('2025-09-30T16:59:59.999Z'))).toBe('2025-09-30');
      expect(localDate(new Date('2025-09-30T17:00:00.000Z'))).toBe('2025-10-01');
    });

    it('rolls the year over at 17:00 UTC on 31 December', () => {
      expect(localDate(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
      expect(localDate(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    });
  });

  describe('localMidnight', () => {
    it('is 17:00 UTC of the previous day', () => {
      expect(localMidnight('2025-10-10').toISOString()).toBe('2025-10-09T17:00:00.000Z');
      expect(localMidnight('2026-01-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    });

    it('round-trips through localDate', () => {
      expect(localDate(localMidnight('2024-02-29'))).toBe('2024-02-29');
    });

    it('rejects text that is not a calendar date', () => {
      expect(() => localMidnight('2025-02-30')).toThrow(RangeError);
      expect(() => localMidnight('2025-7-01')).toThrow(RangeError);
    });
  });

  describe('toLocalIso', () => {
    it('writes local wall time with the +07:00 offset', () => {
      expect(toLocalIso(new Date('2025-10-09T16:59:59.000Z'))).toBe('2025-10-09T23:59:59.000+07:00');
      expect(toLocalIso(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01T00:00:00.000+07:00');
    });

    it('denotes the same instant when parsed back', () => {
      const instant = new Date('2025-03-31T20:15:42.123Z');
      expect(new Date(toLocalIso(instant)).getTime()).toBe(instant.getTime());
    });
  });

  describe('isIsoDate', () => {
    it.each(['2025-01-31', '2025-04-30', '2024-02-29', '2000-02-29', '2025-12-31'])('accepts %s', (text) => {
      expect(isIsoDate(text)).toBe(true);
    });

    const invalid = ['2025-02-29', '1900-02-29', '2025-04-31', '2025-06-31', '2025-09-31', '2025-11-31'];
    const malformed = ['2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01', '20250101', ' 2025-01-01', '2025-01-01T00:00'];
    it.each([...invalid, ...malformed])('rejects %s', (text) => {
      expect(isIsoDate(text)).toBe(false);
    });
  });

  describe('addDays', () => {
    it('crosses month ends of every length', () => {
      expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
      expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2025-04-30', 1)).toBe('2025-05-01');
    });

    it('goes backwards and across years', () => {
      expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
      expect(addDays('2025-10-01', 9)).toBe('2025-10-10');
      expect(addDays('2025-03-01', 0)).toBe('2025-03-01');
    });

    it('rejects an invalid start day', () => {
      expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    });
  });
});
