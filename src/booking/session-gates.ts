/**
 * In this process, per clinic session: the booking attempts let in, and which of them are in
 * their transaction.
 *
 * An attempt is let in only while fewer are in than the session had free slots when it read it;
 * the others are refused at once, as if the session were full, instead of each opening a
 * transaction to learn it there (bench/booking/run.ts: of a crowd of 200 on 10 slots, most read
 * the session before its first booking committed). It is the rule of the tickets in PostgreSQL
 * (clinic.ts untakenSlot), kept here so that most of a crowd needs no transaction at all: a slot
 * being booked counts as taken, and is free again only if that booking fails.
 *
 * Those let in take turns on the session's row lock anyway, so at most TURNS of them hold a
 * pooled connection at a time: the others wait here, not in PostgreSQL, where they would keep
 * every connection of the pool from the rest of the crowd's reads.
 *
 * It only spares work: every rule is decided by PostgreSQL (the ticket, the session's lock, the
 * unique indexes), so several processes, each with its own gates, stay correct.
 */
const TURNS = 2;

interface Gate {
  /** Attempts let in and not yet done. */
  inside: number;
  /** Of those, the ones in their transaction. */
  running: number;
  waiting: (() => void)[];
}

export class SessionGates {
  readonly #gates = new Map<number, Gate>();

  /** Lets the attempt in if fewer than `free` attempts of the session are in; false: every free slot is being booked. */
  tryEnter(sessionId: number, free: number): boolean {
    let gate = this.#gates.get(sessionId);
    if ((gate?.inside ?? 0) >= free) return false;
    if (!gate) this.#gates.set(sessionId, (gate = { inside: 0, running: 0, waiting: [] }));
    gate.inside++;
    return true;
  }

  /** Resolves when an attempt let in may start its transaction. */
  turn(sessionId: number): Promise<void> {
    const gate = this.#gates.get(sessionId)!;
    if (gate.running < TURNS) {
      gate.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => gate.waiting.push(resolve));
  }

  /** An attempt that was let in is done (booked or refused), whether or not it had its turn. */
  leave(sessionId: number, hadTurn: boolean): void {
    const gate = this.#gates.get(sessionId);
    if (!gate) return;
    gate.inside--;
    if (hadTurn) {
      const next = gate.waiting.shift();
      if (next) next();
      else gate.running--;
    }
    if (gate.inside <= 0) this.#gates.delete(sessionId);
  }

  /** Sessions with attempts in (nothing is kept for the others). */
  get size(): number {
    return this.#gates.size;
  }
}
