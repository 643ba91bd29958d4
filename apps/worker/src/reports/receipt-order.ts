/**
 * Whether revision `r` was received after submission `s` (SQL over those two aliases), decided by
 * PostgreSQL rather than in JavaScript: receipt times are stored to the microsecond but a Date keeps
 * milliseconds, so two filings of one burst looked simultaneous and the one decided last became
 * current. Equal stamps (one intake batch shares now(); paper forms keyed in with the same stamp) fall
 * back to the order stored, then the row of an upload, then the id, so the current revision never
 * depends on which job happened to run first.
 */
export const RECEIVED_LATER_SQL =
  '(r.received_at, r.stored_at, COALESCE(r.batch_row, 0), r.id) > (s.received_at, s.stored_at, COALESCE(s.batch_row, 0), s.id)';
