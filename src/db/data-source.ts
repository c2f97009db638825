import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { PreparingClient } from './prepared-statements';

/** Counts the statements a DataSource sends: tests use it to prove there is no N+1. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  /** Statements whose text matches, counted apart (set by a test, e.g. to count one kind of statement). */
  watch: { pattern: RegExp; count: number } | null = null;
  logQuery(query: string): void {
    this.count++;
    if (this.watch?.pattern.test(query)) this.watch.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DataSourceOptions {
  poolSize?: number;
  counter?: QueryCounter;
  /** Default true: prepared-statements.ts. False for a pooler that hands each statement to any connection. */
  preparedStatements?: boolean;
}

export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  const prepared = options.preparedStatements ?? true;
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: options.counter ? ['query'] : false,
    logger: options.counter,
    extra: {
      max: options.poolSize ?? 10,
      application_name: 'consortium-hub',
      // NOTE: a prepared statement is planned once with a generic plan: PostgreSQL's default
      // re-planned the hub's statements on every call (custom plans) for its parameters' values.
      ...(prepared ? { Client: PreparingClient, options: '-c plan_cache_mode=force_generic_plan' } : {}),
    },
  });
}
