import { queryOptions } from '@tanstack/react-query';
import { authHeaders } from './agentToken.ts';

/** A source the agent offers (contract §4 `GET /api/sources`). */
export interface AgentSource {
  id: string;
  title: string;
  kind: 'fixture' | 'live' | 'exec' | 'hub';
  /** The agent wants its token first (it answered 401): offered, then asked for. */
  locked?: true;
}

/** What an agent started with `--token` offers before the token is known: its live source. */
const LOCKED: readonly AgentSource[] = [
  { id: 'live', title: 'this machine (live)', kind: 'live', locked: true },
];

const KINDS: readonly AgentSource['kind'][] = ['fixture', 'live', 'exec', 'hub'];

/** Query keys of what the agent serves (server state; never in zustand). */
export const agentKeys = {
  all: ['agent'] as const,
  sources: ['agent', 'sources'] as const,
  snapshot: (id: string) => ['agent', 'snapshot', id] as const,
};

/** Where the agent's API is: the app's own origin (`nsviz serve`, or Vite's `/api` proxy). */
export function apiUrl(path: string, params?: Record<string, string>): string {
  const query = params ? `?${new URLSearchParams(params).toString()}` : '';
  return `/api/${path}${query}`;
}

/**
 * Reads the `/api/sources` answer leniently: entries that are not `{ id, title, kind }` are
 * skipped. `readAgentSources([{ id: 'live', title: 'this machine', kind: 'live' }, 3])` →
 * one source.
 */
export function readAgentSources(value: unknown): AgentSource[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '' || typeof r.title !== 'string') return [];
    if (!KINDS.includes(r.kind as AgentSource['kind'])) return [];
    return [{ id: r.id, title: r.title, kind: r.kind as AgentSource['kind'] }];
  });
}

/**
 * The agent's sources that change (live, exec, hub), or `[]` when no agent answers here: the
 * built app is also served by static hosts and `vite preview`, which answer `/api/sources`
 * with a 404 or the app's own page. Fixtures the agent offers are bundled in the app already.
 */
export async function fetchAgentSources(signal?: AbortSignal): Promise<AgentSource[]> {
  if (typeof location !== 'undefined' && !/^https?:$/.test(location.protocol)) return [];
  let res: Response;
  try {
    // Default Accept (`*/*`): a dev server then answers with its page instead of a 404.
    res = await fetch(apiUrl('sources'), {
      signal: signal ?? null,
      cache: 'no-store',
      headers: authHeaders(),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    return [];
  }
  if (!/json/.test(res.headers.get('content-type') ?? '')) return [];
  if (res.status === 401) return [...LOCKED];
  if (!res.ok) return [];
  try {
    return readAgentSources(await res.json()).filter((s) => s.kind !== 'fixture');
  } catch {
    return [];
  }
}

/** `/api/sources`, asked once per minute at most; never retried (no agent is a normal case). */
export function agentSourcesQuery() {
  return queryOptions({
    queryKey: agentKeys.sources,
    queryFn: ({ signal }) => fetchAgentSources(signal),
    staleTime: 60_000,
    retry: false,
    networkMode: 'always',
  });
}
