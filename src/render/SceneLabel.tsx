import type { SceneLabel as Label } from '../layout/index.ts';

const MUTED = new Set(['pod-meta', 'note', 'host-marker', 'more']);

/** The text of a label, placed on its baseline. */
function LabelText({ label }: { label: Label }) {
  const pad = label.pad ?? 0;
  const cls = [
    label.font === 'mono' ? 'mono' : '',
    MUTED.has(label.role) ? 'muted' : '',
    label.role === 'more' ? 'more' : '',
    label.role === 'badge' ? 'ink' : '',
    label.role === 'control' ? 'control-text' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <text
      x={label.role === 'control' ? label.x + label.w / 2 : label.x + pad}
      y={label.baseline}
      fontSize={label.size}
      fontWeight={label.bold ? 700 : undefined}
      textAnchor={label.role === 'control' ? 'middle' : undefined}
      className={cls || undefined}
    >
      {label.text}
    </text>
  );
}

/**
 * A line of text from the scene. Process lines are contract §5 entities of their own (with a
 * hit box, focusable when `interactive`); labels with an action are buttons.
 */
export function SceneText({ label, interactive }: { label: Label; interactive: boolean }) {
  const text = <LabelText label={label} />;
  if (label.process) {
    return (
      <g
        data-kind="process"
        data-key={label.process.key}
        data-pid={label.process.pid}
        className="topo-entity"
        tabIndex={interactive ? 0 : undefined}
        role={interactive ? 'button' : undefined}
        aria-label={interactive ? (label.title ?? label.text) : undefined}
      >
        <title>{label.title ?? label.text}</title>
        <rect
          x={label.x - 3}
          y={label.y}
          width={label.w + 6}
          height={label.h}
          rx={3}
          className="hit topo-proc-hit"
        />
        {text}
      </g>
    );
  }
  if (label.action) {
    return (
      <g
        data-action={label.action.type}
        data-target={label.action.target}
        className={label.role === 'control' ? 'topo-control' : 'topo-more'}
        tabIndex={interactive ? 0 : undefined}
        role={interactive ? 'button' : undefined}
        aria-label={interactive ? (label.title ?? label.text) : undefined}
      >
        <title>{label.title ?? label.text}</title>
        <rect x={label.x} y={label.y} width={label.w} height={label.h} rx={5} className="hit" />
        {text}
      </g>
    );
  }
  if (label.role === 'badge' || label.role === 'host-marker') {
    return (
      <g data-role={label.role === 'badge' ? 'badge' : 'host-badge'}>
        {label.title !== undefined && <title>{label.title}</title>}
        <rect
          x={label.x}
          y={label.y}
          width={label.w}
          height={label.h}
          rx={label.role === 'badge' ? 4 : 9}
          className={label.role === 'badge' ? 'topo-badge' : 'topo-hostbadge'}
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
