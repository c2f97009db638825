import { Agent, request } from 'node:http';
import { ChildHub, startChildHub } from '../support/child-hub';
import { PASSWORD } from '../support/fixture';
import { startTestHub, TestHub } from '../support/hub';

/**
 * Issue 13, item 6: SIGTERM while 50 mutations are on their way. The hub says 503 on /readyz
 * from the first moment, answers every request it has received, and no client is left without
 * the answer to a write that was committed: every write is either answered or not there.
 */
let t: TestHub;
let child: ChildHub;
beforeAll(async () => {
  t = await startTestHub();
  child = await startChildHub(t, { SHUTDOWN_DRAIN_MS: '15000' });
});
afterAll(async () => {
  await child?.stop();
  await t.stop();
});

const get = (agent: Agent, url: string) => new Promise<number>((resolve, reject) => {
  request(url, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode!)); }).on('error', reject).end();
});

it('answers every mutation it received before stopping, and no write is committed unanswered', async () => {
  const signIn = await fetch(child.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { signIn(username: "admin", password: "${PASSWORD}") { token } }` }) });
  const token = (await signIn.json()).data.signIn.token;
  // A kept-alive connection opened before the signal, to ask /readyz after it.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const base = child.url.replace(/\/graphql$/, '');
  expect(await get(agent, `${base}/readyz`)).toBe(200);

  const names = Array.from({ length: 50 }, (_, i) => `排空测试卫生院${i}`);
  const outcomes = names.map((name) => fetch(child.url, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id name } }', variables: { i: { name, tier: 'TOWNSHIP', county: '测试县', latitude: 35.5, longitude: 118.5 } } }),
  }).then(async (res) => ({ name, status: res.status, body: await res.json() as any, failure: null as string | null }))
    .catch((error) => ({ name, status: 0, body: null, failure: String(error?.cause?.code ?? error) as string | null })));

  // /readyz asked again and again on a kept-alive connection, each answer with the time it was asked.
  const readyzAnswers: { status: number | string; askedAt: number }[] = [];
  const polling = (async () => {
    for (;;) {
      const askedAt = Date.now();
      const status = await get(agent, `${base}/readyz`).catch((error) => `failed: ${error.code}`);
      readyzAnswers.push({ status, askedAt });
      if (status !== 200) return;
    }
  })();
  await new Promise((r) => setTimeout(r, 40));
  const exited = new Promise<number | null>((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const results = await Promise.all(outcomes);
  await polling;
  expect(await exited).toBe(0);

  // Never "ready" once the hub has begun to shut down: asked after that moment, it says 503 or is gone.
  const shutdownAt = Date.parse(child.lines.map((l) => { try { return JSON.parse(l); } catch { return {}; } }).find((l) => l.msg === 'shutting down').time);
  expect(readyzAnswers.filter((a) => a.status === 200 && a.askedAt > shutdownAt)).toEqual([]);
  expect(readyzAnswers[readyzAnswers.length - 1].status).not.toBe(200);
  const committed = new Set<string>((await t.database.db.query(`SELECT name FROM hospital WHERE name LIKE '排空测试卫生院%'`)).map((r: any) => r.name));
  const answeredOk = new Set(results.filter((r) => r.body?.data?.createHospital).map((r) => r.name));
  const unanswered = results.filter((r) => r.failure);
  // Every committed write was answered; every answered write is committed.
  expect([...committed].filter((name) => !answeredOk.has(name))).toEqual([]);
  expect([...answeredOk].filter((name) => !committed.has(name))).toEqual([]);
  // What was not answered never reached the hub process (the kernel refused or reset the connection
  // before Node accepted it), so nothing of it was written.
  for (const r of unanswered) expect(committed.has(r.name)).toBe(false);
  expect(answeredOk.size).toBeGreaterThan(0);
  expect(child.lines.some((line) => line.includes('"msg":"stopped cleanly"'))).toBe(true);
  const drained = child.lines.map((l) => { try { return JSON.parse(l); } catch { return {}; } }).find((l) => l.msg === 'HTTP drained');
  expect(drained.cut).toBe(0);
  console.log(`drain: ${answeredOk.size} answered and committed, ${results.length - answeredOk.size - unanswered.length} answered with an error, ${unanswered.length} refused before being received (${[...new Set(unanswered.map((r) => String(r.failure)))].join(', ')}); drained in ${drained.ms} ms`);
  agent.destroy();
});

it('says 503 on /readyz from the first moment of a drain, on a connection it already had', async () => {
  const own = await startTestHub({ SHUTDOWN_DRAIN_MS: '5000' });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const readyz = own.hub.url.replace(/\/graphql$/, '/readyz');
  try {
    expect(await get(agent, readyz)).toBe(200);
    const closing = own.hub.close();
    expect(await get(agent, readyz)).toBe(503);
    await closing;
  } finally {
    agent.destroy();
    await own.stop();
  }
});
