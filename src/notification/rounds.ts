/**
 * Work done in rounds that never overlap: a wake() while a round runs folds into one more round
 * after it (however many wakes came), so a burst of new rows costs at most two rounds.
 */
export class Rounds {
  #running: Promise<void> | null = null;
  #again = false;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly closed: () => boolean,
  ) {}

  wake(): void {
    if (this.closed()) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.round()
      .catch(this.onError)
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /** Resolves when the round under way (if any) has ended. */
  async settled(): Promise<void> {
    await this.#running;
  }
}
