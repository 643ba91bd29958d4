import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerSession } from 'smtp-server';
import { freePort } from './app-process';

/** One message as the server received it: the envelope recipients and the parsed MIME. */
export interface ReceivedMail {
  readonly to: string[];
  readonly mail: ParsedMail;
}

/**
 * A real SMTP server for one suite, on a free port, that parses what arrives. It can refuse a
 * recipient for a number of attempts (a 4xx at RCPT TO), as a server that is busy or under
 * maintenance would, and then accept again; or stall, leaving every recipient unanswered until resumed,
 * as a server that hangs mid-conversation would.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly refusedAttempts: string[] = [];
  private readonly refusalsLeft = new Map<string, number>();
  private queued = 0;
  private stalling = false;
  private readonly held: Array<() => void> = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    const port = await freePort();
    // The server's handlers need the sink, which needs the server.
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => ref.sink!.onRcptTo(address.address, callback),
      onData: (stream, session, callback) => ref.sink!.onData(stream, session, callback),
    });
    const sink = (ref.sink = new SmtpSink(server, port));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuses RCPT TO for `recipient` on its next `times` attempts with `code`, then accepts again. */
  refuse(recipient: string, times: number): void {
    this.refusalsLeft.set(recipient.toLowerCase(), times);
  }

  /** Leaves RCPT TO unanswered from now on, until `resume()`. */
  stall(): void {
    this.stalling = true;
  }

  /** Answers the recipients held so far (a client that gave up meanwhile hears nothing) and answers at once again. */
  resume(): void {
    this.stalling = false;
    for (const answer of this.held.splice(0)) answer();
  }

  /** Conversations waiting on the stalled server. */
  get stalled(): number {
    return this.held.length;
  }

  /** Messages received for a recipient, oldest first. */
  to(recipient: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(recipient.toLowerCase()));
  }

  /** Waits until `count()` reaches `expected`; fails with what did arrive otherwise. */
  async waitFor(count: () => number, expected: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (count() < expected) {
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${expected} messages, got ${count()}: ${this.received.map((m) => `${m.to.join(', ')} "${m.mail.subject}"`).join('; ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onRcptTo(address: string, callback: (err?: Error | null) => void): void {
    if (this.stalling) {
      this.held.push(() => this.onRcptTo(address, callback));
      return;
    }
    const recipient = address.toLowerCase();
    const left = this.refusalsLeft.get(recipient) ?? 0;
    if (left > 0) {
      this.refusalsLeft.set(recipient, left - 1);
      this.refusedAttempts.push(recipient);
      const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
      return callback(error);
    }
    callback();
  }

  private onData(
    stream: NodeJS.ReadableStream,
    session: SMTPServerSession,
    callback: (err?: Error | null, message?: string) => void,
  ): void {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      simpleParser(Buffer.concat(chunks))
        .then((mail) => {
          this.received.push({ to, mail });
          callback(null, `OK: queued as sink-${++this.queued}`);
        })
        .catch((error: Error) => callback(error));
    });
  }
}
