import { MAGNITUDE_FIELDS, maskFigures } from './apply-disclosure';
import { PROTECTED_MAGNITUDES } from './protected-magnitude';

const zoneFigures = {
  enterprises: 4,
  operatingProjects: 6,
  reportsReceived: 4,
  grossOutput: 1_000_000n,
  grossOutputConstant2010: 800_000n,
  growthYoYPct: 3.5,
  revenue: 900_000n,
  exportValueUsd: 1200n,
  stateBudgetPaid: null,
  realizedCapital: 50_000n,
  wageFund: 300_000n,
  averageMonthlyWage: 6_400_000n,
  workers: 12,
  femaleWorkers: 5,
};

describe('masking withheld figures', () => {
  it('covers every protected magnitude', () => {
    expect(Object.keys(MAGNITUDE_FIELDS)).toEqual(PROTECTED_MAGNITUDES);
  });

  it('nulls the protected fields present and the realised investment, names them, and leaves counts alone', () => {
    const { figures, withheld } = maskFigures(zoneFigures, true);
    expect(withheld).toEqual([
      'grossOutput',
      'grossOutputConstant2010',
      'growthYoYPct',
      'revenue',
      'exportValueUsd',
      'stateBudgetPaid',
      'wageFund',
      'averageMonthlyWage',
      'workers',
      'femaleWorkers',
      'realizedCapital',
    ]);
    expect(figures).toEqual({
      ...Object.fromEntries(withheld.map((field) => [field, null])),
      enterprises: 4,
      operatingProjects: 6,
      reportsReceived: 4,
    });
  });

  it('does not modify its input', () => {
    maskFigures(zoneFigures, true);
    expect(zoneFigures.grossOutput).toBe(1_000_000n);
  });

  it('passes published figures through', () => {
    expect(maskFigures(zoneFigures, false)).toEqual({ figures: zoneFigures, withheld: [] });
  });
});
