#!/bin/sh
# record-fixtures.sh - record fixtures/recordings/<variant>/ afresh, each in an isolated node.
#
#   record-fixtures.sh [VARIANT...]      (root; default: all six)
#
# VARIANT: unshare-default unshare-sharepid unshare-hostnet podman-default podman-sharepid
# podman-hostnet. Each is built, recorded and removed inside its own
# `isolated-node.sh`, so the recorder sees the node's init, the recording commands and the
# test bed, nothing of the host. Writes record.txt, session.txt (unshare only), truth.json and
# README.md (how, when, versions, every process) into fixtures/recordings/VARIANT/. Nothing is
# edited afterwards. See README.md beside this file.
set -eu

# The repository root. Inside the node every path is relative to it, so the command lines the
# recording shows name no directory of this machine.
cd "$(dirname "$0")/../.."
TESTBED=scripts/testbed
OUT_ROOT=fixtures/recordings
ALL='unshare-default unshare-sharepid unshare-hostnet podman-default podman-sharepid podman-hostnet'

die() {
  printf 'record-fixtures: %s\n' "$*" >&2
  exit 1
}

# variant -> "tool NAME FLAGS..."
spec() {
  case $1 in
    unshare-default) echo 'unshare default' ;;
    unshare-sharepid) echo 'unshare sharepid --share-pid' ;;
    unshare-hostnet) echo 'unshare hostnet --host-network' ;;
    podman-default) echo 'podman nsviz-rec-default' ;;
    podman-sharepid) echo 'podman nsviz-rec-sharepid --share net,ipc,uts,pid' ;;
    podman-hostnet) echo 'podman nsviz-rec-hostnet --network host' ;;
    *) die "unknown variant '$1' (one of: $ALL)" ;;
  esac
}

# --- inside the node ---------------------------------------------------------------------

in_node() {
  variant=$1
  # shellcheck disable=SC2046 # one word per field
  set -- $(spec "$variant")
  tool=$1 name=$2
  shift 2
  out=$OUT_ROOT/$variant
  trap 'sh "$TESTBED/$tool-pod.sh" down "$name" >/dev/null 2>&1 || :' EXIT
  sh "$TESTBED/$tool-pod.sh" up "$name" "$@" >/dev/null
  if [ "$tool" = unshare ]; then
    sh "$TESTBED/unshare-pod.sh" record "$name" "$out" >/dev/null
  else
    sh "$TESTBED/podman-pod.sh" record "$name" "$out" --no-raw
  fi
  sh "$TESTBED/$tool-pod.sh" down "$name" >/dev/null
  trap - EXIT
}

# --- README.md ---------------------------------------------------------------------------

pkgver() {
  dpkg-query -W -f '${Version}' "$1" 2>/dev/null || printf 'unknown'
}

