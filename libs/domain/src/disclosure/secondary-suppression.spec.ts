import { cell } from './disclosure-cells.fixture';
import { buildHierarchy, DisclosureNode } from './disclosure-hierarchy';
import { addSecondarySuppressions, SuppressionPattern, Withholding } from './secondary-suppression';

// A check under which any recovered sum except an empty one is unsafe: it exhausts every complement, which
// frequency and p% never do, to show that the totals are withheld last.
const nothingIsSafe = (cells: readonly DisclosureNode[]) => cells.length === 0;

describe('secondary suppression', () => {
  const hierarchy = buildHierarchy([
    cell('A', 'park', [1]),
    cell('B', 'park', [2]),
    cell('E', 'park', []),
    cell('C', 'cluster', [3]),
  ]);

  it('leaves a pattern without withheld zones alone', () => {
    const pattern: SuppressionPattern = { zones: new Map(), totals: new Map() };
    addSecondarySuppressions(hierarchy, pattern, nothingIsSafe);
    expect(pattern).toEqual({ zones: new Map(), totals: new Map() });
  });

  it('withholds a total once no zone with contributions is left to withhold', () => {
    const pattern: SuppressionPattern = { zones: new Map([['A', 'primary']]), totals: new Map() };
    addSecondarySuppressions(hierarchy, pattern, nothingIsSafe);
    expect(pattern.zones).toEqual(
      new Map<string, Withholding>([
        ['A', 'primary'],
        ['B', 'secondary'],
        ['C', 'secondary'],
      ]),
    );
    expect(pattern.totals).toEqual(
      new Map<string, Withholding>([
        ['park', 'secondary'],
        ['cluster', 'secondary'],
        ['all', 'secondary'],
      ]),
    );
  });
});
