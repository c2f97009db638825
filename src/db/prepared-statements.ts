import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Statements a connection keeps prepared at most: PostgreSQL holds each one's plan per backend. */
const PER_CONNECTION = 400;
/** Statement texts remembered (seen once, or named) across connections. */
const TEXTS = 4000;

/** Statement names by text; a text seen only once so far maps to null. */
const names = new Map<string, string | null>();

/** The name of a text seen before, else null (and it is remembered as seen once). */
function nameFor(text: string): string | null {
  const known = names.get(text);
  if (known) return known;
  if (known === null) {
    const name = `h${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
    return name;
  }
  if (names.size < TEXTS) names.set(text, null);
  return null;
}

/**
 * pg's Client, preparing each parameterized statement the second time it is sent, once per
 * connection: PostgreSQL then plans it once instead of on every call.
 *
 * NOTE: measured (bench/booking/run.ts and the statement timings in the commit): the hub sends a
 * handful of statement texts over and over, and planning them was most of PostgreSQL's CPU on
 * this 2-core machine: the booking attempt's one read cost 1,585 µs of PostgreSQL CPU unprepared
 * and 75 µs prepared; the request's session check 205 µs and 50 µs. TypeORM cannot name
 * statements, so the pool's connections do it (pg's `Client` pool option).
 * Only statements with parameters are prepared: they already go through the extended protocol,
 * which allows one statement per text (a migration's multi-statement text has no parameters and
 * stays a simple query). A text sent once (TypeORM's `IN (...)` of a given length, a one-off)
 * is not prepared, and each connection prepares at most PER_CONNECTION texts, so neither this
 * process nor a PostgreSQL backend grows without bound.
 */
export class PreparingClient extends Client {
  #prepared = new Set<string>();

  // pg's query() has many shapes; only (text, values[, callback]) is rewritten, as TypeORM calls it.
  query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = nameFor(config);
      if (name && (this.#prepared.has(name) || this.#prepared.size < PER_CONNECTION)) {
        this.#prepared.add(name);
        return super.query({ name, text: config, values }, callback);
      }
    }
    return super.query(config, values, callback);
  }
}
