import { Client, createClient } from 'graphql-ws';

/**
 * The page's language (the app and the standalone room page both keep it on <html lang>), sent
 * so the hub says its refusals (e.g. "video briefly unavailable: reconnect") in it.
 */
const pageLanguage = (): string | null => (typeof document !== 'undefined' && document.documentElement.lang) || null;

/** The hub's GraphQL API from the browser: HTTP for queries and mutations, graphql-ws for subscriptions. */
export class HubApi {
  #ws: Client | null = null;

  constructor(private token: string | null = sessionStorage.getItem('token')) {}

  get signedIn(): boolean {
    return Boolean(this.token);
  }

  /** `keepalive`: the request outlives the page (sent as the tab closes). */
  async request<T = any>(query: string, variables: Record<string, unknown> = {}, options: { keepalive?: boolean } = {}): Promise<T> {
    const res = await fetch('/graphql', {
      method: 'POST',
      keepalive: options.keepalive,
      headers: {
        'content-type': 'application/json', ...(pageLanguage() ? { 'accept-language': pageLanguage()! } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors?.length) throw Object.assign(new Error(body.errors[0].message), { code: body.errors[0].extensions?.code });
    return body.data;
  }

  async signIn(username: string, password: string): Promise<void> {
    const data = await this.request('mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u: username, p: password });
    this.token = data.signIn.token;
    sessionStorage.setItem('token', this.token!);
    this.#ws?.dispose();
    this.#ws = null;
  }

  /** Forgets the saved session (e.g. it expired). */
  signOut(): void {
    this.token = null;
    sessionStorage.removeItem('token');
    this.#ws?.dispose();
    this.#ws = null;
  }

  subscribe<T = any>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError: (e: unknown) => void): () => void {
    this.#ws ??= createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      connectionParams: () => ({ authorization: `Bearer ${this.token}`, ...(pageLanguage() ? { language: pageLanguage() } : {}) }),
      retryAttempts: 20,
      shouldRetry: () => true,
    });
    return this.#ws.subscribe<T>({ query, variables }, { next: (r) => r.data && onData(r.data), error: onError, complete: () => {} });
  }
}
