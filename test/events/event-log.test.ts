import { Client } from 'pg';
import { appendEvent, appendEvents, EVENT_CHANNEL, eventsAfter } from '../../src/events/event-log';
import { createTestDatabase, TestDatabase } from '../support/database';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t.drop(); });

const hospital = (id: number) => ({ action: 'UPDATED' as const, hospital: { id: String(id), name: `卫生院${id}`, tier: 'TOWNSHIP', county: '县', latitude: null, longitude: null, active: true } as any });
const ids = async (after: string) => (await eventsAfter(t.db, after, 100)).map((e) => ({ id: BigInt(e.id), n: Number((e.payload as any).hospital.id) }));
const cursor = async () => String((await t.db.query('SELECT COALESCE(MAX(id), 0) AS id FROM event'))[0].id);

describe('appending events', () => {
  it('appends a transaction\'s events in the order given, with one NOTIFY after commit', async () => {
    const listener = new Client({ connectionString: t.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => { if (n.channel === EVENT_CHANNEL) heard.push(n.payload ?? ''); });
    await listener.query(`LISTEN ${EVENT_CHANNEL}`);
    try {
      const before = await cursor();
      await t.db.transaction(async (m) => {
        await appendEvents(m, [5, 3, 9, 1, 7].map((n) => ({ topic: 'hospital' as const, payload: hospital(n) })));
        await new Promise((r) => setTimeout(r, 100));
        expect(heard).toEqual([]); // nothing is heard before the commit
      });
      const rows = await ids(before);
      expect(rows.map((r) => r.n)).toEqual([5, 3, 9, 1, 7]);
      for (let i = 1; i < rows.length; i++) expect(rows[i].id).toBe(rows[i - 1].id + 1n);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([String(rows[rows.length - 1].id)]);
    } finally {
      await listener.end();
    }
  });

  it('makes a second writer wait for the first one\'s commit, so ids become visible in order', async () => {
    const before = await cursor();
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let firstAppended!: () => void;
    const appended = new Promise<void>((r) => { firstAppended = r; });
    const first = t.db.transaction(async (m) => {
      await appendEvent(m, 'hospital', hospital(1));
      firstAppended();
      await held;
    });
    await appended;
    let secondDone = false;
    const second = t.db.transaction(async (m) => {
      await appendEvents(m, [{ topic: 'hospital', payload: hospital(2) }, { topic: 'hospital', payload: hospital(3) }]);
      secondDone = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(secondDone).toBe(false); // waiting on the ordering lock the first one holds
    release();
    await Promise.all([first, second]);
    expect((await ids(before)).map((r) => r.n)).toEqual([1, 2, 3]);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(appendEvents(t.db.manager, [{ topic: 'hospital', payload: hospital(4) }])).rejects.toThrow(/inside the transaction/);
  });
});
