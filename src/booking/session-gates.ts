/**
 * In this process, per clinic session: how many booking attempts are in their transaction. An
 * attempt goes in only while fewer are in than the session had free slots when it read it; the
 * others are refused at once, as if the session were full, instead of each opening a transaction
 * to learn it there (bench/booking/run.ts: of a crowd of 200 on 10 slots, most read the session
 * before its first booking committed). It is the rule of the tickets in PostgreSQL (clinic.ts
 * untakenSlot), kept here so that most of a crowd needs no transaction at all: a slot being
 * booked counts as taken, and is free again only if that booking fails.
 *
 * It only spares work: every rule is decided by PostgreSQL (the ticket, the session's lock, the
 * unique indexes), so several processes, each with its own gates, stay correct.
 * NOTE: measured, letting in only two at a time (they take turns on the session's lock anyway)
 * made the last booking of a crowd later, not sooner: p99 204–275 ms against 178–193 ms.
 */
export class SessionGates {
  readonly #inside = new Map<number, number>();

  /** Goes in if fewer than `free` attempts of the session are in; false: every free slot is being booked. */
  tryEnter(sessionId: number, free: number): boolean {
    const inside = this.#inside.get(sessionId) ?? 0;
    if (inside >= free) return false;
    this.#inside.set(sessionId, inside + 1);
    return true;
  }

  /** An attempt that went in is done (booked or refused). */
  leave(sessionId: number): void {
    const inside = (this.#inside.get(sessionId) ?? 1) - 1;
    if (inside > 0) this.#inside.set(sessionId, inside);
    else this.#inside.delete(sessionId);
  }

  /** Sessions with attempts in (nothing is kept for the others). */
  get size(): number {
    return this.#inside.size;
  }
}
