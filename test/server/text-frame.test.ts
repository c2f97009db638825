import 'reflect-metadata';
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';
import { textFrame } from '../../src/server/fanout';

/** ws' frame parser (exported at runtime as WebSocket.Receiver; @types/ws does not declare it). */
type FrameReader = EventEmitter & { write(chunk: Buffer): void };
const Receiver = (WebSocket as unknown as { Receiver: new (options: { isServer: boolean }) => FrameReader }).Receiver;

/** What ws' own client-side parser reads out of a frame the fan-out writes straight to a socket. */
function decode(frame: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? reject(new Error('binary')) : resolve(data.toString('utf8'))));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('the fan-out\'s text frames', () => {
  it.each([
    ['a short message (7-bit length)', 40, 2],
    ['a usual one (16-bit length)', 600, 4],
    ['one over 64 kB (64-bit length)', 70_000, 10],
  ])('frames %s as ws reads it', async (_, length, headerBytes) => {
    const head = '{"id":"订阅-1","type":"next","payload":';
    const payload = Buffer.from(JSON.stringify({ data: { name: '甲'.repeat(Math.max(0, Math.floor((length - 60) / 3))) } }));
    const framed = textFrame(head, Buffer.byteLength(head), payload);
    expect(framed.headerBytes).toBe(headerBytes);
    const text = await decode(framed.frame);
    expect(text).toBe(`${head}${payload.toString('utf8')}}`);
    expect(JSON.parse(text).id).toBe('订阅-1');
  });
});
