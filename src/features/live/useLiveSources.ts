import { useQuery } from '@tanstack/react-query';
import { agentSourcesQuery, type AgentSource } from '../../api/liveSources.ts';

const NONE: readonly AgentSource[] = [];

/**
 * The live sources (kind live, exec or hub) of the agent that serves this app, for the source
 * picker: `[]` while asking and wherever no agent answers (a static host, `vite preview`).
 * @example const live = useLiveSources(); // [{ id: 'live', title: 'this machine (live): vm', kind: 'live' }]
 */
export function useLiveSources(): readonly AgentSource[] {
  return useQuery(agentSourcesQuery()).data ?? NONE;
}

/**
 * Whether `#src=<src>` names a live source: `live` always (so the page does not flash the
 * fixture while /api/sources is asked), any other id once the agent lists it.
 */
export function useIsLiveSrc(src: string | undefined): boolean {
  const sources = useLiveSources();
  if (src === undefined) return false;
  return src === 'live' || sources.some((s) => s.id === src);
}
