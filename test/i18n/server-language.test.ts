import { request } from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { dispositionFileName, uploadFileName } from '../../src/consult/file-name';
import { startTestHub, TestHub } from '../support/hub';
import { ok, requestConsultation } from '../consult/support';

/**
 * The hub speaks the reader's language: the saved preference, else Accept-Language (HTTP) or
 * connectionParams.language (WebSocket); codes and fields stay the same in both. Chinese fits
 * the length rules, and Chinese file names survive upload and download.
 */
let t: TestHub;
let doctorA: string;
let doctorB: string;
beforeAll(async () => {
  t = await startTestHub();
  [doctorA, doctorB] = await Promise.all([t.signIn('doctor.a'), t.signIn('doctor.b')]);
}, 60_000);
afterAll(() => t?.stop());

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(t.hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return res.json() as Promise<{ data?: any; errors?: { message: string; extensions: { code: string; field?: string } }[] }>;
}

const SIGN_IN = 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }';
const REQUEST = 'mutation($i: RequestConsultationInput!) { requestConsultation(input: $i) { id clinicalSummary } }';
const input = (over: Record<string, unknown>) => ({
  patientId: String(t.fixture.patientA.id), specialtyId: String(t.fixture.cardiology.id), urgency: 'ROUTINE', clinicalSummary: '头晕2周', question: '病因？', ...over,
});

