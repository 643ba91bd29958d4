const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of submissions are UUIDs: anything else is answered as missing before PostgreSQL refuses the cast. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
