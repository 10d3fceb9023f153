import { useQuery } from '@tanstack/react-query';
import { useRef, type RefObject } from 'react';
import './live.css';
import { liveSnapshotQuery, type LiveShown } from '../../api/liveSnapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import type { ViewState } from '../../state/viewState.ts';
import { Workspace } from '../workspace/Workspace.tsx';
import { ChangeMarker, LiveChanges } from './LiveChanges.tsx';
import { LiveStatus } from './LiveStatus.tsx';
import { liveText } from './messages.ts';
import { useLiveFeed } from './useLiveFeed.ts';
import { useLiveSources } from './useLiveSources.ts';

/**
 * `#src=live` (or another live, exec or hub source of the agent serving the app): the status
 * badge, then the source's latest snapshot in the workspace with what changed recently marked
 * and listed. The feed (SSE, polling, backoff) re-renders only the badge; the workspace
 * re-renders only when the snapshot itself changes.
 */
export function LiveSource({ src, state }: { src: string; state: ViewState }) {
  const t = useMessages(liveText);
  const root = useRef<HTMLDivElement>(null);
  const source = useLiveSources().find((s) => s.id === src);
  const title = source ? t.option(source.title, source.kind) : src;
  return (
    <div className="live-source" ref={root} data-live-source={src}>
      <LiveFeed id={src} title={title} />
      <LiveWorkspace id={src} title={title} state={state} root={root} />
    </div>
  );
}

function LiveFeed({ id, title }: { id: string; title: string }) {
  const feed = useLiveFeed(id);
  return <LiveStatus title={title} feed={feed} />;
}

const selectShown = (s: { shown: LiveShown }): LiveShown => s.shown;

function LiveWorkspace({
  id,
  title,
  state,
  root,
}: {
  id: string;
  title: string;
  state: ViewState;
  root: RefObject<HTMLDivElement | null>;
}) {
  const t = useMessages(liveText);
  // Reads the cache entry the feed keeps current; never fetches itself.
  const { data: shown } = useQuery({
    ...liveSnapshotQuery(id, { pollMs: false }),
    enabled: false,
    select: selectShown,
  });
  if (!shown) return <p className="muted loading">{t.waiting}</p>;
  const { snapshot } = shown.data;
  const info = (
    <>
      <section className="fixture-info" aria-labelledby="live-title">
        <h2 id="live-title">{title}</h2>
        <p className="counts" data-testid="source-counts">
          {t.counts(
            snapshot.pods.length,
            snapshot.containers.length,
            snapshot.processes.length,
            snapshot.namespaces.length,
          )}
        </p>
      </section>
      <LiveChanges changes={shown.changes} />
    </>
  );
  return (
    <>
      <ChangeMarker changes={shown.changes} root={root} />
      <Workspace src={id} title={title} data={shown.data} state={state} info={info} />
    </>
  );
}
