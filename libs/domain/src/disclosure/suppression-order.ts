import { sumContributions } from './contribution-ranking';
import { DisclosureNode } from './disclosure-hierarchy';
import { PROTECTED_MAGNITUDES } from './protected-magnitude';

// A complementary suppression hides published information, so the smallest candidate goes first: by gross output,
// the headline figure. Cells without gross output (e.g. zones still building) come after those with some, by the
// sum of all their magnitudes; mixing units makes that only a deterministic order, not a size. Ties go by key, in
// code-unit order so that the result does not depend on the locale.
export function smallestFirst<T extends DisclosureNode>(nodes: readonly T[]): T[] {
  return nodes
    .map((node) => ({ node, rank: rankOf(node) }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || compareText(a.node.key, b.node.key))
    .map(({ node }) => node);
}

type Rank = readonly [withoutGrossOutput: 0 | 1, size: bigint];

function rankOf({ contributions }: DisclosureNode): Rank {
  const grossOutput = sumContributions(contributions.grossOutput);
  if (grossOutput > 0n) return [0, grossOutput];
  return [1, sumContributions(PROTECTED_MAGNITUDES.flatMap((magnitude) => contributions[magnitude]))];
}

function compareRanks(a: Rank, b: Rank): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