# The test-bed processes of truth.json as a Markdown table: what each differs from the node in.
process_table() {
  awk '
    function val(line, key,   m) {
      if (match(line, "\"" key "\": (\"[^\"]*\"|[^,}]*)")) {
        m = substr(line, RSTART, RLENGTH); sub(/^"[^"]*": /, "", m); gsub(/"/, "", m); return m
      }
      return ""
    }
    function nsof(line, t) { return val(substr(line, index(line, "\"namespaces\"")), t) }
    BEGIN { split("mnt pid net ipc uts cgroup user time", order, " ") }
    /"host": \{/ { for (i = 1; i <= 8; i++) host[order[i]] = nsof($0, order[i]) }
    /^ *\{"pid": / { n++; pid[n] = val($0, "pid"); comm[n] = val($0, "comm"); role[n] = val($0, "role")
      cname[n] = val($0, "containerName"); sb[n] = val($0, "sandbox"); next }
    /^ *"namespaces": / && n {
      for (i = 1; i <= 8; i++) ns[n, order[i]] = nsof($0, order[i])
      pfc[n] = val($0, "pid_for_children")
    }
    END {
      print "| pid | process | container | role | differs from the node in |"
      print "|---|---|---|---|---|"
      for (k = 1; k <= n; k++) {
        d = ""
        for (i = 1; i <= 8; i++) if (ns[k, order[i]] != host[order[i]]) d = d (d == "" ? "" : ", ") order[i]
        if (d == "") d = "nothing"
        if (pfc[k] != ns[k, "pid"]) {
          for (j = 1; j <= n; j++) if (ns[j, "pid"] == pfc[k] && j != k) break
          if (j <= n) d = d "; its pid_for_children is the pid namespace of " pid[j]
        }
        c = cname[k] == "null" ? "(pod cgroup, no container)" : cname[k] (sb[k] == "true" ? " (sandbox)" : "")
        printf "| %s | %s | %s | %s | %s |\n", pid[k], comm[k], c, role[k], d
      }
    }' "$1"
}

# Every process of record.txt (its ps step) as a Markdown table.
all_processes() {
  awk '
    /^\$ / { inps = ($0 ~ /^\$ ps /); hdr = 1; next }
    /^# / { inps = 0 }
    inps && hdr { hdr = 0; next }
    inps {
      pid = $1; ppid = $2; $1 = $2 = $3 = $4 = ""; sub(/^ +/, "")
      cmd = $0; gsub(/\|/, "\\|", cmd); if (length(cmd) > 110) cmd = substr(cmd, 1, 107) "..."
      rows[++n] = "| " pid " | " ppid " | `" cmd "` |"
    }
    END { print n; for (i = 1; i <= n; i++) print rows[i] }' "$1"
}

json_field() { # json_field FILE KEY: the first "KEY": "value" in FILE
  sed -n "s/.*\"$2\": \"\\([^\"]*\\)\".*/\\1/p" "$1" | head -n 1
}

describe() {
  case $1 in
    unshare-default)
      title='a pod-like topology from unshare/nsenter'
      text='A "pause" process that made new net, ipc, uts (and its own mnt and pid) namespaces, and two app containers that joined net/ipc/uts and made their own mnt, pid and cgroup namespaces. The pod has `eth0` 198.18.x.2/24 (a veth whose other end is in a named netns standing in for the node'"'"'s) and hostname `default`.' ;;
    unshare-sharepid)
      title='the same with a shared pid namespace'
      text='As unshare-default, but the apps joined the pause pid namespace (shareProcessNamespace): the pause is PID 1 of one pid namespace for the whole pod. The wrappers left in the node pid namespace are `nsenter` processes.' ;;
    unshare-hostnet)
      title='the same with the host network'
      text='As unshare-default, but with the node'"'"'s net and uts namespaces (hostNetwork): the pause made only ipc (plus its mnt and pid), the apps joined ipc. No veth.' ;;
    podman-default)
      title='a real podman pod'
      text='A podman pod (`podman pod create`: shares net, ipc, uts) with its infra container (`catatonit -P`), a busybox `httpd` and a busybox `sleep`, from an image imported from the host busybox-static.' ;;
    podman-sharepid)
      title='a podman pod sharing the pid namespace'
      text='As podman-default, created with `--share net,ipc,uts,pid`: all containers are in the infra pid namespace (catatonit is its PID 1).' ;;
    podman-hostnet)
      title='a podman pod on the host network'
      text='As podman-default, created with `--network host`: the pod uses the node'"'"'s net namespace. Unlike a Kubernetes hostNetwork pod, podman still gives the pod its own uts namespace.' ;;
  esac
}

