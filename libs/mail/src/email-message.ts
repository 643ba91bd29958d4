/** One email, ready to send. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** With a `cid`, an image the HTML shows inline (`<img src="cid:…">`). */
  readonly attachments?: ReadonlyArray<{ filename: string; content: Buffer; contentType: string; cid?: string }>;
  /** Extra headers (List-Unsubscribe). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type Language = 'vi' | 'en';
