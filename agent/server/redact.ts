/**
 * `--redact` for every source: command lines lose their arguments (argv[0] stays), as
 * `nsviz record --redact` does for a scan. Fixtures and remote sources pass through it too.
 */
import type { Snapshot } from '../../src/protocol/snapshot.ts';

/** argv[0] of a ps-style command; kernel threads (`[kthreadd]`) stay whole. */
export function argv0(command: string): string {
  if (command.startsWith('[')) return command;
  const space = command.indexOf(' ');
  return space < 0 ? command : command.slice(0, space);
}

/**
 * A copy of `s` whose process commands are cut to argv[0] (rows are shared where unchanged).
 * @example redactSnapshot(s).processes[0].command // 'nginx:' for 'nginx: master process …'
 */
export function redactSnapshot(s: Snapshot): Snapshot {
  return {
    ...s,
    processes: s.processes.map((p) => {
      if (p.command === undefined) return p;
      const cut = argv0(p.command);
      return cut === p.command ? p : { ...p, command: cut };
    }),
  };
}
