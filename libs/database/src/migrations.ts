import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { ReceivedSubmissionsIndex1764100000000 } from './migrations/1764100000000-received-submissions-index';
import { EnterpriseQuarterSpans1764200000000 } from './migrations/1764200000000-enterprise-quarter-spans';

/** In order; each runs once per database. */
export const MIGRATIONS = [InitialSchema1764000000000, ReceivedSubmissionsIndex1764100000000, EnterpriseQuarterSpans1764200000000];
