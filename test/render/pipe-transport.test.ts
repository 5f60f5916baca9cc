// The DevTools connection over Chromium's pipe: NUL-ended messages handed on in order, and a
// close reported to a connection attached late.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PipeTransport } from '../../src/render/svg/pipe-transport.js';

describe('PipeTransport', () => {
  it('hands on each NUL-ended message once, in order, however the pipe splits them', async () => {
    const [toBrowser, fromBrowser] = [new PassThrough(), new PassThrough()];
    const transport = new PipeTransport(toBrowser, fromBrowser);
    const received: string[] = [];
    transport.onmessage = (message) => received.push(message);
    fromBrowser.write('{"id":1}\0{"id"');
    fromBrowser.write(':2,"text":"é');
    fromBrowser.write('"}\0{"id":3}\0');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual(['{"id":1}', '{"id":2,"text":"é"}', '{"id":3}']);
    transport.send('{"method":"Browser.close"}');
    expect(toBrowser.read()?.toString()).toBe('{"method":"Browser.close"}\0');
  });

  it('tells a connection attached after the browser closed its pipe at once', async () => {
    const fromBrowser = new PassThrough();
    const transport = new PipeTransport(new PassThrough(), fromBrowser);
    fromBrowser.destroy();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const closed = new Promise<void>((resolve) => {
      transport.onclose = resolve;
    });
    await expect(closed).resolves.toBeUndefined();
  });
});
