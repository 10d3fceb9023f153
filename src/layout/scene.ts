import type { NsType, Scope } from '../protocol/snapshot.ts';
import type { FontKind } from './text.ts';

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
  | 'note';

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
  /** Processes listed per container before the rest collapse to `+N more`. Default 4. */
  processThreshold?: number;
  /** Preferred width of a node region: pods wrap into rows past it. Default 1200. */
  width?: number;
}
