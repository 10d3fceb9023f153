import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { inputsQuery, urlQuery } from '../../api/queries.ts';
import type { ParsedSource, ParseProgress } from '../../api/types.ts';
import { useMessages } from '../../i18n/index.ts';
import type { ViewState } from '../../state/viewState.ts';
import { openGallery } from '../fixtures/galleryStore.ts';
import { Workspace } from '../workspace/Workspace.tsx';
import { FailureText } from './FailureText.tsx';
import { ProblemList } from './ImportProblems.tsx';
import { openImportDialog, useImportStore, type CurrentImport } from './importStore.ts';
import { importText } from './messages.ts';
import { ParseProgressBar } from './ParseProgressBar.tsx';
import { resolveSourceUrl, sourceKind } from './sources.ts';
import { UrlProblem } from './UrlProblem.tsx';
import { isEmpty } from './useImport.ts';

/** The page for a source that is not a bundled fixture: `#src=paste|files|<url>`. */
export function ImportedSource({ src, state }: { src: string; state: ViewState }) {
  const t = useMessages(importText);
  const current = useImportStore((s) => s.current);
  if (sourceKind(src) === 'url') {
    return <UrlSource src={src} url={resolveSourceUrl(src, window.location.href)} state={state} />;
  }
  if (!current || current.kind !== src) {
    return (
      <div role="alert" className="alert notice">
        <p>{t.goneAfterReload(src === 'paste')}</p>
        <p className="notice-actions">
          <button type="button" className="primary" onClick={openImportDialog}>
            {t.openAgain}
          </button>
          <button type="button" className="secondary" onClick={openGallery}>
            {t.showGallery}
          </button>
        </p>
      </div>
    );
  }
  return <InputsSource key={current.id} current={current} state={state} />;
}

function InputsSource({ current, state }: { current: CurrentImport; state: ViewState }) {
  const t = useMessages(importText);
  const { data, error } = useQuery(inputsQuery(current.id, current.inputs));
  if (error)
    return (
      <p role="alert" className="alert">
        <FailureText message={error.message} />
      </p>
    );
  if (!data) return <p className="muted">{t.parsing}</p>;
  const title = current.kind === 'paste' ? t.pasted : t.yourFiles(data.names.length);
  return <ParsedPage src={current.kind} title={title} data={data} state={state} />;
}

/** `#src=<url>`: fetched and parsed; a failure says why and offers a way on. */
function UrlSource({ src, url, state }: { src: string; url: string; state: ViewState }) {
  const t = useMessages(importText);
  const [progress, setProgress] = useState<ParseProgress>();
  const { data, error, refetch, isFetching } = useQuery(urlQuery(url, setProgress));
  if (error) {
    return (
      <UrlProblem
        url={url}
        title={t.urlFailed}
        message={error.message}
        retrying={isFetching}
        onRetry={() => void refetch()}
      />
    );
  }
  if (!data) return <ParseProgressBar progress={progress} />;
  if (isEmpty(data)) {
    const errors = data.warnings.filter((w) => w.level === 'error');
    return (
      <UrlProblem url={url} title={t.urlEmpty} retrying={isFetching} onRetry={() => void refetch()}>
        {errors.length > 0 ? (
          <ProblemList problems={errors} />
        ) : (
          <p>
            <strong className="where">{data.names.join(', ')}</strong>: {t.nothingFound}
          </p>
        )}
      </UrlProblem>
    );
  }
  return <ParsedPage src={src} title={url} data={data} state={state} />;
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
  const t = useMessages(importText);
  const { snapshot } = data;
  const info = (
    <section className="fixture-info" aria-labelledby="fixture-title">
      <h2 id="fixture-title">{title}</h2>
      <p className="counts" data-testid="source-counts">
        {t.readFrom(data.names.join(', '))}
        {t.counts(
          snapshot.pods.length,
          snapshot.containers.length,
          snapshot.processes.length,
          snapshot.namespaces.length,
        )}
      </p>
    </section>
  );
  return <Workspace src={src} title={title} data={data} state={state} info={info} />;
}
