import type { ChildProcess } from 'node:child_process';

/**
 * The PIDs of the helper processes this agent is running right now (runtime CLIs, nsenter, ip,
 * exec sources). A live scan leaves exactly these out: they come and go with every scan and
 * would make every snapshot differ. Other children of the agent — say, processes adopted when
 * it runs as PID 1 of its namespace — are real workload and stay in.
 */
export const helperPids = new Set<number>();

/** Notes a spawned helper until it exits. */
export function trackHelper(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  helperPids.add(pid);
  child.once('exit', () => helperPids.delete(pid));
  child.once('error', () => helperPids.delete(pid));
}
