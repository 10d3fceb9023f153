import { layoutTopology } from '../../layout/index.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';
import type { ViewState } from '../../state/viewState.ts';
import { topologyText } from '../topology/messages.ts';
import { sceneOptions } from '../topology/useTopologyScene.ts';
import { htmlPicture } from './htmlExport.ts';
import type { ShownSource } from './shownSource.ts';
import { download, fileStem, pngScale, svgToPng, type SvgPicture } from './svgPicture.ts';
import { topologyPicture } from './topologyExport.tsx';

export type ExportKind = 'svg' | 'png' | 'json';

export interface ExportRequest {
  kind: ExportKind;
  source: ShownSource;
  /** The hash's view state: which view, and the topology's layout options. */
  state: ViewState;
  /** The view's element on screen (`.view-area`'s section), for the HTML views. */
  viewElement: HTMLElement | null;
  transparent: boolean;
}

/** What was saved: the file name, and the PNG scale when it had to be below 2. */
export interface ExportResult {
  name: string;
  scale?: number;
}

/**
 * The snapshot exactly as `nsviz convert` writes it for the same inputs (bin/cli/main.ts):
 * the parser's `nsviz/snapshot@1` object, two-space indented, with a final newline.
 */
export function snapshotJson(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/**
 * The current view as a picture: the topology from its scene, laid out with the screen's own
 * options (types, focus, collapsed and expanded pods, host links, language) but without the
 * on-screen buttons, and drawn by the screen's components at natural size; any other view from
 * its live DOM.
 */
export async function viewPicture(request: ExportRequest): Promise<SvgPicture> {
  const { source, state, viewElement, transparent } = request;
  if (state.view === 'topology') {
    const options = { ...sceneOptions(state), controls: false };
    const scene = layoutTopology(source.data.snapshot, source.data.summary, options);
    const label = topologyText[state.lang].canvas(source.title);
    return topologyPicture(scene, label, transparent);
  }
  if (!viewElement) throw new Error('the view is not on screen');
  return htmlPicture(viewElement, transparent);
}

/** Makes the file and hands it to the browser as a download. */
export async function runExport(request: ExportRequest): Promise<ExportResult> {
  const stem = fileStem(request.source.src);
  if (request.kind === 'json') {
    const name = `${stem}.snapshot.json`;
    const json = snapshotJson(request.source.data.snapshot);
    download(new Blob([json], { type: 'application/json' }), name);
    return { name };
  }
  const picture = await viewPicture(request);
  const name = `${stem}-${request.state.view}.${request.kind}`;
  if (request.kind === 'svg') {
    download(new Blob([picture.svg], { type: 'image/svg+xml' }), name);
    return { name };
  }
  const scale = pngScale(picture.width, picture.height);
  download(await svgToPng(picture, scale), name);
  return scale < 2 ? { name, scale } : { name };
}
