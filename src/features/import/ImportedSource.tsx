import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { inputsQuery, urlQuery } from '../../api/queries.ts';
import type { ParsedSource, ParseProgress } from '../../api/types.ts';
import type { ViewState } from '../../state/viewState.ts';
import { Workspace } from '../workspace/Workspace.tsx';
import { useImportStore, type CurrentImport } from './importStore.ts';
import { ParseProgressBar } from './ParseProgressBar.tsx';
import { sourceKind } from './sources.ts';

/** The page for a source that is not a bundled fixture: `#src=paste|files|<url>`. */
export function ImportedSource({ src, state }: { src: string; state: ViewState }) {
  const current = useImportStore((s) => s.current);
  if (sourceKind(src) === 'url') return <UrlSource url={src} state={state} />;
  if (!current || current.kind !== src) {
    return (
      <p role="alert" className="alert">
        {src === 'paste' ? 'Pasted text is' : 'Opened files are'} kept in this tab only and are gone
        after a reload: open them again above.
      </p>
    );
  }
  return <InputsSource key={current.id} current={current} state={state} />;
}

function InputsSource({ current, state }: { current: CurrentImport; state: ViewState }) {
  const { data, error } = useQuery(inputsQuery(current.id, current.inputs));
  if (error)
    return (
      <p role="alert" className="alert">
        {error.message}
      </p>
    );
  if (!data) return <p className="muted">Parsing…</p>;
  const title = current.kind === 'paste' ? 'Pasted text' : `Your files (${data.names.length})`;
  return <ParsedPage src={current.kind} title={title} data={data} state={state} />;
}

function UrlSource({ url, state }: { url: string; state: ViewState }) {
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
  return <ParsedPage src={url} title={url} data={data} state={state} />;
}

function ParsedPage({
  src,
  title,
  data,
  state,
}: {
  src: string;
  title: string;
  data: ParsedSource;
  state: ViewState;
}) {
  const { snapshot } = data;
  const counts = [
    count(snapshot.pods.length, 'pod'),
    count(snapshot.containers.length, 'container'),
    count(snapshot.processes.length, 'process', 'processes'),
    count(snapshot.namespaces.length, 'namespace'),
  ];
  const info = (
    <section className="fixture-info" aria-labelledby="fixture-title">
      <h2 id="fixture-title">{title}</h2>
      <p className="counts" data-testid="source-counts">
        Read from {data.names.join(', ')}: {counts.join(' · ')}
      </p>
    </section>
  );
  return <Workspace src={src} title={title} data={data} state={state} info={info} />;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
