import { UploadRejection } from './upload-rejection';

const tooLarge = (limit: number) =>
  UploadRejection.of(413, 'FILE_TOO_LARGE', `The file has more than ${limit} bytes; at most ${limit} are accepted.`);

/**
 * The bytes of an upload as they arrive (a request stream), read once, counted against the byte
 * limit. Readers take them chunk by chunk; stopping early does not close the source, so that `rest()`
 * can still read it to the end and tell whether the file was too large, which decides first.
 */
export class UploadBytes implements AsyncIterable<Buffer> {
  private readonly source: AsyncIterator<Buffer, unknown>;
  private readonly pending: Buffer[] = [];
  private count = 0;
  private ended = false;

  constructor(
    source: Buffer | AsyncIterable<Buffer>,
    private readonly maxBytes: number,
  ) {
    this.source = Buffer.isBuffer(source)
      ? (async function* () {
          yield source;
        })()
      : source[Symbol.asyncIterator]();
  }

  /** At least the first `n` bytes (fewer if the file is shorter), left to be read again. */
  async head(n: number): Promise<Buffer> {
    while (this.pending.reduce((sum, b) => sum + b.length, 0) < n) {
      const chunk = await this.pull();
      if (chunk === null) break;
      this.pending.push(chunk);
    }
    return Buffer.concat(this.pending);
  }

  /** The whole file in one buffer (an xlsx package, whose directory is at its end). */
  async all(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async () => {
        const chunk = this.pending.shift() ?? (await this.pull());
        return chunk === null ? { done: true, value: undefined } : { done: false, value: chunk };
      },
    };
  }

  /** Reads what is left, unparsed; returns the refusal for size if the file turned out too large. */
  async rest(): Promise<UploadRejection | null> {
    this.pending.length = 0;
    try {
      while ((await this.pull()) !== null);
      return null;
    } catch (error) {
      return error instanceof UploadRejection && error.issues[0]?.code === 'FILE_TOO_LARGE' ? error : null;
    }
  }

  private async pull(): Promise<Buffer | null> {
    if (this.ended) return null;
    const { done, value } = await this.source.next().catch((error: unknown) => {
      this.ended = true;
      throw error;
    });
    if (done) {
      this.ended = true;
      return null;
    }
    const chunk = Buffer.isBuffer(value) ? value : Buffer.from(value);
    this.count += chunk.length;
    if (this.count > this.maxBytes) {
      this.ended = true;
      throw tooLarge(this.maxBytes);
    }
    return chunk;
  }
}