write_readme() {
  variant=$1
  dir=$OUT_ROOT/$variant
  # shellcheck disable=SC2046
  set -- $(spec "$variant")
  tool=$1 name=$2
  shift 2
  flags=${*:+ $*}
  describe "$variant"
  at=$(json_field "$dir/truth.json" capturedAt)
  day=${at%%T*} time=${at#*T} time=${time%:*}
  host=$(json_field "$dir/truth.json" hostname)
  kernel=$(json_field "$dir/truth.json" kernel)
  . /etc/os-release
  v1=$(awk '$3 == "cgroup" { n++ } END { print n + 0 }' /proc/self/mounts)
  v2=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts)
  if [ "$v1" -gt 0 ] && [ -n "$v2" ]; then layout="hybrid cgroup v1/v2 with the v2 hierarchy at $v2"
  elif [ -n "$v2" ]; then layout='cgroup v2'
  else layout='cgroup v1'; fi
  if [ -d /run/systemd/system ]; then sysd='systemd'; else sysd='no systemd'; fi
  procs=$(all_processes "$dir/record.txt")
  count=$(printf '%s\n' "$procs" | head -n 1)
  {
    printf '# %s: %s\n\n' "$variant" "$title"
    printf 'A real recording, nothing edited: made on %s at %s UTC on a %s VM (%s CPUs, %s, %s), as root, ' \
      "$day" "$time" "${PRETTY_NAME:-Linux}" "$(nproc 2>/dev/null || echo '?')" "$layout" "$sysd"
    printf 'in an isolated node: `scripts/testbed/isolated-node.sh` ran the test bed and the recorder in a new pid namespace '
    printf '(with new mount, net, uts, ipc and cgroup namespaces, /proc, /sys and the cgroup hierarchies mounted afresh, '
    printf 'empty /run, /tmp and container storage), so the recording holds the node'"'"'s init, the recording commands and '
    printf 'the test bed (%s processes), and nothing of the machine it ran on. The node'"'"'s hostname is `%s`; its ' "$count" "$host"
    printf 'namespaces are the `host` ones in truth.json, and the pods differ from them as a pod differs from its node.\n\n'
    printf '```sh\nsh scripts/testbed/record-fixtures.sh %s\n' "$variant"
    printf '# which runs, in `sh scripts/testbed/isolated-node.sh sh scripts/testbed/record-fixtures.sh --in-node %s`:\n' "$variant"
    printf 'sh scripts/testbed/%s-pod.sh up %s%s\n' "$tool" "$name" "$flags"
    if [ "$tool" = unshare ]; then
      printf 'sh scripts/testbed/unshare-pod.sh record %s %s\n' "$name" "$dir"
    else
      printf 'sh scripts/testbed/podman-pod.sh record %s %s --no-raw\n' "$name" "$dir"
    fi
    printf 'sh scripts/testbed/%s-pod.sh down %s\n```\n\n' "$tool" "$name"
    printf 'Versions (Debian packages): kernel %s, util-linux %s, iproute2 %s, procps %s, coreutils %s, ' \
      "$kernel" "$(pkgver util-linux)" "$(pkgver iproute2)" "$(pkgver procps)" "$(pkgver coreutils)"
    printf 'dash %s (the recorder ran under dash, as `sh -s`), mawk %s, podman %s with conmon %s, crun %s, ' \
      "$(pkgver dash)" "$(pkgver mawk)" "$(pkgver podman)" "$(pkgver conmon)" "$(pkgver crun)"
    printf 'catatonit %s and netavark %s, busybox-static %s; no crictl.\n\n' \
      "$(pkgver catatonit)" "$(pkgver netavark)" "$(pkgver busybox-static)"
    printf '%s ' "$text"
    if [ "$tool" = unshare ]; then
      printf 'Files: `record.txt` is the output of `scripts/nsviz-record.sh` (transcript format `# nsviz-record 1`, see scripts/testbed/README.md); '
      printf '`session.txt` holds the commands people type (`lsns`, `lsns -l`, `lsns -J -l`, `lsns -p`, `ls -l /proc/PID/ns`, `cat /proc/PID/cgroup`, '
      printf '`nsenter -t PID -n ip addr` for the pause and each app, `ps -ef`) in the same `$ command` + output form; '
      printf '`truth.json` is what `/proc` said right after the recorder ran: for every test-bed pid its eight namespace inodes, '
      printf '`pid_for_children`, container id, pod uid, role, and which container is the sandbox. Processes are in '
      printf '`/kubepods/besteffort/pod<uid>/<container id>` cgroups (cgroupfs-driver layout) in every hierarchy, made at the root of '
      printf 'the node'"'"'s cgroup namespace.\n\n'
      printf 'Pod `%s`, uid `%s`, %s.\n\n' "$name" "$(json_field "$dir/truth.json" uid)" \
        "$(ip=$(sed -n 's/.*"pod": {.*"ip": "\([^"]*\)".*/\1/p' "$dir/truth.json"); if [ -n "$ip" ]; then echo "IP $ip"; else echo 'no pod IP (host network)'; fi)"
    else
      printf 'Files: `record.txt` is the output of `scripts/nsviz-record.sh` (transcript format `# nsviz-record 1`, see scripts/testbed/README.md; '
      printf 'it includes `podman ps --pod -a --ns --format json` and `podman pod inspect`); `truth.json` was read from `/proc` and `podman inspect` '
      printf 'right after it by `podman-pod.sh record`: for every process in the pod'"'"'s cgroups its eight namespace inodes, `pid_for_children`, '
      printf 'cgroup path, container id and name (conmon: none), role, and which container is the infra (sandbox). Container cgroups are '
      printf '`/libpod_parent/<pod id>/libpod-<container id>`; podman makes no cgroup namespace on this cgroup-v1 host. The node had '
      printf 'its own, empty podman storage and network state, so podman lists this pod only.\n\n'
      printf 'Pod `%s`, id `%s`, %s.\n\n' "$name" "$(json_field "$dir/truth.json" id)" \
        "$(ip=$(sed -n 's/.*"pod": {.*"ip": "\([^"]*\)".*/\1/p' "$dir/truth.json"); if [ -n "$ip" ]; then echo "IP $ip"; else echo 'no pod IP (host network)'; fi)"
    fi
    process_table "$dir/truth.json"
    printf '\nAll %s processes of the recording (its `ps` step; PID 1 is the node'"'"'s init, a `sh` that runs the recording command in the foreground, reaps orphans, and ends the node when the command ends):\n\n' "$count"
    printf '| pid | ppid | command |\n|---|---|---|\n'
    printf '%s\n' "$procs" | tail -n +2
  } >"$dir/README.md"
}

# --- main --------------------------------------------------------------------------------

if [ "${1:-}" = --in-node ]; then
  [ $# -eq 2 ] || die '--in-node VARIANT'
  spec "$2" >/dev/null
  in_node "$2"
  exit 0
fi
case ${1:-} in -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
[ "$(id -u)" = 0 ] || die 'needs root'
[ $# -gt 0 ] || set -- $ALL
for v in "$@"; do spec "$v" >/dev/null; done
for v in "$@"; do
  mkdir -p "$OUT_ROOT/$v"
  rm -f "$OUT_ROOT/$v/record.txt" "$OUT_ROOT/$v/session.txt" "$OUT_ROOT/$v/truth.json"
  sh "$TESTBED/isolated-node.sh" sh "$TESTBED/record-fixtures.sh" --in-node "$v" ||
    die "$v: recording failed"
  write_readme "$v"
  printf '%s\n' "$OUT_ROOT/$v"
done
