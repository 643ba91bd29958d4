/**
 * A number of a request as the text a numeric or bigint column takes, keeping a PATCH's meaning:
 * left out stays left out, null clears.
 */
export function columnText(value: number | string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value === null ? null : String(value);
}
