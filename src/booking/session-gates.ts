/**
 * In this process, per clinic session: how many booking attempts are in their transaction, and
 * the ones waiting for a place. An attempt goes in only while fewer are in than the session had
 * free slots at its last read; the others wait here instead of each opening a transaction only to
 * be refused in it (bench/booking/run.ts: of a crowd of 200 on 10 slots, most read the session
 * before its first booking committed), and read the session again when one comes out.
 *
 * It only spares work: every rule is decided by PostgreSQL (the ticket, the session's lock, the
 * unique indexes), so several processes, each with its own gates, stay correct.
 */
export class SessionGates {
  readonly #gates = new Map<number, Gate>();

  /** Goes in if fewer than `free` attempts of the session are in; false: wait() and read again. */
  tryEnter(sessionId: number, free: number): boolean {
    const gate = this.#gate(sessionId);
    if (gate.inside >= free) return false;
    gate.inside++;
    return true;
  }

  /**
   * Until an attempt of the session comes out ('turn': read the session again), or one committed
   * its last free slot ('full'); `again`: this waiter was woken before, it is first in line.
   */
  wait(sessionId: number, again: boolean): Promise<Wake> {
    const gate = this.#gate(sessionId);
    return new Promise((resolve) => {
      if (again) gate.waiting.unshift(resolve);
      else gate.waiting.push(resolve);
    });
  }

  /** An attempt that went in came out: the next waiter reads the session again. */
  leave(sessionId: number): void {
    const gate = this.#gates.get(sessionId);
    if (!gate) return;
    gate.inside--;
    this.pass(sessionId);
  }

  /** A woken waiter ended without going in (refused, or failed): the next one reads in its place. */
  pass(sessionId: number): void {
    const gate = this.#gates.get(sessionId);
    if (!gate) return;
    gate.waiting.shift()?.('turn');
    this.#forget(sessionId, gate);
  }

  /** An attempt committed the session's last free slot: every waiter is told so at once. */
  full(sessionId: number): void {
    const gate = this.#gates.get(sessionId);
    if (!gate) return;
    for (const resolve of gate.waiting.splice(0)) resolve('full');
    this.#forget(sessionId, gate);
  }

  /** Sessions with attempts in or waiting (nothing is kept for the others). */
  get size(): number {
    return this.#gates.size;
  }

  #forget(sessionId: number, gate: Gate): void {
    if (gate.inside <= 0 && !gate.waiting.length) this.#gates.delete(sessionId);
  }

  #gate(sessionId: number): Gate {
    let gate = this.#gates.get(sessionId);
    if (!gate) this.#gates.set(sessionId, (gate = { inside: 0, waiting: [] }));
    return gate;
  }
}

export type Wake = 'turn' | 'full';

interface Gate {
  inside: number;
  waiting: ((wake: Wake) => void)[];
}
