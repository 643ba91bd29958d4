import { periodName, periodNameOf, periodPhrase } from './period-names';

const q = (year: number, quarter: 1 | 2 | 3 | 4) => ({ year, quarter });

describe('period names', () => {
  it.each([
    [q(2025, 3), q(2025, 3), 'Quý III/2025', 'Q3 2025'],
    [q(2025, 1), q(2025, 2), '6 tháng đầu năm 2025', 'first half of 2025'],
    [q(2025, 1), q(2025, 3), '9 tháng năm 2025', 'first nine months of 2025'],
    [q(2024, 1), q(2024, 4), 'Năm 2024', '2024'],
    [q(2025, 2), q(2025, 3), 'Quý II–III/2025', 'Q2–Q3 2025'],
    [q(2024, 4), q(2025, 2), 'Quý IV/2024 – Quý II/2025', 'Q4 2024 – Q2 2025'],
  ])('names %j to %j as the press writes it', (first, last, vi, en) => {
    expect(periodName(first, last, 'vi')).toBe(vi);
    expect(periodName(first, last, 'en')).toBe(en);
  });

  it('names the API’s period texts, and leaves anything else as it is', () => {
    expect(periodNameOf('2025-Q1', 'vi')).toBe('Quý I/2025');
    expect(periodNameOf('2024', 'vi')).toBe('Năm 2024');
    expect(periodNameOf('2025-Q1..2025-Q3', 'vi')).toBe('9 tháng năm 2025');
    expect(periodNameOf('2025-Q5', 'en')).toBe('2025-Q5');
    expect(periodNameOf('2025-Q3..2025-Q1', 'en')).toBe('2025-Q3..2025-Q1');
  });

  it('writes the name mid-sentence with a small first letter in Vietnamese', () => {
    expect(periodPhrase('2025-Q3', 'vi')).toBe('quý III/2025');
    expect(periodPhrase('2024', 'vi')).toBe('năm 2024');
    expect(periodPhrase('2025-Q3', 'en')).toBe('Q3 2025');
  });
});
