export const HELP = `nsviz — Kubernetes pod namespace topology

Usage: nsviz <command> [options]

Commands:
  convert <file|dir|->...   parse inputs (format auto-detected) into one snapshot JSON
  summary <file|dir|->...   per node and pod: containers × namespace types with inode and scope
  record                    capture this Linux host from /proc into a snapshot
  serve                     serve the app and the HTTP API (fixtures, --live, remote nodes)

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

const SERVE_HELP = `Usage: nsviz serve [--live] [--host H] [--port P] [--token-file F | --token T] [options]

Serves the app (dist/, when built) and the read-only HTTP API: /api/health, /api/sources,
/api/snapshot?source=ID (ETag, If-None-Match), /api/events?source=ID (Server-Sent Events).
Sources: the bundled fixtures, and with --live this machine (run as root to see every process).
  --live                   offer this machine: /proc, crictl/podman, interfaces, host names
  --host H                 address to bind (default 127.0.0.1)
  --port P, -p P           port (default 8080; 0 picks a free one)
  --token-file F           require "Authorization: Bearer <token>" on /api/* (token read from F;
                           NSVIZ_TOKEN works too); --token T gives it inline (visible in ps)
  --insecure               allow a non-loopback --host without a token (loudly)
  --cors ORIGIN            let ORIGIN (or *) read the API from another origin
  --frame-ancestors SRC    who may embed the app (CSP frame-ancestors; default 'self')
  --interval MS            how often event streams look for changes (default 2000)
  --redact                 drop command-line arguments (keeps argv[0])
  --exec NAME=COMMAND      a node read by running the recorder through COMMAND, e.g.
                           --exec kind-worker='docker exec -i kind-worker sh' (repeatable)
  --peer URL               merge another agent's snapshot into a "cluster" source (repeatable)
  --peers-dns NAME[:PORT]  peers from the A records of NAME (a headless Service)
  --peer-token-file F      token sent to the peers
  --fixtures DIR           fixtures directory with a manifest.json (default: the bundled ones)
  --no-fixtures            offer no fixtures
  --node NAME              node name of the live source (default: the host name)
`;

export function commandHelp(name: string): string {
  if (name === 'serve') return SERVE_HELP;
  return COMMANDS[name] ?? HELP;
}
