/**
 * An async iterator fed by pushes. A subscriber that falls this far behind is cut off with an
 * error rather than letting the hub's memory grow; it resumes from its last cursor.
 */
const MAX_BACKLOG = 10_000;

export class EventQueue<T> implements AsyncIterableIterator<T> {
  #items: T[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | null = null;
  #failWaiting: ((error: unknown) => void) | null = null;
  #error: unknown = null;
  #done = false;

  constructor(private readonly onClose: () => void) {}

  push(item: T): void {
    if (this.#done) return;
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = this.#failWaiting = null;
      resolve({ value: item, done: false });
      return;
    }
    if (this.#items.length >= MAX_BACKLOG) {
      this.fail(new Error(`subscriber fell more than ${MAX_BACKLOG} events behind; resubscribe with "after" set to the last cursor received`));
      return;
    }
    this.#items.push(item);
  }

  fail(error: unknown): void {
    if (this.#done) return;
    this.#error = error;
    this.#finish();
    if (this.#failWaiting) {
      const reject = this.#failWaiting;
      this.#waiting = this.#failWaiting = null;
      reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#items.length) return Promise.resolve({ value: this.#items.shift() as T, done: false });
    if (this.#error) return Promise.reject(this.#error);
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.#waiting = resolve;
      this.#failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.#finish();
    this.#items = [];
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = this.#failWaiting = null;
      resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    this.onClose();
  }
}
