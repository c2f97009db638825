import type { EventBus } from '../events/event-bus';
import type { Actor } from './actor';
import { sessionEndedMessage } from './actor';
import type { MessageKey } from '../i18n/catalogue';
import type { Language } from '../i18n/language';
import { translate } from '../i18n/translate';
import { closeReason } from '../i18n/close-reason';
import { SessionEnd } from './entities';
import { SESSION_TOPIC, SessionsEnded } from './sessions';

/** What the registry needs of a WebSocket. */
interface Closable {
  close(code: number, reason: string): void;
}

/**
 * 4401: the session is over, sign in again. 4403: the person may no longer do what the session
 * was opened for (deactivated, moved to another hospital, other roles).
 */
export const closeCodeFor = (reason: SessionEnd) => (reason === SessionEnd.DEACTIVATED || reason === SessionEnd.RIGHTS_CHANGED ? 4403 : 4401);

/**
 * The open WebSockets of this hub process by session. When the event log says sessions ended
 * (from any hub process), their actors are marked ended at once, so the policy refuses every
 * event to them from then on, and their sockets are closed with the reason.
 *
 * NOTE: the watcher runs synchronously while the bus dispatches, before the subscriptions'
 * listeners see any later event: nothing committed after the end can slip through.
 */
export class SessionSockets {
  readonly #bySession = new Map<string, Map<Closable, Actor>>();
  /** The language each socket reads its close reason in (the actor's saved one, else the client's). */
  readonly #language = new Map<Closable, Language>();
  /** A socket outliving its session's expiry is closed then (4401), like an ended one. */
  readonly #expiry = new Map<Closable, NodeJS.Timeout>();
  readonly #unwatch: () => void;

  constructor(bus: EventBus) {
    const unwatchSessions = bus.watch([SESSION_TOPIC], (event) => this.#ended(event.payload));
    const unwatchMemberships = bus.watch(['consortium'], (event) => this.#membershipChanged(event.payload));
    this.#unwatch = () => { unwatchSessions(); unwatchMemberships(); };
  }

  /**
   * A hospital joined or left a consortium: every open socket of its people gets the new
   * consortium rights at once (the actor is the one its subscriptions are judged with), so a
   * socket opened before never hears another event of a consortium its hospital left. The
   * session itself stays: HTTP requests load the actor afresh anyway. Like #ended, this runs
   * while the bus dispatches, before any later event reaches a subscription.
   * A consortium created or updated with a lead hospital has made it a member (the lead is a
   * member by definition, and stays one when another becomes lead): that is a join too.
   */
  #membershipChanged(p: { action: string; consortium: { id: number; leadHospitalId?: number | null }; hospitalId?: number | null }): void {
    if ((p.action === 'CREATED' || p.action === 'UPDATED') && p.consortium.leadHospitalId) {
      this.#setMember(p.consortium.leadHospitalId, p.consortium.id, true);
    } else if ((p.action === 'HOSPITAL_LEFT' || p.action === 'HOSPITAL_JOINED') && p.hospitalId) {
      this.#setMember(p.hospitalId, p.consortium.id, p.action === 'HOSPITAL_JOINED');
    }
  }

  #setMember(hospitalId: number, consortiumId: number, member: boolean): void {
    for (const sockets of this.#bySession.values()) {
      for (const actor of sockets.values()) {
        if (actor.hospitalId !== hospitalId) continue;
        const others = actor.consortiumIds.filter((id) => id !== consortiumId);
        actor.consortiumIds = member ? [...others, consortiumId] : others;
      }
    }
  }

  add(socket: Closable, actor: Actor, language: Language): void {
    if (!actor.sessionId) return;
    this.#language.set(socket, language);
    const sockets = this.#bySession.get(actor.sessionId) ?? new Map<Closable, Actor>();
    sockets.set(socket, actor);
    this.#bySession.set(actor.sessionId, sockets);
    if (actor.sessionExpiresAt) {
      const ms = Math.min(actor.sessionExpiresAt.getTime() - Date.now(), 2 ** 31 - 1);
      const timer = setTimeout(() => {
        actor.ended = true;
        socket.close(4401, this.#reason(socket, 'auth.sessionExpiredNow'));
      }, Math.max(ms, 0));
      timer.unref();
      this.#expiry.set(socket, timer);
    }
  }

  remove(socket: Closable, actor: Actor | undefined): void {
    clearTimeout(this.#expiry.get(socket));
    this.#expiry.delete(socket);
    this.#language.delete(socket);
    if (!actor?.sessionId) return;
    const sockets = this.#bySession.get(actor.sessionId);
    sockets?.delete(socket);
    if (sockets && !sockets.size) this.#bySession.delete(actor.sessionId);
  }

  get size(): number {
    let n = 0;
    for (const sockets of this.#bySession.values()) n += sockets.size;
    return n;
  }

  #ended({ sessionIds, reason }: SessionsEnded): void {
    for (const id of sessionIds) {
      const sockets = this.#bySession.get(id);
      if (!sockets) continue;
      this.#bySession.delete(id);
      for (const [socket, actor] of sockets) {
        actor.ended = true;
        socket.close(closeCodeFor(reason), this.#reason(socket, sessionEndedMessage[reason]));
      }
    }
  }

  #reason(socket: Closable, key: MessageKey): string {
    return closeReason(translate(this.#language.get(socket) ?? 'en', key));
  }

  close(): void {
    this.#language.clear();
    for (const timer of this.#expiry.values()) clearTimeout(timer);
    this.#expiry.clear();
    this.#unwatch();
  }
}
