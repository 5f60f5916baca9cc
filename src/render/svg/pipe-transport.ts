// The DevTools connection over Chromium's pipe (its file descriptors 3 and 4), in the shape
// puppeteer's `connect({ transport })` takes.

import type { Readable, Writable } from 'node:stream';

/**
 * A DevTools connection over the browser's pipe: messages are JSON texts each ended by a NUL byte.
 * The shape is puppeteer's `ConnectionTransport`; messages are handed on one per event-loop turn,
 * in order, as puppeteer's own pipe transport does.
 */
export class PipeTransport {
  onmessage?: (message: string) => void;
  private closeHandler?: () => void;
  private partial: Buffer[] = [];
  private closed = false;

  /** Called when the pipe closes; at once when it closed before the connection was attached. */
  get onclose(): (() => void) | undefined {
    return this.closeHandler;
  }
  set onclose(handler: (() => void) | undefined) {
    this.closeHandler = handler;
    if (this.closed && handler !== undefined) setImmediate(handler);
  }

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => {
      this.closed = true;
      this.closeHandler?.();
    });
    // A write to a browser that has gone fails; the connection reports it as closed.
    fromBrowser.on('error', () => undefined);
    toBrowser.on('error', () => undefined);
  }

  send(message: string): void {
    if (this.closed) return;
    this.toBrowser.write(`${message}\0`);
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.partial.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.partial).toString('utf8');
      this.partial = [];
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  close(): void {
    this.closed = true;
    this.toBrowser.end();
  }
}
