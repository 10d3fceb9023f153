/**
 * The topology's own stylesheet, embedded in the SVG so an exported file looks the same as the
 * screen. Theme colours come from the page's custom properties, with light fallbacks.
 * No quotes or angle brackets: it is rendered as React text.
 */
export const TOPOLOGY_CSS = [
  '.topo{font-family:Noto Sans,Noto Sans KR,system-ui,-apple-system,Roboto,sans-serif}',
  '.topo .mono{font-family:Noto Sans Mono,Noto Sans KR,ui-monospace,Menlo,Consolas,monospace}',
  '.topo text{fill:var(--fg,#1c1c21)}',
  '.topo .muted{fill:var(--muted,#5b5e66)}',
  '.topo .ink{fill:var(--panel,#fff)}',
  '.topo .more{font-style:italic}',
  '.topo-node{fill:var(--panel,#fff);stroke:var(--line,#d8d9df);stroke-width:1.5}',
  '.topo-host{fill:var(--host-bg,#e9e9ec);stroke:none}',
  '.topo-pod{fill:var(--code-bg,#f0f0f3);stroke:var(--muted,#5b5e66);stroke-width:1.5}',
  '.topo-group{fill:none;stroke:var(--muted,#5b5e66);stroke-width:1;stroke-dasharray:6 4}',
  '.topo-ctr{fill:var(--panel,#fff);stroke:var(--muted,#5b5e66);stroke-width:1.5}',
  '.topo-sandbox{stroke-dasharray:7 4;stroke-width:2}',
  '.topo-badge{fill:var(--fg,#1c1c21)}',
  '.topo-hostbadge{fill:var(--host-bg,#e9e9ec);stroke:var(--line,#d8d9df)}',
  '.topo-proc-hit{fill:transparent}',
  '.topo-control .hit{fill:var(--panel,#fff);stroke:var(--line,#d8d9df);stroke-width:1.25}',
  '.topo-control .control-text{fill:var(--fg,#1c1c21)}',
  '.topo-more .hit{fill:transparent;stroke:var(--line,#d8d9df);stroke-dasharray:3 2}',
  '.topo-link{fill:none;stroke-linecap:round}',
  '.topo-link-host{opacity:.6}',
  '.topo-selection{fill:none;stroke:var(--accent,#0072b2);stroke-width:3;pointer-events:none}',
  '.chip-panel{fill:var(--panel,#fff)}',
  '.chip-grey{fill:var(--host-bg,#e9e9ec)}',
  '.chip-host-edge{stroke:var(--muted,#5b5e66)}',
  '.chip-glyph-edge{stroke:var(--fg,#1c1c21);stroke-width:0.75}',
].join('\n');
