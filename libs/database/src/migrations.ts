import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';

/** In order; each runs once per database. */
export const MIGRATIONS = [InitialSchema1764000000000];
