import { useSuspenseQuery } from '@tanstack/react-query';
import { fixtureQuery } from '../../api/queries.ts';
import { FixtureInfo } from '../fixtures/FixtureInfo.tsx';
import type { ShownWarning } from '../fixtures/load.ts';
import type { FixtureEntry } from '../fixtures/manifest.ts';
import { WarningList } from '../warnings/WarningList.tsx';
import { TopologyView } from './TopologyView.tsx';

interface Props {
  entry: FixtureEntry;
  extraWarnings: readonly ShownWarning[];
}

/** One fixture as a topology: the picture first, then what the capture is and its warnings. */
export function TopologyPage({ entry, extraWarnings }: Props) {
  const { data } = useSuspenseQuery(fixtureQuery(entry));
  return (
    <>
      <TopologyView
        src={entry.id}
        title={entry.title}
        snapshot={data.snapshot}
        summary={data.summary}
      />
      <FixtureInfo fixture={{ ...data, entry }} />
      <WarningList warnings={[...extraWarnings, ...data.warnings]} />
    </>
  );
}
