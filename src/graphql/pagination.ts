import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors';
import { says } from '../i18n/validation';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' }) endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100' })
  @Min(1, says('validation.min', { min: 1 })) @Max(100, says('validation.max', { max: 100 }))
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/** `nodes` + `pageInfo` + `totalCount` (counted only when asked for). */
export function Connection<T extends object>(Item: ClassType<T>) {
  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionClass {
    @Field(() => [Item]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    count: () => Promise<number>;
    @Field(() => Int, { description: 'Number of matches across all pages' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionClass;
}

const encode = (id: number) => Buffer.from(`c:${id}`).toString('base64url');
function decode(cursor: string): number {
  const match = /^c:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('after', 'common.badPageCursor');
  return Number(match[1]);
}

/** Keyset pagination by id: stable under inserts, no OFFSET scans. */
export async function paginate<T extends ObjectLiteral & { id: number }>(query: SelectQueryBuilder<T>, args: PageArgs): Promise<Page<T>> {
  const alias = query.alias;
  const counted = query.clone();
  if (args.after) query.andWhere(`${alias}.id > :afterId`, { afterId: decode(args.after) });
  const rows = await query.orderBy(`${alias}.id`, 'ASC').take(args.first + 1).getMany();
  const nodes = rows.slice(0, args.first);
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: nodes.length ? encode(nodes[nodes.length - 1].id) : null },
    count: () => counted.getCount(),
  };
}

/** A plain-SQL read for paginateRows: `SELECT select FROM from WHERE where…`, `$n` placeholders numbered in `params`' order. */
export interface RowQuery {
  select: string;
  /** Table and alias, e.g. `hospital h`. */
  from: string;
  alias: string;
  where: string[];
  params: unknown[];
}

/**
 * paginate() for plain rows: the same keyset pages and `totalCount`, without a query builder or
 * entity hydration (hot read paths: bench/read/run.ts). `make` turns a row into the GraphQL type.
 */
export async function paginateRows<T extends { id: number }>(db: DataSource, q: RowQuery, args: PageArgs, make: (row: any) => T): Promise<Page<T>> {
  const where = [...q.where];
  const params = [...q.params];
  if (args.after) where.push(`${q.alias}.id > $${params.push(decode(args.after))}`);
  const filter = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');
  const rows: any[] = await db.query(`SELECT ${q.select} FROM ${q.from}${filter(where)} ORDER BY ${q.alias}.id LIMIT $${params.push(args.first + 1)}`, params);
  const nodes = rows.slice(0, args.first).map(make);
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: nodes.length ? encode(nodes[nodes.length - 1].id) : null },
    count: async () => (await db.query(`SELECT count(*)::int AS n FROM ${q.from}${filter(q.where)}`, q.params))[0].n,
  };
}
