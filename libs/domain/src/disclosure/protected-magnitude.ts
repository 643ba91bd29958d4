// Magnitudes whose figures for a zone can reveal one enterprise. grossOutput also covers grossOutputConstant2010 and
// trade covers export and import turnover; counts (enterprises, projects, reports) are never withheld.
export type ProtectedMagnitude = 'grossOutput' | 'revenue' | 'trade' | 'stateBudgetPaid' | 'wages' | 'workers';

export const PROTECTED_MAGNITUDES: readonly ProtectedMagnitude[] = [
  'grossOutput',
  'revenue',
  'trade',
  'stateBudgetPaid',
  'wages',
  'workers',
];
