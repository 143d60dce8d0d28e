import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { CompiledQuery, type Kysely } from 'kysely';
import { csvField } from '../../db/bulk';

/** Where validated rows go: the staging table of the import's transaction, now or later. */
export interface RowSink {
  /** Resolves when the sink wants the reader to wait (backpressure); undefined when it does not. */
  add(rowNumber: number, values: readonly unknown[]): void | Promise<void>;
  readonly rows: number;
}

export const BLOCK_ROWS = 20_000;

function line(rowNumber: number, values: readonly unknown[]): string {
  let text = String(rowNumber);
  for (const value of values) text += `,${csvField(value)}`;
  return text;
}

/**
 * Valid rows written as COPY-ready CSV to a temporary file in blocks, for the embedded database: validation runs
 * without holding its single connection, and a million-row import keeps one block in memory at a time.
 */
export class StageFile implements RowSink {
  readonly #path: string;
  readonly #fd: number;
  readonly #blocks: { offset: number; length: number }[] = [];
  #lines: string[] = [];
  #offset = 0;
  #rows = 0;

  constructor(path: string) {
    this.#path = path;
    this.#fd = openSync(path, 'w+');
  }

  get rows(): number {
    return this.#rows;
  }

  add(rowNumber: number, values: readonly unknown[]): void {
    this.#lines.push(line(rowNumber, values));
    this.#rows++;
    if (this.#lines.length >= BLOCK_ROWS) this.#flush();
  }

  #flush(): void {
    if (this.#lines.length === 0) return;
    const buffer = Buffer.from(`${this.#lines.join('\n')}\n`);
    writeSync(this.#fd, buffer, 0, buffer.length, this.#offset);
    this.#blocks.push({ offset: this.#offset, length: buffer.length });
    this.#offset += buffer.length;
    this.#lines = [];
  }

  /** The blocks in order, each a complete CSV payload for one COPY. */
  *blocks(): Generator<Buffer> {
    this.#flush();
    for (const block of this.#blocks) {
      const buffer = Buffer.alloc(block.length);
      readSync(this.#fd, buffer, 0, block.length, block.offset);
      yield buffer;
    }
  }

  dispose(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // Already closed.
    }
    rmSync(this.#path, { force: true });
  }
}

/**
 * Valid rows copied into the staging table as they are validated, one block in flight at a time, for a server
 * database: the server parses each COPY in its own process while this one validates the next block.
 */
export class CopySink implements RowSink {
  readonly #executor: Kysely<any>;
  readonly #statement: string;
  readonly #afterBlock: (() => Promise<void>) | undefined;
  readonly #onBlock: ((rows: number) => void) | undefined;
  #lines: string[] = [];
  #rows = 0;
  #inFlight: Promise<unknown> | undefined;

  /** `afterBlock` runs after each block's COPY, in order (an incremental merge); `onBlock` reports rows sent. */
  constructor(
    executor: Kysely<any>,
    statement: string,
    hooks: { afterBlock?: () => Promise<void>; onBlock?: (rows: number) => void } = {},
  ) {
    this.#executor = executor;
    this.#statement = statement;
    this.#afterBlock = hooks.afterBlock;
    this.#onBlock = hooks.onBlock;
  }

  get rows(): number {
    return this.#rows;
  }

  add(rowNumber: number, values: readonly unknown[]): void | Promise<void> {
    this.#lines.push(line(rowNumber, values));
    this.#rows++;
    if (this.#lines.length >= BLOCK_ROWS) return this.#send();
  }

  async #send(): Promise<void> {
    const payload = `${this.#lines.join('\n')}\n`;
    this.#lines = [];
    await this.#inFlight;
    const work = (async () => {
      await this.#executor.executeQuery(CompiledQuery.raw(this.#statement, [payload]));
      await this.#afterBlock?.();
    })();
    // Marked handled now: a failure surfaces when the next block or finish() awaits it, not as an unhandled rejection.
    work.catch(() => undefined);
    this.#inFlight = work;
    this.#onBlock?.(this.#rows);
  }

  async finish(): Promise<void> {
    if (this.#lines.length) await this.#send();
    await this.#inFlight;
  }

  /** Waits for a block still under way, ignoring its failure: used before rolling back. */
  async settle(): Promise<void> {
    await this.#inFlight?.catch(() => undefined);
  }
}
