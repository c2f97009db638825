import { connect, Socket } from 'node:net';

/**
 * A load generator's HTTP/1.1 client: one kept-alive TCP connection per caller, one request on it
 * at a time, the answer read whole (status, Content-Length or chunked body) and handed back as text.
 *
 * NOTE: why not fetch() or node:http: the benchmarks run the hub, PostgreSQL and the load on the
 * same two cores, so every millisecond the load generator spends is taken from what is measured.
 * Measured on the booking crowd: fetch() about 0.8 ms of this process's CPU per request,
 * node:http 0.3–0.4 ms, this about 0.05 ms. Real clients are on other machines.
 */
export class LeanConnection {
  readonly #socket: Socket;
  readonly #host: string;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: { resolve: (r: LeanResponse) => void; reject: (e: Error) => void } | null = null;
  #failure: Error | null = null;

  private constructor(socket: Socket, host: string) {
    this.#socket = socket;
    this.#host = host;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
      this.#parse();
    });
    const fail = (error: Error) => {
      this.#failure = error;
      this.#pending?.reject(error);
      this.#pending = null;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static open(url: URL): Promise<LeanConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => resolve(new LeanConnection(socket, url.host)));
      socket.once('error', reject);
    });
  }

  /** POSTs `body` as JSON to `path` and resolves with the answer. */
  post(path: string, body: string, headers: Record<string, string>): Promise<LeanResponse> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#pending) return Promise.reject(new Error('one request at a time per connection'));
    let head = `POST ${path} HTTP/1.1\r\nHost: ${this.#host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#socket.write(`${head}\r\n${body}`);
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  #parse(): void {
    if (!this.#pending) return;
    const end = this.#buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.#buffer.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body: string;
    let rest: Buffer;
    if (length) {
      const size = Number(length[1]);
      if (this.#buffer.length < end + 4 + size) return;
      body = this.#buffer.toString('utf8', end + 4, end + 4 + size);
      rest = this.#buffer.subarray(end + 4 + size);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const chunks: Buffer[] = [];
      let at = end + 4;
      for (;;) {
        const line = this.#buffer.indexOf('\r\n', at);
        if (line < 0) return;
        const size = parseInt(this.#buffer.toString('latin1', at, line), 16);
        if (this.#buffer.length < line + 2 + size + 2) return;
        if (size === 0) {
          at = line + 4;
          break;
        }
        chunks.push(this.#buffer.subarray(line + 2, line + 2 + size));
        at = line + 2 + size + 2;
      }
      body = Buffer.concat(chunks).toString('utf8');
      rest = this.#buffer.subarray(at);
    } else {
      this.#pending.reject(new Error(`an answer without a length: ${head}`));
      this.#pending = null;
      return;
    }
    this.#buffer = rest;
    const { resolve } = this.#pending;
    this.#pending = null;
    resolve({ status, body });
  }
}

export interface LeanResponse {
  status: number;
  body: string;
}
