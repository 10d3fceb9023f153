import { useMessages } from '../../i18n/index.ts';
import type { AgentSource } from '../../api/liveSources.ts';
import { liveText } from './messages.ts';

/**
 * The agent's live sources as an `<optgroup>` for a source `<select>` (the fixture picker):
 * nothing at all where no agent answers.
 */
export function LiveSourceOptions({ sources }: { sources: readonly AgentSource[] }) {
  const t = useMessages(liveText);
  if (sources.length === 0) return null;
  return (
    <optgroup label={t.group}>
      {sources.map((s) => (
        <option key={s.id} value={s.id} data-live-kind={s.kind}>
          {t.option(s.title, s.kind)}
          {s.locked && t.locked}
        </option>
      ))}
    </optgroup>
  );
}
