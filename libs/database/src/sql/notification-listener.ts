import { Client } from 'pg';
import { DatabaseTimeouts, pgConnectionOptions } from '../data-source-options';

/** Stops listening. */
export interface NotificationListener {
  close(): Promise<void>;
}

/** What to do with the payload of each channel listened to. */
export type ChannelHandlers = Readonly<Record<string, (payload: string) => void>>;

/**
 * Calls each channel's handler with each notification on it from now on, on one connection of its
 * own; `onError` once that connection fails (notifications are then missed until listening again).
 */
export async function listenOn(
  url: string,
  timeouts: DatabaseTimeouts,
  handlers: ChannelHandlers,
  onError: (error: Error) => void,
): Promise<NotificationListener> {
  const client = new Client({ connectionString: url, ...pgConnectionOptions(timeouts) });
  let listening = false;
  client.on('notification', (n) => n.payload && handlers[n.channel]?.(n.payload));
  // Before listening, a failure rejects this call instead.
  client.on('error', (error) => listening && onError(error));
  try {
    await client.connect();
    for (const channel of Object.keys(handlers)) await client.query(`LISTEN ${channel}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  listening = true;
  return { close: () => client.end().catch(() => undefined) };
}