describe('the language of server sentences', () => {
  it('says the same refusal in zh-CN and en by Accept-Language, with the same code and field', async () => {
    const zh = await post(SIGN_IN, { u: 'doctor.a', p: 'wrong-password' }, { 'accept-language': 'zh-CN,zh;q=0.9' });
    const en = await post(SIGN_IN, { u: 'doctor.a', p: 'wrong-password' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(zh.errors![0]).toMatchObject({ message: '用户名或密码错误', extensions: { code: 'UNAUTHENTICATED' } });
    expect(en.errors![0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });

    const auth = { authorization: `Bearer ${doctorA}` };
    const tooShortZh = await post(REQUEST, { i: input({ clinicalSummary: '晕' }) }, { ...auth, 'accept-language': 'zh-CN' });
    const tooShortEn = await post(REQUEST, { i: input({ clinicalSummary: '晕' }) }, { ...auth, 'accept-language': 'en' });
    expect(tooShortZh.errors![0].message).toBe('输入有误：clinicalSummary 应为 2 到 4000 个字');
    expect(tooShortEn.errors![0].message).toBe('Invalid input: clinicalSummary must be 2 to 4000 characters');
    expect(tooShortZh.errors![0].extensions).toEqual(tooShortEn.errors![0].extensions);
    expect(tooShortEn.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/clinicalSummary$/) });
  });

  it('follows the saved preference over Accept-Language, over HTTP and WebSocket', async () => {
    const saved = await post('mutation { setMyLanguage(language: "zh-CN") { username language } }', {}, { authorization: `Bearer ${doctorB}`, 'accept-language': 'en' });
    expect(saved.data.setMyLanguage).toEqual({ username: 'doctor.b', language: 'zh-CN' });
    // Same refusal, asked in English by the header: answered in the saved Chinese.
    const refused = await post('mutation { setMyLanguage(language: "fr") { id } }', {}, { authorization: `Bearer ${doctorB}`, 'accept-language': 'en' });
    expect(refused.errors![0]).toMatchObject({ message: 'language 只能是 zh-CN 或 en，收到的是 "fr"', extensions: { code: 'BAD_USER_INPUT', field: 'language' } });
    const english = await post('mutation { setMyLanguage(language: "fr") { id } }', {}, { authorization: `Bearer ${doctorA}`, 'accept-language': 'en' });
    expect(english.errors![0]).toMatchObject({ message: 'language must be zh-CN or en, got "fr"', extensions: { code: 'BAD_USER_INPUT', field: 'language' } });

    // WebSocket: the saved preference of doctor B wins over connectionParams.language = en.
    const ws = createClient({ url: t.hub.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${doctorB}`, language: 'en' }, retryAttempts: 0 });
    const wsError = await new Promise<any>((resolve) => {
      // A refusal at subscribe time arrives as one result carrying errors (or as an error).
      ws.subscribe({ query: 'subscription { notificationAdded(after: "not-a-cursor") { cursor } }' }, { next: (r) => resolve(r.errors), error: resolve, complete: () => resolve(null) });
    });
    await ws.dispose();
    expect(wsError[0]).toMatchObject({ message: '"after" 必须是之前收到的事件游标，收到的是 "not-a-cursor"', extensions: { code: 'BAD_USER_INPUT', field: 'after' } });

    // No token on the socket: the close reason in the language the connection asked for.
    const anonymous = createClient({ url: t.hub.wsUrl, webSocketImpl: WebSocket, connectionParams: { language: 'zh-CN' }, retryAttempts: 0, lazy: false });
    const closed = await new Promise<any>((resolve) => anonymous.on('closed', resolve));
    await anonymous.dispose();
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^请在 connectionParams\.authorization 中发送/);
    expect(Buffer.byteLength(closed.reason)).toBeLessThanOrEqual(123);
  });

  it("says the directory's validation refusals in the reader's language, naming the field", async () => {
    const admin = await t.signIn('admin');
    const CREATE = 'mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }';
    const hospital = { name: '新镇卫生院', tier: 'TOWNSHIP', county: '测试县', latitude: 95, longitude: 118.5 };
    const auth = { authorization: `Bearer ${admin}` };
    const zh = await post(CREATE, { i: hospital }, { ...auth, 'accept-language': 'zh-CN' });
    const en = await post(CREATE, { i: hospital }, { ...auth, 'accept-language': 'en' });
    expect(zh.errors![0]).toMatchObject({ message: '输入有误：latitude 应在 -90 到 90 之间', extensions: { code: 'BAD_USER_INPUT', field: 'latitude' } });
    expect(en.errors![0]).toMatchObject({ message: 'Invalid input: latitude must be between -90 and 90', extensions: { code: 'BAD_USER_INPUT', field: 'latitude' } });
    const page = await post('{ hospitals(first: 500) { nodes { id } } }', {}, { ...auth, 'accept-language': 'zh-CN' });
    expect(page.errors![0]).toMatchObject({ message: '输入有误：first 不能大于 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('accepts a four-character Chinese clinical summary and a two-character question', async () => {
    const r = ok(await t.gql(REQUEST, { i: input({ clinicalSummary: '头晕2周', question: '病因' }) }, doctorA));
    expect(r.requestConsultation.clinicalSummary).toBe('头晕2周');
    const summary = ok(await t.gql(REQUEST, { i: input({ clinicalSummary: '血糖控制差' }) }, doctorA));
    expect(summary.requestConsultation.clinicalSummary).toBe('血糖控制差');
  });
});

describe('UTF-8 file names', () => {
  const PDF = Buffer.from('%PDF-1.4\n% exam result\n');
  const NAME = '血常规.pdf';
  const base = () => t.hub.url.replace(/\/graphql$/, '');

  /** Raw header bytes need node:http: fetch allows only Latin-1 header values. */
  function upload(consultationId: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      const req = request(`${base()}/attachments/consultations/${consultationId}`, {
        method: 'POST', headers: { authorization: `Bearer ${doctorA}`, 'content-type': 'application/pdf', 'content-length': String(PDF.length), ...headers },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('error', reject);
      req.end(PDF);
    });
  }

  it('stores a Chinese name sent in each usual way and gives it back intact', async () => {
    const id = await requestConsultation(t, doctorA);
    const ways: Record<string, string>[] = [
      // raw UTF-8 bytes (Node writes a header string as Latin-1, one byte per character)
      { 'x-file-name': Buffer.from(NAME, 'utf8').toString('latin1') },
      { 'x-file-name': encodeURIComponent(NAME) },
      { 'content-disposition': `attachment; filename="fallback.pdf"; filename*=UTF-8''${encodeURIComponent(NAME)}` },
    ];
    for (const headers of ways) {
      const up = await upload(id, headers);
      expect(up.status).toBe(201);
      expect(up.body.fileName).toBe(NAME);
      const down = await fetch(`${base()}${up.body.downloadPath}`, { headers: { authorization: `Bearer ${doctorA}` } });
      expect(down.status).toBe(200);
      const disposition = down.headers.get('content-disposition')!;
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(NAME)}`);
      expect(dispositionFileName(disposition)).toBe(NAME);
      expect(Buffer.from(await down.arrayBuffer()).equals(PDF)).toBe(true);
    }
    const listed = ok(await t.gql('query($id: ID!) { consultation(id: $id) { attachments { fileName } } }', { id }, doctorA)).consultation.attachments;
    expect(listed.map((a: any) => a.fileName)).toEqual([NAME, NAME, NAME]);
  });

  it('reads the name forms exactly', () => {
    expect(uploadFileName({ 'x-file-name': '50%.pdf' })).toBe('50%.pdf');
    expect(uploadFileName({ 'x-file-name': 'r\u00e9sum\u00e9.pdf' })).toBe('r\u00e9sum\u00e9.pdf'); // Latin-1, not UTF-8 bytes: kept
    expect(dispositionFileName(`attachment; filename*=utf-8'zh'%E8%A1%80%E5%B8%B8%E8%A7%84.pdf`)).toBe(NAME);
    expect(dispositionFileName('attachment; filename="a \\"b\\".pdf"')).toBe('a "b".pdf');
    expect(uploadFileName({}, { name: NAME })).toBe(NAME);
  });
});
