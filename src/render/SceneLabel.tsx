import type { SceneLabel as Label } from '../layout/index.ts';

const MUTED = new Set(['pod-meta', 'band-title', 'note', 'host-marker', 'more']);

/** A line of text from the scene; process lines are contract §5 entities of their own. */
export function SceneText({ label }: { label: Label }) {
  const pad = label.pad ?? 0;
  const cls = [
    label.font === 'mono' ? 'mono' : '',
    MUTED.has(label.role) && label.role !== 'band-title' ? 'muted' : '',
    label.role === 'more' ? 'more' : '',
    label.role === 'badge' ? 'ink' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const text = (
    <text
      x={label.x + pad}
      y={label.baseline}
      fontSize={label.size}
      fontWeight={label.bold ? 700 : undefined}
      className={cls || undefined}
    >
      {label.text}
    </text>
  );
  if (label.process) {
    return (
      <g data-kind="process" data-key={label.process.key} data-pid={label.process.pid}>
        <title>{label.title ?? label.text}</title>
        {text}
      </g>
    );
  }
  if (label.role === 'badge') {
    return (
      <g data-role="badge">
        <rect
          x={label.x}
          y={label.y}
          width={label.w}
          height={label.h}
          rx={4}
          className="topo-badge"
        />
        {text}
      </g>
    );
  }
  return label.title !== undefined && label.title !== label.text ? (
    <g>
      <title>{label.title}</title>
      {text}
    </g>
  ) : (
    text
  );
}
