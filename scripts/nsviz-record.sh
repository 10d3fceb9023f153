#!/bin/sh
# nsviz-record.sh - capture a node's namespace topology as one nsviz transcript on stdout.
#
# Runs with nothing but a POSIX sh and busybox or coreutils (a Kubernetes node, a kind node via
# `docker exec -i NODE sh -s < nsviz-record.sh`, a `kubectl debug node/...` shell). Read-only:
# it writes nothing but its stdout. Every step is one command over all processes, so the run
# stays well under two seconds on a node with a thousand processes.
#
# Transcript: a `# nsviz-record 1` header, then for each step `$ <command as typed>` followed by
# that command's stdout. `# note: <text>` lines record skipped or failed steps. stderr is
# dropped: unreadable or vanishing processes are normal on a live node.

# printf rather than a here-document: some shells back those with a temporary file.
usage() {
  printf '%s\n' \
    'Usage: nsviz-record.sh [--no-ip] [--no-runtime] > node.txt' \
    '       sh -s [-- OPTIONS] < nsviz-record.sh > node.txt' \
    '' \
    'Writes an nsviz transcript of this node (processes, their namespace inodes, cgroups,' \
    'lsns, crictl/podman metadata, each network namespace'"'"'s addresses) to stdout.' \
    'Read-only; run as root to see every process. Exit status 0 unless the options are wrong.' \
    '' \
    '  --no-ip        skip entering each net/uts namespace (nsenter ... ip addr / hostname)' \
    '  --no-runtime   skip crictl and podman' \
    '  --help         show this help'
}

WITH_IP=1
WITH_RUNTIME=1
for arg in "$@"; do
  case $arg in
    --help | -h) usage; exit 0 ;;
    --no-ip) WITH_IP=0 ;;
    --no-runtime) WITH_RUNTIME=0 ;;
    *) printf 'nsviz-record: unknown option: %s (try --help)\n' "$arg" >&2; exit 2 ;;
  esac
done

# Stable, parseable output whatever the caller's locale; sbin directories because `ip` and
# `nsenter` live there and a `kubectl debug` or `docker exec` shell may not have them on PATH.
LC_ALL=C
export LC_ALL
PATH=$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

OUT=
RC=0

# Runs a command line (through eval, so the printed text is exactly what ran, globs included)
# and keeps its stdout in OUT and its status in RC. Capturing first lets a step pick a fallback
# before anything is printed, and guarantees each block ends with a newline. stdin is
# /dev/null: under `sh -s < nsviz-record.sh` the script is stdin, and a tool that read it
# would swallow the rest of the script.
capture() {
  OUT=$(eval "$1" </dev/null 2>/dev/null)
  RC=$?
}

emit() {
  printf '$ %s\n' "$1"
  if [ -n "$OUT" ]; then printf '%s\n' "$OUT"; fi
}

note() {
  printf '# note: %s\n' "$1"
}

# Runs and prints a step whose partial output is still worth keeping (a process vanished
# mid-scan). A failure with no output becomes a note instead of an empty block, so a parser
# never mistakes "failed" for "nothing there".
step() {
  capture "$1"
  if [ -n "$OUT" ] || [ "$RC" -eq 0 ]; then emit "$1"; fi
  if [ "$RC" -ne 0 ]; then note "$1: exit $RC"; fi
  return "$RC"
}

# Prints the first candidate that succeeds with output; notes when none does. Each is tried
# three times: lsns before the fix for util-linux issue #2799 (2024) exits 1 with no output
# when a process vanishes while it scans, which must not pass for an unsupported option.
first_of() {
  what=$1
  shift
  for cmd in "$@"; do
    for try in 1 2 3; do
      capture "$cmd"
      if [ "$RC" -eq 0 ] && [ -n "$OUT" ]; then
        emit "$cmd"
        return 0
      fi
    done
  done
  note "$what: no variant worked"
  return 1
}

have() {
  command -v "$1" >/dev/null 2>&1
}

printf '# nsviz-record 1\n'

if have hostname; then step 'hostname'; else step 'uname -n'; fi
step 'uname -r'
step 'date -u +%Y-%m-%dT%H:%M:%SZ'
step 'cat /proc/sys/kernel/pid_max'
if have id && [ "$(id -u 2>/dev/null)" != 0 ]; then
  note 'not running as root: other users'"'"' processes are unreadable'
fi

# procps first (uid column, -ww for untruncated args); busybox ps knows neither and fails.
first_of ps \
  'ps -eo pid,ppid,uid,user,args -ww' \
  'ps -eo pid,ppid,uid,user,args' \
  'ps -o pid,ppid,user,args'

