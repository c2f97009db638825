import type { Actor } from '../auth/actor';
import { allowsEvent } from '../auth/policy';
import { EventBus } from '../events/event-bus';
import { EventQueue } from '../events/event-queue';
import { QueuePosition, ConsultationQueueReader } from './queue';

/**
 * A requester's live view of their request: its position and waiting time now, again after
 * every change to its queue, and at least every `tickSeconds` (waiting time grows and the
 * anti-starvation promotion re-ranks requests without any event).
 */
export function positionFeed(bus: EventBus, reader: ConsultationQueueReader, actor: Actor, consultationId: number, queue: { consortiumId: number; specialtyId: number }, tickSeconds: number): AsyncIterableIterator<QueuePosition> {
  let timer: NodeJS.Timeout | null = null;
  const events = bus.subscribe({
    topics: ['consultation'],
    accept: (e) => allowsEvent(actor, e)
      && (e.payload.consultationId === consultationId || (e.payload.consortiumId === queue.consortiumId && e.payload.specialtyId === queue.specialtyId)),
  });
  const out = new EventQueue<QueuePosition>(() => {
    if (timer) clearInterval(timer);
    void events.return?.();
  });
  // Changes coalesce: one recomputation in flight, at most one more queued behind it.
  let running: Promise<void> | null = null;
  let again = false;
  const refresh = () => {
    if (running) {
      again = true;
      return;
    }
    running = reader.position(actor, consultationId)
      .then((p) => out.push(p), (error) => out.fail(error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          refresh();
        }
      });
  };
  refresh();
  timer = setInterval(refresh, tickSeconds * 1000);
  timer.unref();
  (async () => {
    for await (const _ of events) refresh();
  })().catch((error) => out.fail(error));
  return out;
}
