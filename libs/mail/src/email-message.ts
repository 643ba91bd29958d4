/** One email, ready to send. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments?: ReadonlyArray<{ filename: string; content: Buffer; contentType: string }>;
  /** Extra headers (List-Unsubscribe). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type Language = 'vi' | 'en';
