import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { badInput, unauthenticated } from '../errors';
import { parseIds } from '../ids';
import { Notification } from './entities';

const MAX_IDS = 500;

const encode = (id: number) => Buffer.from(`n:${id}`).toString('base64url');
function decode(cursor: string): number {
  const match = /^n:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('after', 'common.badPageCursor');
  return Number(match[1]);
}

/**
 * A person's notification centre. Everyone reads and marks only their own: the recipient is
 * the actor, never an argument, so there is nothing for the policy to weigh.
 */
export class NotificationService {
  constructor(private readonly db: DataSource) {}

  #me(actor: Actor | null): number {
    if (!actor) throw unauthenticated();
    return actor.personId;
  }

  /** Newest first; `after` is the endCursor of the previous (newer) page. */
  async list(actor: Actor | null, first: number, after?: string | null) {
    const me = this.#me(actor);
    const query = this.db.getRepository(Notification).createQueryBuilder('n').where('n.recipient_id = :me', { me });
    const counted = query.clone();
    if (after) query.andWhere('n.id < :before', { before: decode(after) });
    const rows = await query.orderBy('n.id', 'DESC').take(first + 1).getMany();
    const nodes = rows.slice(0, first);
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encode(nodes[nodes.length - 1].id) : null },
      count: () => counted.getCount(),
    };
  }

  async unreadCount(actor: Actor | null): Promise<number> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND read_at IS NULL', [this.#me(actor)]);
    return n;
  }

  /** Marks the actor's own notifications read (ids of others' are ignored: they are not there for this person). */
  async markRead(actor: Actor | null, ids: readonly string[]): Promise<Notification[]> {
    const me = this.#me(actor);
    if (ids.length > MAX_IDS) throw badInput('ids', 'notification.tooManyIds', { max: MAX_IDS });
    const numeric = parseIds(ids, 'ids');
    await this.db.query('UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND id = ANY($2) AND read_at IS NULL', [me, numeric]);
    return this.db.getRepository(Notification).createQueryBuilder('n')
      .where('n.recipient_id = :me AND n.id IN (:...ids)', { me, ids: numeric.length ? numeric : [0] }).orderBy('n.id', 'DESC').getMany();
  }

  async markAllRead(actor: Actor | null): Promise<number> {
    // TypeORM answers an UPDATE as [rows, affected count].
    const [, affected]: [unknown, number] = await this.db.query('UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL', [this.#me(actor)]);
    return affected;
  }

  /** For the live feed: the notification an event announces, if it is the actor's. */
  async own(actor: Actor, id: number): Promise<Notification | null> {
    return this.db.getRepository(Notification).findOneBy({ id, recipientId: actor.personId });
  }
}
