import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Settings } from './settings';

// The operators' page of settings is the one place listing them all: a setting added without its line
// there, or a default changed without it, fails here.
const PAGE = join(__dirname, '..', '..', '..', 'docs', 'operations', 'settings.md');

/** `| \`NAME\` | \`default\` |` or `| \`NAME\` | (none) |`, by name. */
function documentedDefaults(markdown: string): Map<string, string> {
  const rows = markdown.split('\n').map((line) => /^\| `([A-Z_]+)` \| (?:`([^`]*)`|\(none\)) \|/.exec(line));
  return new Map(rows.filter((m) => m !== null).map((m) => [m[1], m[2] ?? '(none)']));
}

describe('docs/operations/settings.md', () => {
  it('lists every setting with its default', () => {
    const documented = documentedDefaults(readFileSync(PAGE, 'utf8'));
    const actual = Object.entries(new Settings()).map(([name, value]) => [name, value === undefined ? '(none)' : String(value)]);
    expect(actual.filter(([name, value]) => documented.get(name) !== value)).toEqual([]);
    expect([...documented.keys()].filter((name) => !(name in new Settings()))).toEqual([]);
  });
});
