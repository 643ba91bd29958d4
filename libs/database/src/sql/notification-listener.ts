import { Client } from 'pg';
import { DatabaseTimeouts, pgConnectionOptions } from '../data-source-options';

/** Stops listening. */
export interface NotificationListener {
  close(): Promise<void>;
}

/**
 * Calls `onPayload` with each notification on `channel` from now on, on a connection of its own;
 * `onError` once that connection fails (notifications are then missed until listening again).
 */
export async function listenOn(
  url: string,
  timeouts: DatabaseTimeouts,
  channel: string,
  onPayload: (payload: string) => void,
  onError: (error: Error) => void,
): Promise<NotificationListener> {
  const client = new Client({ connectionString: url, ...pgConnectionOptions(timeouts) });
  let listening = false;
  client.on('notification', (n) => n.payload && onPayload(n.payload));
  // Before listening, a failure rejects this call instead.
  client.on('error', (error) => listening && onError(error));
  try {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  listening = true;
  return { close: () => client.end().catch(() => undefined) };
}
