import { request } from 'node:http';
import { startTestHub, TestHub } from '../support/hub';
import { requestConsultation } from './support';

/**
 * Issue 13, item 4: an upload is authenticated and authorized before its body is read. A
 * refused upload is answered while the client is still sending, and the hub never holds more
 * of the body than the limit.
 */
let t: TestHub;
let base: URL;
let doctorA: string;
let doctorB: string;
let specialist: string;
let consultation: string;

const MAX = 10 * 1024 * 1024;
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(async () => {
  t = await startTestHub({ ATTACHMENT_MAX_BYTES: String(MAX) });
  base = new URL(t.hub.url);
  [doctorA, doctorB, specialist] = await Promise.all(['doctor.a', 'doctor.b', 'specialist'].map((u) => t.signIn(u)));
  consultation = await requestConsultation(t, doctorA);
});
afterAll(async () => { await t.stop(); });

interface Early {
  status: number;
  body: any;
  /** Bytes the client had written when the answer came. */
  sentWhenAnswered: number;
}

/**
 * Starts an upload that announces `announced` bytes, sends only its first 64 kB, and waits for
 * the answer: a hub that reads the body before deciding would wait for the rest forever.
 */
function startUpload(id: string, announced: number, token?: string, contentType = 'image/png', chunked = false): Promise<Early> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request({
      host: base.hostname, port: base.port, method: 'POST', path: `/attachments/consultations/${id}`,
      headers: {
        'content-type': contentType, ...(chunked ? {} : { 'content-length': String(announced) }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c)).on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), sentWhenAnswered: sent });
      });
    });
    req.on('error', (error) => { if (!req.destroyed) reject(error); });
    const first = Buffer.concat([PNG_HEAD, Buffer.alloc(64 * 1024 - PNG_HEAD.length)]);
    req.write(first, () => { sent += first.length; });
    setTimeout(() => reject(new Error(`no answer to a half-sent upload within 5 s (sent ${sent} of ${announced} bytes)`)), 5000).unref();
  });
}

describe('uploads are refused before their body is read', () => {
  it('answers 404 to a doctor who may not see the consultation while the 10 MB body is still unsent', async () => {
    const r = await startUpload(consultation, MAX, doctorB);
    expect(r.status).toBe(404);
    expect(r.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(r.sentWhenAnswered).toBeLessThan(MAX);
  });

  it('answers 403 to a specialist who may see but not attach, and 401 to nobody', async () => {
    const forbidden = await startUpload(consultation, MAX, specialist);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await startUpload(consultation, MAX);
    expect(anonymous.status).toBe(401);
  });

  it('answers 413 from the announced length and 415 from the declared type, before the body', async () => {
    const tooLong = await startUpload(consultation, MAX + 1, doctorA);
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.errors[0].message).toContain(`${MAX} bytes`);
    const wrongType = await startUpload(consultation, 1000_000, doctorA, 'text/plain');
    expect(wrongType.status).toBe(415);
  });

  it('stops reading a chunked body the moment it passes the limit', async () => {
    const small = await startTestHub({ ATTACHMENT_MAX_BYTES: String(32 * 1024) });
    try {
      const token = await small.signIn('doctor.a');
      const id = await requestConsultation(small, token);
      const u = new URL(small.hub.url);
      const r = await new Promise<Early>((resolve, reject) => {
        const req = request({ host: u.hostname, port: u.port, method: 'POST', path: `/attachments/consultations/${id}`, headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c)).on('end', () => { req.destroy(); resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()), sentWhenAnswered: 0 }); });
        });
        req.on('error', (error) => { if (!req.destroyed) reject(error); });
        req.write(Buffer.concat([PNG_HEAD, Buffer.alloc(64 * 1024)])); // never ended
      });
      expect(r.status).toBe(413);
      expect(r.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.stop();
    }
  });

  it('20 refused 10 MB uploads at once leave the memory as it was', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const answers = await Promise.all(Array.from({ length: 20 }, () => startUpload(consultation, MAX, specialist)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(403));
    const grown = process.memoryUsage().rss - before;
    // Reading the bodies would have meant 200 MB; a few MB is the noise of 20 requests.
    expect(grown).toBeLessThan(40 * 1024 * 1024);
  });
});
