import { Transform, TransformCallback } from 'stream';

/**
 * A byte stream split into lines, each passed through `map`: return the new line,
 * or `null` to drop it. Text is handled as latin1 so every byte survives
 * unchanged (log fields may hold any bytes; the fields we touch are ASCII).
 * Line endings are kept as they were, including a last line without `\n`.
 */

/** A line longer than this is not a log line: memory stays bounded even on a file without newlines. */
export const MAX_LINE_BYTES = 1024 * 1024;

export class LineTooLongError extends Error {}

export type LineMap = (line: string) => string | null;

export class LineTransform extends Transform {
  public linesIn = 0;
  public linesOut = 0;
  private rest = '';

  constructor(private readonly mapLine: LineMap) {
    super();
  }

  public _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.rest + chunk.toString('latin1');
      const lastNewline = text.lastIndexOf('\n');
      if (lastNewline < 0) {
        this.rest = text;
      } else {
        this.rest = text.slice(lastNewline + 1);
        this.pushLines(text.slice(0, lastNewline).split('\n'), '\n');
      }
      if (this.rest.length > MAX_LINE_BYTES) {
        throw new LineTooLongError(`a line is longer than ${MAX_LINE_BYTES} bytes`);
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  public _flush(callback: TransformCallback): void {
    try {
      if (this.rest.length > 0) this.pushLines([this.rest], '');
      this.rest = '';
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  /** Maps `lines`, each followed by `ending`, and pushes them as one buffer. */
  private pushLines(lines: string[], ending: string): void {
    let out = '';
    for (const line of lines) {
      this.linesIn++;
      const mapped = this.mapLine(line);
      if (mapped === null) continue;
      this.linesOut++;
      out += mapped + ending;
    }
    if (out.length > 0) this.push(Buffer.from(out, 'latin1'));
  }
}
