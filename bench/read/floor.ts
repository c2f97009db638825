/**
 * The raw floor of bench/read/run.ts: the same nested read as the hub answers, written by hand.
 * node:http + pg (a pool of 10, like the hub's), no framework, no GraphQL.
 *
 * The same authorization as the hub: the bearer token is verified with the hub's own
 * TokenSigner (jsonwebtoken, a KeyObject made once), the actor is loaded with the session
 * check in one statement (the hub's SQL), and the policy (src/auth/policy.ts) is asked.
 * Then four statements, one per level: hospitals, their consortia, their staff, the staff's
 * specialties; the JSON is built in Node.
 *
 * Started by run.ts with DATABASE_URL and JWT_SECRET; prints {"msg":"floor ready","url":...}.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { authorize } from '../../src/auth/policy';
import { TokenSigner } from '../../src/auth/tokens';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const signer = new TokenSigner(process.env.JWT_SECRET!);

const ACTOR = `SELECT p.id, p.name, p.roles, p.hospital_id, p.active, p.language,
  COALESCE(array_agg(m.consortium_id) FILTER (WHERE m.consortium_id IS NOT NULL), '{}') AS consortium_ids,
  ARRAY(SELECT s.department_id FROM person_specialty s WHERE s.person_id = p.id ORDER BY 1) AS specialty_ids,
  a.end_reason, a.expires_at, a.expires_at <= now() AS expired
  FROM auth_session a JOIN person p ON p.id = a.person_id
  LEFT JOIN consortium_membership m ON m.hospital_id = p.hospital_id
  WHERE a.id = $1 AND a.person_id = $2 GROUP BY p.id, a.id`;

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function directory(first: number) {
  const hospitals = (await pool.query('SELECT id, name, tier, county FROM hospital ORDER BY id LIMIT $1', [first])).rows;
  const hospitalIds = hospitals.map((h) => h.id);
  const [consortia, staff] = await Promise.all([
    pool.query(`SELECT m.hospital_id, c.id, c.name, c.kind FROM consortium_membership m JOIN consortium c ON c.id = m.consortium_id
                 WHERE m.hospital_id = ANY($1) ORDER BY m.consortium_id`, [hospitalIds]),
    pool.query('SELECT id, name, title, hospital_id FROM person WHERE hospital_id = ANY($1) AND active ORDER BY id', [hospitalIds]),
  ]);
  const specialties = (await pool.query(`SELECT s.person_id, d.id, d.code, d.name_zh FROM person_specialty s JOIN department d ON d.id = s.department_id
                                           WHERE s.person_id = ANY($1) ORDER BY s.department_id`, [staff.rows.map((p) => p.id)])).rows;
  const specialtiesOf = new Map<number, object[]>();
  for (const s of specialties) {
    let list = specialtiesOf.get(s.person_id);
    if (!list) specialtiesOf.set(s.person_id, (list = []));
    list.push({ id: String(s.id), code: s.code, nameZh: s.name_zh });
  }
  const consortiaOf = new Map<number, object[]>();
  for (const c of consortia.rows) {
    let list = consortiaOf.get(c.hospital_id);
    if (!list) consortiaOf.set(c.hospital_id, (list = []));
    list.push({ id: String(c.id), name: c.name, kind: c.kind });
  }
  const staffOf = new Map<number, object[]>();
  for (const p of staff.rows) {
    let list = staffOf.get(p.hospital_id);
    if (!list) staffOf.set(p.hospital_id, (list = []));
    list.push({ id: String(p.id), name: p.name, title: p.title, specialties: specialtiesOf.get(p.id) ?? [] });
  }
  return {
    data: {
      hospitals: {
        nodes: hospitals.map((h) => ({
          id: String(h.id), name: h.name, tier: h.tier, county: h.county, consortia: consortiaOf.get(h.id) ?? [], staff: staffOf.get(h.id) ?? [],
        })),
      },
    },
  };
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return send(res, 401, '{"errors":[{"message":"sign in first"}]}');
  let claims;
  try {
    claims = signer.verify(token);
  } catch {
    return send(res, 401, '{"errors":[{"message":"invalid token"}]}');
  }
  const [row] = (await pool.query(ACTOR, [claims.sessionId, claims.personId])).rows;
  if (!row || row.end_reason || row.expired || !row.active) return send(res, 401, '{"errors":[{"message":"session ended"}]}');
  const actor = { personId: row.id, name: row.name, roles: row.roles, hospitalId: row.hospital_id, consortiumIds: row.consortium_ids, specialtyIds: row.specialty_ids, language: null };
  authorize(actor, 'directory.read');
  send(res, 200, JSON.stringify(await directory(Number(body.variables?.first ?? 50))));
}

const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
  answer(req, res).catch((error) => send(res, 500, JSON.stringify({ errors: [{ message: String(error) }] })));
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'floor ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` }));
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
