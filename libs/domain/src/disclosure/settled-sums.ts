import { AuditGroup } from './audit-model';

/** What one audit may take as known, and tells of the sums it looks at. */
export interface SettledLook {
  /** Whether the sum is known not to be reported: found safe before with no more cells withheld than now. */
  known(group: AuditGroup): boolean;
  /** The sum is safe with the cells withheld now. */
  safe(group: AuditGroup): void;
}

/**
 * Sums the audits of one suppression found safe, each with the cells withheld when it looked. Withholding more
 * only takes equations away from a reader, so every interval widens: a sum found safe stays safe while at least
 * those cells are withheld, and a later audit need not solve for it again. A sum given away by the earlier
 * publications alone is never reported, whatever is withheld.
 */
export class SettledSums {
  private readonly looks: Array<{ readonly withheld: ReadonlySet<string>; readonly safe: Set<string> }> = [];
  private readonly ignored = new Set<string>();

  look(withheld: ReadonlySet<string>): SettledLook {
    // A look with more withheld than now, or that found nothing safe, cannot help (sizes first: the cheap test).
    const valid = this.looks.filter(
      (l) => l.safe.size > 0 && l.withheld.size <= withheld.size && [...l.withheld].every((key) => withheld.has(key)),
    );
    const safe = new Set<string>();
    this.looks.push({ withheld: new Set(withheld), safe });
    return {
      known: (group) => {
        const name = nameOf(group);
        return this.ignored.has(name) || valid.some((l) => l.safe.has(name));
      },
      safe: (group) => void safe.add(nameOf(group)),
    };
  }

  /** The sum is given away by what was published before: no withholding now can protect it. */
  ignore(group: AuditGroup): void {
    this.ignored.add(nameOf(group));
  }
}

// A sum is its atoms: the same atoms under another key or class number are the same sum. The same arrays come
// back audit after audit: each is named once.
const names = new WeakMap<readonly number[], string>();
function nameOf(group: AuditGroup): string {
  let name = names.get(group.atoms);
  if (name === undefined) names.set(group.atoms, (name = group.atoms.join(',')));
  return name;
}
