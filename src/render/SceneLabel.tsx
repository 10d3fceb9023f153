import type { SceneLabel as Label } from '../layout/index.ts';
import type { SceneDetail } from './detail.ts';

const MUTED = new Set(['pod-meta', 'note', 'host-marker', 'more']);

/** The text of a label, placed on its baseline; `title` is a tooltip for the view to show. */
function LabelText({ label, title }: { label: Label; title?: string | undefined }) {
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
      data-title={title}
    >
      {label.text}
    </text>
  );
}

/**
 * A line of text from the scene. Process lines are contract §5 entities of their own (with a
 * hit box, focusable when `interactive`); labels with an action are buttons.
 *
 * On screen (`interactive`) the tooltip is not a `<title>` element per label — thousands of
 * nodes nobody reads until they hover — but the entity's `aria-label` or a `data-title`, which
 * the view turns into a `<title>` on first hover. At `detail="low"` only the hit boxes of
 * process lines are drawn: their text is too small to read (and hidden by CSS) at that zoom.
 */
export function SceneText({
  label,
  interactive,
  detail = 'full',
}: {
  label: Label;
  interactive: boolean;
  detail?: SceneDetail;
}) {
  const full = detail === 'full' || keptAtLowDetail(label);
  const text = full ? <LabelText label={label} /> : null;
  const tip = label.title ?? label.text;
  if (label.process) {
    return (
      <g
        data-kind="process"
        data-key={label.process.key}
        data-pid={label.process.pid}
        className="topo-entity"
        tabIndex={interactive ? 0 : undefined}
        role={interactive ? 'button' : undefined}
        aria-label={interactive ? tip : undefined}
      >
        {!interactive && <title>{tip}</title>}
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
  if (!full) return null;
  if (label.action) {
    return (
      <g
        data-action={label.action.type}
        data-target={label.action.target}
        className={label.role === 'control' ? 'topo-control' : 'topo-more'}
        tabIndex={interactive ? 0 : undefined}
        role={interactive ? 'button' : undefined}
        aria-label={interactive ? tip : undefined}
      >
        {!interactive && <title>{tip}</title>}
        <rect x={label.x} y={label.y} width={label.w} height={label.h} rx={5} className="hit" />
        {text}
      </g>
    );
  }
  if (label.role === 'badge' || label.role === 'host-marker') {
    return (
      <g
        data-role={label.role === 'badge' ? 'badge' : 'host-badge'}
        data-title={interactive ? label.title : undefined}
      >
        {!interactive && label.title !== undefined && <title>{label.title}</title>}
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
  const titled = label.title !== undefined && label.title !== label.text;
  if (!titled) return text;
  if (interactive) {
    // One element instead of a group, a title and a text node: the tooltip waits for a hover.
    return <LabelText label={label} title={label.title} />;
  }
  return (
    <g>
      <title>{label.title}</title>
      {text}
    </g>
  );
}

/** Zoomed out, a pod keeps its title and addresses (its name is the one thing worth reading). */
function keptAtLowDetail(label: Label): boolean {
  return label.role === 'pod-title' || label.role === 'pod-meta';
}
