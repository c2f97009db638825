/**
 * Cooperative multitasking for long synchronous loops: the optimizer runs in the same process
 * as the GraphQL server, so it hands the event loop back every few milliseconds. That is also
 * when it notices an aborted signal.
 */
import { performance } from 'node:perf_hooks';

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The roster optimization was cancelled', 'AbortError');
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortReason(signal);
}

export class TimeSlice {
  #sliceStart = performance.now();

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly sliceMs = 12,
  ) {}

  /** Cheap enough to call on every step of a hot loop. */
  due(): boolean {
    return performance.now() - this.#sliceStart >= this.sliceMs;
  }

  /** Lets timers and I/O run, then throws if the run was cancelled meanwhile. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    throwIfAborted(this.signal);
    this.#sliceStart = performance.now();
  }
}
