import type { NsType, Scope } from '../protocol/snapshot.ts';
import type { FontKind } from './text.ts';
import type { SceneWords } from './words.ts';

/** An axis-aligned box, top-left origin. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A framed region: a node, its host band, a pod, a group (containers outside pods, the
 * namespaces of no known container, the bridges between pods) or a container.
 */
export interface SceneRect extends Box {
  kind: 'node' | 'host' | 'pod' | 'group' | 'container';
  /** Contract §5 key for pods and containers (`pod:<node>:<key>`, `ctr:<node>:<id>`). */
  key: string;
  /** The full description for the tooltip. */
  title: string;
  sandbox?: boolean;
  /** A pod drawn as a compact card (`collapsed=`): no containers inside. */
  compact?: boolean;
}

/** A namespace, drawn once: a chip with its type's shape and the short inode. */
export interface SceneChip extends Box {
  kind: 'namespace';
  /** `ns:<node>:<inode>`. */
  key: string;
  node: string;
  nsType: NsType;
  scope: Scope;
  inode: number;
  /** e.g. `net …2264`. */
  text: string;
  title: string;
  /** The key of the region it sits on (host band, pod, container, group), for reading order. */
  owner: string;
}

/** A curve from a namespace to one of its members (a container or a pod). */
export interface SceneLink {
  key: string;
  /** Namespace key. */
  from: string;
  /** Member key (container or pod). */
  to: string;
  nsType: NsType;
  scope: Scope;
  /** SVG path data. */
  path: string;
  /** The member is the pod's sandbox, which holds the namespace. */
  held: boolean;
}

export type LabelRole =
  | 'node-title'
  | 'band-title'
  | 'pod-title'
  | 'pod-meta'
  | 'ctr-name'
  | 'badge'
  | 'process'
  | 'more'
  | 'host-marker'
  | 'control'
  | 'note';

/**
 * What activating a label does (the renderer makes it a button): list every process of a
 * container or fold them again, draw a pod as a compact card or in full, show a pod alone.
 */
export interface SceneAction {
  type: 'expand' | 'fold' | 'collapse-pod' | 'expand-pod' | 'focus' | 'unfocus';
  /** Container key (expand, fold) or pod key. */
  target: string;
}

/** A line of text; its box is what must not overlap any other label or chip. */
export interface SceneLabel extends Box {
  /** The entity it belongs to (its rect's or chip's key). */
  owner: string;
  role: LabelRole;
  text: string;
  size: number;
  font: FontKind;
  bold: boolean;
  /** Baseline y for the renderer. */
  baseline: number;
  title?: string;
  /** Padding between the box and the text (badges draw a background). */
  pad?: number;
  /** For process lines: the contract §5 entity (`proc:<node>:<pid>`). */
  process?: { key: string; pid: number };
  /** For controls (`+3 more`, a pod's collapse button): what activating it does. */
  action?: SceneAction;
}

/** Everything the renderer draws, in plain data: same input → same scene (JSON-equal). */
export interface Scene {
  width: number;
  height: number;
  rects: SceneRect[];
  chips: SceneChip[];
  links: SceneLink[];
  labels: SceneLabel[];
  /** Counts for the accessible description. */
  stats: { nodes: number; pods: number; containers: number; processes: number; namespaces: number };
}

export interface TopologyOptions {
  /**
   * Processes listed per container before the rest collapse to `+N more`. Default 4, or 2 for
   * snapshots of more than `LARGE_PROCESSES` processes (level of detail).
   */
  processThreshold?: number;
  /** Preferred width of a node region: pods wrap into rows past it. Default 1200. */
  width?: number;
  /** Namespace types drawn (`types=`); the rest are left out. Default: all eight. */
  types?: readonly NsType[];
  /** Container keys whose processes are all listed (`expand=`). */
  expanded?: readonly string[];
  /** Pod keys drawn as compact cards (`collapsed=`). */
  collapsed?: readonly string[];
  /** A pod key: only that pod is drawn, in its node (`focus=`). */
  focus?: string;
  /** Draw a link from each host namespace to each member container (`hostlinks=1`). */
  hostLinks?: boolean;
  /** The words of the scene, in the UI language. Default English. */
  words?: SceneWords;
  /** Controls (a pod's focus and collapse buttons, `+N more` as a button): on screen only. Default false. */
  controls?: boolean;
}
