import { useEffect, useState } from 'react';
import { agentToken } from '../../api/agentToken.ts';
import { AgentError } from '../../api/liveSnapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import { liveText } from './messages.ts';
import { liveState } from './status.ts';
import { TokenForm } from './TokenForm.tsx';
import type { Feed } from './useLiveFeed.ts';

/**
 * The live badge (contract §5 `[data-testid=live-status]`, `data-state` live|stale|offline)
 * with the time of the last update, and while the agent is away: since when, the next retry
 * and a button to retry at once. A polite live region, so a screen reader hears it go stale.
 */
export function LiveStatus({ title, feed }: { title: string; feed: Feed }) {
  const t = useMessages(liveText);
  const now = useClock(feed.trouble !== undefined || !feed.hasData);
  const state = liveState({ ...feed, now });
  const { trouble } = feed;
  const label = state === 'live' ? t.live : state === 'stale' ? t.stale : t.offline;
  const kind = trouble?.error instanceof AgentError ? trouble.error.kind : undefined;
  const problem =
    kind === 'no-agent'
      ? t.noAgent
      : kind === 'auth'
        ? agentToken() === undefined
          ? t.needsToken
          : t.wrongToken
        : feed.sourceError !== undefined && !trouble
          ? t.sourceFailed(feed.sourceError)
          : undefined;
  return (
    <div
      className="live-status"
      data-testid="live-status"
      data-state={state}
      data-stream={feed.stream}
      role="status"
      aria-label={t.statusLabel}
    >
      <span className="live-dot" aria-hidden="true" />
      <strong className="live-state">{label}</strong>
      <span className="live-title">{title}</span>
      {feed.receivedAt !== undefined && (
        <time dateTime={new Date(feed.receivedAt).toISOString()} data-testid="live-updated">
          {t.updated(feed.receivedAt)}
        </time>
      )}
      {state === 'live' && (
        <span className="muted">{feed.stream === 'open' ? t.viaStream : t.viaPolling}</span>
      )}
      {!feed.hasData && !trouble && <span className="muted">{t.connecting}</span>}
      {trouble && (
        <span className="live-trouble">
          {t.lostSince(trouble.since)}
          {trouble.nextAt !== undefined &&
            ` · ${t.retryIn(Math.max(0, Math.ceil((trouble.nextAt - now) / 1000)))}`}
          {feed.hasData && ` · ${t.lastGood}`}
        </span>
      )}
      {(trouble || feed.sourceError !== undefined) && (
        <button type="button" className="secondary live-retry" onClick={feed.retryNow}>
          {t.retryNow}
        </button>
      )}
      {problem && <p className="live-problem">{problem}</p>}
      {kind === 'auth' && <TokenForm onToken={feed.retryNow} />}
    </div>
  );
}

/** The time, ticking each second while `on` (for the retry countdown). */
function useClock(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}
