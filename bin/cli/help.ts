export const HELP = `nsviz — Kubernetes pod namespace topology

Usage: nsviz <command> [options]

Commands:
  convert <file|dir|->...   parse inputs (format auto-detected) into one snapshot JSON
  summary <file|dir|->...   per node and pod: containers × namespace types with inode and scope
  record                    capture this Linux host from /proc into a snapshot
  serve                     serve the app and the HTTP API (not implemented yet)

Inputs: lsns (table, -r, -J, -p, <inode>), ls -l / readlink / stat of /proc/PID/ns,
/proc/PID/cgroup, ps, ip addr, crictl, podman, docker inspect, lxkns JSON, nsviz snapshots,
and pasted terminal sessions of any of those.

Exit codes: 0 ok, 1 runtime failure, 2 unusable input or arguments.
Run "nsviz <command> --help" for a command's options.
`;

const COMMANDS: Readonly<Record<string, string>> = {
  convert: `Usage: nsviz convert <file|dir|->... [--node NAME] [--out FILE] [--compact] [--keep-going]

Parses every input (a directory means every file in it, - is stdin) into one
nsviz/snapshot@1 JSON document on stdout. Inputs from one node are merged.
  --node NAME     node name for inputs that do not name one
  --out FILE      write to FILE instead of stdout
  --compact       one-line JSON
  --keep-going    print the snapshot even when some input was unusable (exit code stays 2)
`,
  summary: `Usage: nsviz summary <file|dir|->... [--json] [--node NAME] [--keep-going]

Parses like convert, then prints per node and pod a table of containers (sandbox first)
× namespace types, each cell the inode and its scope (host, pod, ctr, x-pod, ?).
  --json          print the classification JSON instead
`,
  record: `Usage: nsviz record [--out FILE] [--redact] [--node NAME]

Captures this Linux host from /proc (run as root to see every process) into a snapshot.
  --out FILE      write to FILE instead of stdout
  --redact        drop command-line arguments (keeps argv[0])
  --node NAME     node name (default: the hostname)
`,
};

export function commandHelp(name: string): string {
  return COMMANDS[name] ?? HELP;
}
