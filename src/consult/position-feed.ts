import type { Actor } from '../auth/actor';
import { EventBus } from '../events/event-bus';
import { EventQueue } from '../events/event-queue';
import { QueuePosition, ConsultationQueueReader } from './queue';

/**
 * A requester's live view of their request: its position and waiting time now, again after
 * every change to its queue (a claim, cancel, hand-back or new request ahead of it, of any
 * hospital), at the moment a request ahead is promoted by ageing, and at least every
 * `tickSeconds` (the waiting time grows without any event).
 *
 * NOTE: the queue's events are read here without the per-event policy check on purpose: they
 * never leave the server. Other hospitals' requests are not the requester's to see, but the
 * only thing pushed is the recomputed QueuePosition of the requester's own consultation
 * (position, queue length, own waiting time), which 'consultation.read' already allowed.
 */
export function positionFeed(bus: EventBus, reader: ConsultationQueueReader, actor: Actor, consultationId: number, queue: { consortiumId: number; specialtyId: number }, tickSeconds: number): AsyncIterableIterator<QueuePosition> {
  let timer: NodeJS.Timeout | null = null;
  let promotion: NodeJS.Timeout | null = null;
  const events = bus.subscribe({
    topics: ['consultation'],
    accept: (e) => e.payload.consultationId === consultationId || (e.payload.consortiumId === queue.consortiumId && e.payload.specialtyId === queue.specialtyId),
  });
  const out = new EventQueue<QueuePosition>(() => {
    if (timer) clearInterval(timer);
    if (promotion) clearTimeout(promotion);
    void events.return?.();
  });
  /** Wake up when the next waiting request of the queue ages into a higher rank: it may overtake. */
  const schedulePromotion = (at: Date | null) => {
    if (promotion) clearTimeout(promotion);
    promotion = null;
    if (!at) return;
    // setTimeout's limit is about 24.8 days; the tick covers anything further away.
    const delay = Math.min(Math.max(0, at.getTime() - Date.now()) + 50, 2 ** 31 - 1);
    promotion = setTimeout(refresh, delay);
    promotion.unref();
  };
  // Changes coalesce: one recomputation in flight, at most one more queued behind it.
  let running: Promise<void> | null = null;
  let again = false;
  function refresh() {
    if (running) {
      again = true;
      return;
    }
    running = reader.position(actor, consultationId)
      .then(async (p) => {
        out.push(p);
        schedulePromotion(p.position == null ? null : await reader.nextPromotionAt(queue.consortiumId, queue.specialtyId));
      }, (error) => out.fail(error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          refresh();
        }
      });
  }
  refresh();
  timer = setInterval(refresh, tickSeconds * 1000);
  timer.unref();
  (async () => {
    for await (const _ of events) refresh();
  })().catch((error) => out.fail(error));
  return out;
}