# The namespace block is kept: the per-namespace steps below are derived from it.
NS_CMD="stat -L -c '%n %i' /proc/[0-9]*/ns/*"
capture "$NS_CMD"
if [ -z "$OUT" ]; then
  # Past some 8,000 processes the expanded list exceeds ARG_MAX and stat cannot start. The
  # shell's printf builtin has no such limit, and xargs cuts the list into runs that fit.
  NS_CMD="printf '%s\n' /proc/[0-9]*/ns/* | xargs stat -L -c '%n %i'"
  capture "$NS_CMD"
fi
NS_OUT=$OUT
emit "$NS_CMD"

capture "grep -H '' /proc/[0-9]*/cgroup"
emit "grep -H '' /proc/[0-9]*/cgroup"
capture "grep -H -E '^(Name|PPid|Uid|NSpid):' /proc/[0-9]*/status"
emit "grep -H -E '^(Name|PPid|Uid|NSpid):' /proc/[0-9]*/status"

if have lsns; then
  first_of lsns 'lsns -J -l' 'lsns -J'
else
  note 'lsns not found'
fi

# Prints the distinct values of a JSON string field ("key": "value" on its own line, as
# crictl and podman pretty-print), space-separated.
json_ids() {
  printf '%s\n' "$OUT" | awk -F'"' -v key="$1" '
    $2 == key && $4 != "" && !seen[$4]++ { printf "%s%s", sep, $4; sep = " " }'
}

if [ "$WITH_RUNTIME" -eq 0 ]; then
  note 'runtimes skipped (--no-runtime)'
else
  if have crictl; then
    # One failure (no runtime endpoint) means the rest would each wait for the same timeout.
    if step 'crictl ps -a -o json'; then
      ctr_ids=$(json_ids id)
      if step 'crictl pods -o json'; then
        pod_ids=$(json_ids id)
        if [ -n "$pod_ids" ]; then step "crictl inspectp -o json $pod_ids"; fi
      fi
      if [ -n "$ctr_ids" ]; then step "crictl inspect -o json $ctr_ids"; fi
    else
      note 'crictl failed; skipping the other crictl steps'
    fi
  else
    note 'crictl not found'
  fi

  if have podman; then
    if step 'podman ps --pod -a --ns --format json'; then
      pod_ids=$(json_ids Pod)
      if [ -n "$pod_ids" ]; then
        step "podman pod inspect $pod_ids"
      else
        note 'no podman pods'
      fi
    fi
  else
    note 'podman not found'
  fi
fi

if [ "$WITH_IP" -eq 0 ]; then
  note 'per-namespace ip and hostname skipped (--no-ip)'
elif ! have nsenter; then
  note 'nsenter not found; skipping per-namespace ip and hostname'
else
  # One awk over the stat block: the lowest pid of each distinct net and uts namespace,
  # as "net:PID" words, nets first, each type in pid order.
  targets=$(printf '%s\n' "$NS_OUT" | awk '
    { n = split($1, p, "/"); t = p[n]; pid = p[3] + 0 }
    (t == "net" || t == "uts") && $2 != "" {
      k = t " " $2
      if (!(k in low) || pid < low[k]) low[k] = pid
    }
    END {
      for (k in low) { split(k, a, " "); if (a[1] == "net") net[++nn] = low[k]; else uts[++nu] = low[k] }
      # Few namespaces per node: an insertion sort keeps this to one process.
      for (i = 2; i <= nn; i++) for (j = i; j > 1 && net[j - 1] > net[j]; j--) { x = net[j]; net[j] = net[j - 1]; net[j - 1] = x }
      for (i = 2; i <= nu; i++) for (j = i; j > 1 && uts[j - 1] > uts[j]; j--) { x = uts[j]; uts[j] = uts[j - 1]; uts[j - 1] = x }
      for (i = 1; i <= nn; i++) printf "net:%d ", net[i]
      for (i = 1; i <= nu; i++) printf "uts:%d ", uts[i]
    }')

  if have ip; then IP_ARGS='ip -j addr'; else IP_ARGS=; note 'ip not found; skipping ip addr'; fi
  if have hostname; then HOST_CMD=hostname; else HOST_CMD='uname -n'; fi
  for target in $targets; do
    pid=${target#*:}
    case $target in
      net:*)
        if [ -z "$IP_ARGS" ]; then continue; fi
        capture "nsenter -t $pid -n $IP_ARGS"
        if [ "$RC" -ne 0 ] && [ "$IP_ARGS" = 'ip -j addr' ]; then
          # iproute2 before 4.13 and busybox ip have no JSON output: if plain `ip addr` works
          # where `-j` did not, use it from here on (a vanished pid fails both).
          capture "nsenter -t $pid -n ip addr"
          if [ "$RC" -eq 0 ]; then IP_ARGS='ip addr'; fi
        fi
        if [ "$RC" -eq 0 ]; then
          emit "nsenter -t $pid -n $IP_ARGS"
        else
          note "nsenter -t $pid -n $IP_ARGS: exit $RC"
        fi
        ;;
      uts:*)
        step "nsenter -t $pid -u $HOST_CMD"
        ;;
    esac
  done
fi

exit 0
