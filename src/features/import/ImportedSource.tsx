import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { inputsQuery, urlQuery } from '../../api/queries.ts';
import type { ParsedSource, ParseProgress } from '../../api/types.ts';
import { MatrixView } from '../matrix/MatrixView.tsx';
import { WarningList } from '../warnings/WarningList.tsx';
import { useImportStore, type CurrentImport } from './importStore.ts';
import { ParseProgressBar } from './ParseProgressBar.tsx';
import { sourceKind } from './sources.ts';

/** The page for a source that is not a bundled fixture: `#src=paste|files|<url>`. */
export function ImportedSource({ src }: { src: string }) {
  const current = useImportStore((s) => s.current);
  if (sourceKind(src) === 'url') return <UrlSource url={src} />;
  if (!current || current.kind !== src) {
    return (
      <p role="alert" className="alert">
        {src === 'paste' ? 'Pasted text is' : 'Opened files are'} kept in this tab only and are gone
        after a reload: open them again above.
      </p>
    );
  }
  return <InputsSource key={current.id} current={current} />;
}

function InputsSource({ current }: { current: CurrentImport }) {
  const { data, error } = useQuery(inputsQuery(current.id, current.inputs));
  if (error)
    return (
      <p role="alert" className="alert">
        {error.message}
      </p>
    );
  if (!data) return <p className="muted">Parsing…</p>;
  const title = current.kind === 'paste' ? 'Pasted text' : `Your files (${data.names.length})`;
  return <ParsedPage src={current.kind} title={title} data={data} />;
}

function UrlSource({ url }: { url: string }) {
  const [progress, setProgress] = useState<ParseProgress>();
  const { data, error } = useQuery(urlQuery(url, setProgress));
  if (error) {
    return (
      <p role="alert" className="alert">
        {error.message}
      </p>
    );
  }
  if (!data) return <ParseProgressBar progress={progress} />;
  return <ParsedPage src={url} title={url} data={data} />;
}

function ParsedPage({ src, title, data }: { src: string; title: string; data: ParsedSource }) {
  const { snapshot } = data;
  const counts = [
    count(snapshot.pods.length, 'pod'),
    count(snapshot.containers.length, 'container'),
    count(snapshot.processes.length, 'process', 'processes'),
    count(snapshot.namespaces.length, 'namespace'),
  ];
  return (
    <>
      <section className="fixture-info" aria-labelledby="fixture-title">
        <h2 id="fixture-title">{title}</h2>
        <p className="counts" data-testid="source-counts">
          Read from {data.names.join(', ')}: {counts.join(' · ')}
        </p>
      </section>
      <MatrixView src={src} snapshot={snapshot} summary={data.summary} />
      <WarningList warnings={data.warnings} />
    </>
  );
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
