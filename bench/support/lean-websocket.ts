import { randomBytes } from 'node:crypto';
import { connect, Socket } from 'node:net';

/**
 * A load generator's WebSocket client (RFC 6455, client side): the upgrade, masked text frames
 * out, unmasked frames in, pongs to the server's pings. No extensions, no fragmented messages
 * (the hub sends neither).
 *
 * NOTE: why not `ws`: bench/fanout runs 10,000 of these beside the hub on the same two cores,
 * and every microsecond a subscriber spends on a message is taken from the hub being measured
 * (ws' stream-based receiver: about 20 µs of the subscriber processes' CPU per delivery).
 */
export class LeanWebSocket {
  #buffer: Buffer = Buffer.alloc(0);
  #open = false;

  private constructor(private readonly socket: Socket, private readonly onText: (text: string) => void, private readonly onClose: (code: number, reason: string) => void) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#read(chunk));
    socket.on('close', () => { if (this.#open) { this.#open = false; this.onClose(1006, 'connection lost'); } });
    socket.on('error', () => {});
  }

  /** Connects and upgrades; `onText` gets every text message, `onClose` the close code and reason. */
  static open(url: URL, protocol: string, onText: (text: string) => void, onClose: (code: number, reason: string) => void): Promise<LeanWebSocket> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      const key = randomBytes(16).toString('base64');
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        socket.off('error', reject);
        const status = head.toString('latin1', 0, end).split('\r\n')[0];
        if (!/^HTTP\/1\.1 101 /.test(status)) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${status}`));
          return;
        }
        const client = new LeanWebSocket(socket, onText, onClose);
        client.#open = true;
        if (head.length > end + 4) client.#read(head.subarray(end + 4));
        resolve(client);
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.write(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
        + `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`);
    });
  }

  sendText(text: string): void {
    this.#send(0x1, Buffer.from(text));
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#send(0x8, Buffer.from([0x03, 0xe8])); // 1000
    this.socket.end();
  }

  /** A masked frame, as a client must send it. */
  #send(opcode: number, payload: Buffer): void {
    const headerBytes = payload.length < 126 ? 2 : 4;
    const frame = Buffer.allocUnsafe(headerBytes + 4 + payload.length);
    frame[0] = 0x80 | opcode;
    if (headerBytes === 2) frame[1] = 0x80 | payload.length;
    else {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(payload.length, 2);
    }
    const mask = randomBytes(4);
    mask.copy(frame, headerBytes);
    for (let i = 0; i < payload.length; i++) frame[headerBytes + 4 + i] = payload[i] ^ mask[i & 3];
    this.socket.write(frame);
  }

  #read(chunk: Buffer): void {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    for (;;) {
      const b = this.#buffer;
      if (b.length < 2) return;
      const opcode = b[0] & 0x0f;
      let size = b[1] & 0x7f;
      let at = 2;
      if (size === 126) {
        if (b.length < 4) return;
        size = b.readUInt16BE(2);
        at = 4;
      } else if (size === 127) {
        if (b.length < 10) return;
        size = Number(b.readBigUInt64BE(2));
        at = 10;
      }
      if (b.length < at + size) return;
      const payload = b.subarray(at, at + size);
      this.#buffer = b.subarray(at + size);
      if (opcode === 0x1) this.onText(payload.toString('utf8'));
      else if (opcode === 0x9) this.#send(0xa, Buffer.from(payload)); // ping → pong
      else if (opcode === 0x8) {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        if (this.#open) {
          this.#open = false;
          this.onClose(code, payload.subarray(2).toString('utf8'));
        }
        this.socket.end();
        return;
      }
    }
  }
}
