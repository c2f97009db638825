import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { SessionCardFragment } from '../../../gql/graphql';
import { HostSessionsDocument, VisibleHostsDocument } from './operations';

/**
 * Clinic sessions in a window at my hospital and at every hospital of my consortia (the hub
 * answers per host; a consortium has a handful of hosts).
 */
export function useSessions(from: string, to: string, refreshKey = 0) {
  const client = useClient();
  const [{ data: hostsData, error: hostsError }] = useQuery({ query: VisibleHostsDocument });
  const hosts = useMemo(() => {
    const seen = new Map<string, { id: string; name: string }>();
    const me = hostsData?.me.hospital;
    // NOTE: visiting experts go out from the tertiary hospitals, never to them: the hub refuses
    // to list a tertiary hospital's sessions, so those are not asked for (nor offered as a filter).
    const add = (h: { id: string; name: string; tier: string }) => h.tier !== 'TERTIARY' && !seen.has(h.id) && seen.set(h.id, { id: h.id, name: h.name });
    if (me) add(me);
    for (const c of me?.consortia ?? []) for (const h of c.hospitals) add(h);
    return [...seen.values()];
  }, [hostsData]);
  const [sessions, setSessions] = useState<SessionCardFragment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!hosts.length) return undefined;
    let cancelled = false;
    setSessions(null);
    Promise.all(hosts.map((h) => client.query(HostSessionsDocument, { hostId: h.id, from, to }, { requestPolicy: 'network-only' }).toPromise()))
      .then((results) => {
        if (cancelled) return;
        const failed = results.find((r) => r.error);
        if (failed) setError(failed.error);
        setSessions(results.flatMap((r) => r.data?.hostSessions ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.session.localeCompare(b.session)));
      });
    return () => {
      cancelled = true;
    };
  }, [client, hosts, from, to, refreshKey]);
  return { hosts, departments: hostsData?.departments ?? [], sessions, error: hostsError ?? error };
}
