import { contributions } from './disclosure-cells.fixture';
import { smallestFirst } from './suppression-order';

const node = (key: string, grossOutput: number[], workers: number[] = grossOutput) => ({
  key,
  contributions: contributions([], { grossOutput, workers }),
});

describe('order of complementary suppressions', () => {
  it('puts the smallest total gross output first', () => {
    const order = smallestFirst([node('B', [150, 150]), node('A', [250]), node('C', [50])]);
    expect(order.map((n) => n.key)).toEqual(['C', 'A', 'B']);
  });

  it('breaks ties by key, whatever the input order', () => {
    const nodes = [node('Z2', [100], [9]), node('Z10', [100], [1]), node('Z1', [100], [5])];
    expect(smallestFirst(nodes).map((n) => n.key)).toEqual(['Z1', 'Z10', 'Z2']);
    expect(smallestFirst([...nodes].reverse()).map((n) => n.key)).toEqual(['Z1', 'Z10', 'Z2']);
  });

  it('puts cells without gross output last, by the sum of all their magnitudes', () => {
    const order = smallestFirst([node('A', [0], [40]), node('B', [], [10]), node('C', [1000])]);
    expect(order.map((n) => n.key)).toEqual(['C', 'B', 'A']);
  });
});
