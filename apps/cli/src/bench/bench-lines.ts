/** One measured figure of the bench, with what it is compared with; `ok` null for a baseline. */
export interface Line {
  metric: string;
  measured: string;
  compared: string;
  ok: boolean | null;
}

export type AddLine = (metric: string, measured: string, compared: string, ok: boolean | null) => void;
