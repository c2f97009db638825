import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { createHubConnection, HubConnection } from '../data/connection';
import { HubConnectionContext } from '../data/HubConnectionContext';
import { describeError, DescribedError } from '../data/errors';
import { changeLanguage, currentLanguage, isLanguage, savedLanguageOf } from '../i18n';

export const SignInDocument = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      token
      expiresAt
      person { ...SessionPerson }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const MeDocument = graphql(`
  query Me {
    me { ...SessionPerson }
  }
`);

graphql(`
  fragment SessionPerson on Person {
    id
    name
    username
    language
    roles
    title
    hospital { id name tier }
    specialties { id code nameZh nameEn }
  }
`);

export type SessionPerson = MeQuery['me'];
/** Why the person is at the sign-in screen (shown there as a message). */
export type SignOutReason = 'expired' | 'invalid' | 'signedOut';

type SessionState =
  | { status: 'signed-out'; reason: SignOutReason | null }
  | { status: 'restoring'; token: string; expiresAt: number }
  | { status: 'signed-in'; token: string; expiresAt: number; person: SessionPerson };

interface SessionApi {
  state: SessionState;
  person: SessionPerson | null;
  /** The bearer token, for the few requests that are not GraphQL (attachment upload and download). */
  token: string | null;
  signIn(username: string, password: string): Promise<DescribedError | null>;
  signOut(reason?: SignOutReason): void;
  /**
   * The hub now speaks `language` to this person (saved by the language switch): what was read in
   * the other language (the hub's own sentences: rule refusals, unmet-demand reasons…) is read again.
   */
  hubLanguageChanged(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person; only inside the signed-in part of the app. */
export function usePerson(): SessionPerson {
  const { person } = useSession();
  if (!person) throw new Error('usePerson while signed out');
  return person;
}

// NOTE: the token lives in sessionStorage under 'token', as the consult-room page keeps it, so
// a reload (and the room opened from the app) keeps the session while closing the tab ends it.
const TOKEN = 'token';
const EXPIRES = 'token.expiresAt';

/** The token's own expiry (its `exp` claim), in ms; 0 when it cannot be read. */
function tokenExpiry(token: string): number {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

function storedSession(): SessionState {
  const token = sessionStorage.getItem(TOKEN);
  const expiresAt = token ? tokenExpiry(token) || Number(sessionStorage.getItem(EXPIRES) ?? 0) : 0;
  if (!token) return { status: 'signed-out', reason: null };
  if (expiresAt && expiresAt <= Date.now()) return { status: 'signed-out', reason: 'expired' };
  return { status: 'restoring', token, expiresAt };
}

/** Sign-in, the stored session across reloads, expiry, sign-out, and the connection that goes with them. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(storedSession);
  const stateRef = useRef(state);
  stateRef.current = state;
  const token = state.status === 'signed-out' ? null : state.token;

  const connectionRef = useRef<HubConnection | null>(null);

  const signOut = useCallback((reason: SignOutReason = 'signedOut') => {
    // Signing out ends the session on the hub too (its token stops working everywhere), not only
    // here; the page does not wait for the answer: the person is signed out on this device either way.
    if (reason === 'signedOut' && stateRef.current.status !== 'signed-out') {
      void connectionRef.current?.urql.mutation(SignOutDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    }
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(EXPIRES);
    setState((previous) => (previous.status === 'signed-out' ? previous : { status: 'signed-out', reason }));
  }, []);

  // The server refused the token: expired if its time is up, otherwise revoked or invalid.
  const onUnauthenticated = useCallback(() => {
    const current = stateRef.current;
    const expired = current.status !== 'signed-out' && current.expiresAt > 0 && current.expiresAt <= Date.now() + 5_000;
    signOut(expired ? 'expired' : 'invalid');
  }, [signOut]);

  const connection = useMemo<HubConnection>(
    () => createHubConnection({ token, language: currentLanguage, onUnauthenticated }),
    [token, onUnauthenticated],
  );
  connectionRef.current = connection;
  useEffect(() => () => connection.dispose(), [connection]);

  // A reload: ask the hub who this token belongs to (it also says whether it is still valid).
  useEffect(() => {
    if (state.status !== 'restoring') return;
    let cancelled = false;
    connection.urql.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise().then((result) => {
      if (cancelled) return;
      if (result.data) {
        // The language the person saved on the hub (perhaps on another device) wins over this browser's.
        const saved = result.data.me.language;
        if (isLanguage(saved) && saved !== currentLanguage()) void changeLanguage(saved, result.data.me.id);
        setState({ status: 'signed-in', token: state.token, expiresAt: state.expiresAt, person: result.data.me });
      } else if (describeError(result.error).code !== 'UNAUTHENTICATED') {
        // The hub is unreachable for now: keep the token and ask again shortly.
        setTimeout(() => !cancelled && setState({ ...state }), 2_000);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [state, connection]);

  // Sign out when the token's time is up, even if nothing is being asked of the hub then.
  useEffect(() => {
    if (state.status !== 'signed-in' || !state.expiresAt) return undefined;
    const timer = setTimeout(() => signOut('expired'), Math.max(0, state.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [state, signOut]);

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await connection.urql.mutation(SignInDocument, { username, password }).toPromise();
    if (!result.data) return describeError(result.error);
    const { token: newToken, expiresAt, person } = result.data.signIn;
    const expiresAtMs = tokenExpiry(newToken) || new Date(expiresAt as string).getTime();
    sessionStorage.setItem(TOKEN, newToken);
    sessionStorage.setItem(EXPIRES, String(expiresAtMs));
    // The person's own language: saved on the hub (from any device), else last chosen on this browser.
    const language = isLanguage(person.language) ? person.language : savedLanguageOf(person.id);
    await changeLanguage(language ?? currentLanguage(), person.id);
    setState({ status: 'signed-in', token: newToken, expiresAt: expiresAtMs, person });
    return null;
  }, [connection]);

  const api = useMemo<SessionApi>(
    () => ({ state, person: state.status === 'signed-in' ? state.person : null, token, signIn, signOut, hubLanguageChanged: () => connectionRef.current?.rereadQueries() }),
    [state, token, signIn, signOut],
  );
  return (
    <SessionContext.Provider value={api}>
      <HubConnectionContext.Provider value={connection}>
        <UrqlProvider value={connection.urql}>{children}</UrqlProvider>
      </HubConnectionContext.Provider>
    </SessionContext.Provider>
  );
}
