#!/bin/sh
# unshare-pod.sh - a pod-like namespace topology built with unshare/nsenter, in seconds.
#
#   unshare-pod.sh up NAME [--share-pid] [--host-network]
#   unshare-pod.sh record NAME OUTDIR
#   unshare-pod.sh down NAME
#
# Needs root, util-linux (unshare, nsenter, lsns) and iproute2. See README.md beside this file.
set -eu

SELF_DIR=$(cd "$(dirname "$0")" && pwd)
RECORDER=$SELF_DIR/../nsviz-record.sh
# /run: runtime state that a reboot clears together with the processes it describes.
STATE_ROOT=${NSVIZ_TESTBED_STATE:-/run/nsviz-testbed}
# 198.18.0.0/15 is reserved for network benchmark tests (RFC 2544): it clashes with no pod,
# podman or host network, and both ends of the veth live in namespaces made here anyway.
NET_PREFIX=198.18

usage() {
  printf '%s\n' \
    'Usage: unshare-pod.sh up NAME [--share-pid] [--host-network]' \
    '       unshare-pod.sh record NAME OUTDIR' \
    '       unshare-pod.sh down NAME' \
    '' \
    'up      start a "pause" process owning new net/ipc/uts (+mnt, pid) namespaces and two' \
    '        app containers joining them, each in /kubepods/besteffort/pod<uid>/<id> cgroups;' \
    '        prints the state directory. --share-pid: apps join the pause pid namespace;' \
    '        --host-network: keep the host net and uts namespaces.' \
    'record  write OUTDIR/session.txt (lsns, ls -l /proc/PID/ns, ...), OUTDIR/record.txt' \
    '        (nsviz-record.sh) and OUTDIR/truth.json (namespaces read from /proc).' \
    'down    kill the processes "up" started, remove their cgroups, veth and named netns.' \
    '' \
    'NAME: 1-12 characters of a-z, 0-9 and -. State: $NSVIZ_TESTBED_STATE (default /run/nsviz-testbed).'
}

die() {
  printf 'unshare-pod: %s\n' "$*" >&2
  exit 1
}

check_name() {
  case $1 in
    '' | *[!a-z0-9-]* | -*) die "bad NAME '$1' (a-z, 0-9, -)" ;;
  esac
  [ "${#1}" -le 12 ] || die "NAME '$1' longer than 12 characters"
}

# --- process bookkeeping ---------------------------------------------------------------

# Start time in clock ticks since boot (field 22 of /proc/PID/stat): with the pid it tells
# our process from a later one that got the same pid.
start_time() {
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $20 }'
}

# Waits until PID has a child whose command name is COMM; prints the child's pid.
child_named() {
  parent=$1 comm=$2 tries=0
  while [ "$tries" -lt 100 ]; do
    # The children file needs CONFIG_PROC_CHILDREN; procps ps answers without it.
    kids=$(cat "/proc/$parent/task/$parent/children" 2>/dev/null) ||
      kids=$(ps -o pid= --ppid "$parent" 2>/dev/null) || kids=
    for c in $kids; do
      if [ "$(cat "/proc/$c/comm" 2>/dev/null)" = "$comm" ]; then
        printf '%s\n' "$c"
        return 0
      fi
    done
    [ -d "/proc/$parent" ] || break
    tries=$((tries + 1))
    sleep 0.05
  done
  die "no '$comm' child of pid $parent appeared"
}

# Waits until PID has exec'd COMM (the launcher shell becomes nsenter/unshare).
wait_comm() {
  tries=0
  while [ "$(cat "/proc/$1/comm" 2>/dev/null)" != "$2" ]; do
    [ -d "/proc/$1" ] || die "pid $1 exited before becoming $2"
    tries=$((tries + 1))
    [ "$tries" -lt 100 ] || die "pid $1 never became $2"
    sleep 0.05
  done
}

# Appends a line to the state file at once, so a failed `up` can still be undone by `down`.
state_add() {
  printf '%s\n' "$1" >>"$STATE/state"
}

# state: PROC=pid:starttime:container-name:role
add_proc() {
  state_add "PROC=$1:$(start_time "$1"):$2:$3"
}

# --- cgroups -----------------------------------------------------------------------------

# Prints "MOUNTPOINT BASE" for every mounted cgroup hierarchy (v1 controllers, named v1
# hierarchies, the v2 unified one), BASE being this shell's own cgroup there (relative to the
# mount). The pod tree goes at the root of each hierarchy, as kubelet's does; BASE is the
# fallback where the root is not writable (a delegated or read-only cgroup tree).
cgroup_hierarchies() {
  awk '
    NR == FNR {
      i = index($0, ":"); rest = substr($0, i + 1); j = index(rest, ":")
      ctrls = substr(rest, 1, j - 1); path = substr(rest, j + 1)
      if (ctrls == "") v2 = path
      else { n = split(ctrls, c, ","); for (k = 1; k <= n; k++) own[c[k]] = path }
      next
    }
    {
      for (s = 7; s <= NF && $s != "-"; s++) ;
      fstype = $(s + 1); opts = $(s + 3); root = $4; mp = $5; path = ""
      if (fstype == "cgroup2") { if (v2 == "" || done2++) next; path = v2 }
      else if (fstype == "cgroup") {
        n = split(opts, o, ",")
        for (k = 1; k <= n; k++) if (o[k] in own) { key = o[k]; break }
        if (key == "" || seen[key]++) { key = ""; next }
        path = own[key]; key = ""
      } else next
      # A hierarchy mounted from a sub-cgroup shows paths relative to that root.
      if (root != "/" && index(path, root) == 1) path = substr(path, length(root) + 1)
      if (path == "") path = "/"
      print mp, path
    }' /proc/self/cgroup /proc/self/mountinfo
}

# Creates DIR (and missing parents below its hierarchy) and records each new directory.
cgroup_mkdir() {
  dir=$1 todo=
  while [ ! -d "$dir" ]; do
    todo="$dir $todo"
    dir=$(dirname "$dir")
  done
  for d in $todo; do
    mkdir "$d"
    state_add "CGDIR=$d"
    # cpuset v1 refuses tasks in a cgroup whose cpus/mems are empty: inherit the parent's.
    for f in cpuset.cpus cpuset.mems; do
      if [ -f "$d/$f" ] && [ -z "$(cat "$d/$f")" ]; then
        cat "$(dirname "$d")/$f" >"$d/$f"
      fi
    done
  done
}

# Prints the cgroup.procs files of container ID of the pod, creating its directories.
container_cgroups() {
  cgroup_hierarchies | while read -r mp base; do
    if [ -w "$mp" ] || [ "$base" = / ]; then base=; fi
    d=$mp$base/kubepods/besteffort/pod$POD_UID/$1
    cgroup_mkdir "$d"
    printf '%s/cgroup.procs\n' "$d"
  done
}

new_id() {
  od -An -N32 -tx1 /dev/urandom | tr -d ' \n'
}

# --- up ----------------------------------------------------------------------------------

# The launcher moves itself into the container cgroups before exec'ing the namespace tool,
# so every process of the container is in them from birth and a new cgroup namespace is
# rooted at the container cgroup, as runc does it.
LAUNCH='for f in $PROCS; do echo $$ >"$f" || exit 1; done; exec "$@"'

launch() {
  PROCS=$1
  shift
  PROCS=$PROCS sh -c "$LAUNCH" sh "$@" </dev/null >/dev/null 2>&1 &
  LAUNCHED=$!
}

cmd_up() {
  [ $# -ge 1 ] || die 'up: NAME missing'
  NAME=$1
  shift
  check_name "$NAME"
  SHARE_PID=0 HOST_NETWORK=0
  for arg in "$@"; do
    case $arg in
      --share-pid) SHARE_PID=1 ;;
      --host-network) HOST_NETWORK=1 ;;
      *) die "up: unknown option $arg" ;;
    esac
  done
  STATE=$STATE_ROOT/$NAME
  if [ -f "$STATE/state" ]; then
    if is_up; then
      printf '%s\n' "$STATE"
      return 0
    fi
    cmd_down "$NAME" >/dev/null
  fi
  mkdir -p "$STATE/bin"
  : >"$STATE/state"
  trap 'cmd_down "$NAME" >/dev/null 2>&1 || :' EXIT
  trap 'exit 1' INT TERM HUP

  POD_UID=$(cat /proc/sys/kernel/random/uuid)
  state_add "NAME=$NAME"
  state_add "POD_UID=$POD_UID"
  state_add "SHARE_PID=$SHARE_PID"
  state_add "HOST_NETWORK=$HOST_NETWORK"
  # A symlink named pause makes the sandbox's comm "pause", as on a Kubernetes node.
  ln -sf "$(command -v sleep)" "$STATE/bin/pause"

  cgflag=
  if [ -e /proc/self/ns/cgroup ] && unshare --help 2>&1 | grep -q -- '--cgroup'; then cgflag=--cgroup; fi

  # Sandbox: own mnt and pid (it is PID 1 of the pod pid namespace), plus net/ipc/uts unless
  # host network (then ipc only, as kubelet does for hostNetwork pods).
  sandbox_id=$(new_id)
  state_add "CONTAINER=pause:$sandbox_id:sandbox"
  if [ "$HOST_NETWORK" = 1 ]; then pod_ns='--ipc'; else pod_ns='--net --ipc --uts'; fi
  procs=$(container_cgroups "$sandbox_id")
  # shellcheck disable=SC2086 # pod_ns holds several options on purpose
  launch "$procs" \
    unshare $pod_ns --mount --pid --fork --mount-proc "$STATE/bin/pause" infinity
  wrapper=$LAUNCHED
  wait_comm "$wrapper" unshare
  pause=$(child_named "$wrapper" pause)
  add_proc "$wrapper" pause wrapper
  add_proc "$pause" pause main
  state_add "PAUSE_PID=$pause"

  if [ "$HOST_NETWORK" = 0 ]; then
    # The pod's hostname, like kubelet sets it; /proc avoids needing a hostname binary.
    nsenter -t "$pause" --uts sh -c 'printf %s "$1" >/proc/sys/kernel/hostname' sh "$NAME"
    net=$(printf %s "$NAME" | cksum | awk '{ print $1 % 250 + 1 }')
    # The node side of the veth lives in a named netns of its own, standing in for the host
    # netns that a CNI plugin would use, so the host's own network is left untouched.
    netns=nsviz-$NAME
    ip netns add "$netns"
    state_add "NETNS=$netns"
    ip -n "$netns" link add veth0 type veth peer name eth0 netns "$pause"
    ip -n "$netns" addr add "$NET_PREFIX.$net.1/24" dev veth0
    ip -n "$netns" link set veth0 up
    nsenter -t "$pause" --net sh -c '
      ip link set lo up && ip addr add "$1/24" dev eth0 && ip link set eth0 up &&
      ip route add default via "$2"' sh "$NET_PREFIX.$net.2" "$NET_PREFIX.$net.1"
    state_add "POD_IP=$NET_PREFIX.$net.2"
  fi

  for app in app1 app2; do
    id=$(new_id)
    state_add "CONTAINER=$app:$id:app"
    if [ "$HOST_NETWORK" = 1 ]; then join='--ipc'; else join='--net --ipc --uts'; fi
    procs=$(container_cgroups "$id")
    if [ "$SHARE_PID" = 1 ]; then
      # nsenter --pid forks: its child enters the pod pid namespace, then becomes the app.
      # shellcheck disable=SC2086
      launch "$procs" \
        nsenter -t "$pause" $join --pid unshare --mount $cgflag --mount-proc sleep infinity
      wait_comm "$LAUNCHED" nsenter
    else
      # shellcheck disable=SC2086
      launch "$procs" \
        nsenter -t "$pause" $join unshare --mount --pid $cgflag --fork --mount-proc sleep infinity
      wait_comm "$LAUNCHED" unshare
    fi
    main=$(child_named "$LAUNCHED" sleep)
    add_proc "$LAUNCHED" "$app" wrapper
    add_proc "$main" "$app" main
  done

  trap - EXIT INT TERM HUP
  printf '%s\n' "$STATE"
}

# True when every recorded process is still the one we started.
is_up() {
  found=0
  for p in $(sed -n 's/^PROC=//p' "$STATE/state"); do
    pid=${p%%:*} rest=${p#*:}
    [ "$(start_time "$pid")" = "${rest%%:*}" ] || return 1
    found=1
  done
  [ "$found" = 1 ]
}

# --- down --------------------------------------------------------------------------------

cmd_down() {
  [ $# -ge 1 ] || die 'down: NAME missing'
  check_name "$1"
  STATE=$STATE_ROOT/$1
  if [ ! -f "$STATE/state" ]; then
    rm -rf "$STATE"
    rmdir "$STATE_ROOT" 2>/dev/null || :
    return 0
  fi
  # SIGKILL: a pid-namespace init (pause, app PID 1) ignores other signals from outside.
  for p in $(sed -n 's/^PROC=//p' "$STATE/state"); do
    pid=${p%%:*} rest=${p#*:}
    if [ "$(start_time "$pid")" = "${rest%%:*}" ]; then kill -KILL "$pid" 2>/dev/null || :; fi
  done
  for p in $(sed -n 's/^PROC=//p' "$STATE/state"); do
    pid=${p%%:*} rest=${p#*:} tries=0
    while [ "$(start_time "$pid")" = "${rest%%:*}" ] && [ "$tries" -lt 100 ]; do
      tries=$((tries + 1))
      sleep 0.05
    done
  done
  netns=$(sed -n 's/^NETNS=//p' "$STATE/state")
  if [ -n "$netns" ] && [ -e "/run/netns/$netns" ]; then
    ip -n "$netns" link del veth0 2>/dev/null || :
    ip netns del "$netns"
  fi
  # Deepest first. kubepods and besteffort are shared by the test beds: whichever goes last
  # removes them (rmdir leaves a parent that another test bed still uses).
  for d in $(sed -n 's/^CGDIR=//p' "$STATE/state" |
    awk '{ print } /\/kubepods\/besteffort\/pod[^\/]*$/ { sub(/\/pod[^\/]*$/, ""); print; sub(/\/besteffort$/, ""); print }' |
    sort -u | awk '{ print length($0), $0 }' | sort -rn | cut -d' ' -f2-); do
    tries=0
    # A cgroup lingers briefly after its last task exits.
    while [ -d "$d" ] && ! rmdir "$d" 2>/dev/null; do
      [ -z "$(cat "$d/cgroup.procs" 2>/dev/null)" ] || break
      [ -z "$(find "$d" -mindepth 1 -maxdepth 1 -type d)" ] || break
      tries=$((tries + 1))
      [ "$tries" -lt 20 ] || break
      sleep 0.05
    done
  done
  rm -rf "$STATE"
  rmdir "$STATE_ROOT" 2>/dev/null || :
}

# --- record ------------------------------------------------------------------------------

# Appends "$ CMD" and CMD's stdout to the session transcript, as a person's terminal shows.
# A command that fails with no output is retried, as a person would: lsns exits 1 silently
# when some process vanishes while it scans /proc (util-linux issue #2799).
session() {
  for try in 1 2 3; do
    if text=$(sh -c "$1" 2>/dev/null) && [ -n "$text" ]; then break; fi
  done
  printf '$ %s\n' "$1" >>"$OUT/session.txt"
  if [ -n "$text" ]; then printf '%s\n' "$text" >>"$OUT/session.txt"; fi
}

# The eight namespace inodes of PID as a JSON object (null where unreadable).
ns_json() {
  nsep=
  printf '{'
  for t in cgroup ipc mnt net pid time user uts; do
    ino=$(stat -L -c %i "/proc/$1/ns/$t" 2>/dev/null || :)
    printf '%s"%s": %s' "$nsep" "$t" "${ino:-null}"
    nsep=', '
  done
  printf '}'
}

ns_one() {
  ino=$(stat -L -c %i "/proc/$1/ns/$2" 2>/dev/null || :)
  printf '%s' "${ino:-null}"
}

cmd_record() {
  [ $# -eq 2 ] || die 'record: NAME OUTDIR expected'
  check_name "$1"
  STATE=$STATE_ROOT/$1
  [ -f "$STATE/state" ] || die "record: test bed '$1' is not up"
  is_up || die "record: test bed '$1' is not running (run down, then up)"
  mkdir -p "$2"
  OUT=$(cd "$2" && pwd)
  pause=$(sed -n 's/^PAUSE_PID=//p' "$STATE/state")
  mains=$(sed -n 's/^PROC=\([0-9]*\):[0-9]*:\(app[0-9]*\):main$/\1/p' "$STATE/state")

  # The recorder first, then truth right after it: the state both describe is the same.
  sh -s <"$RECORDER" >"$OUT/record.txt"
  write_truth >"$OUT/truth.json"

  : >"$OUT/session.txt"
  session 'lsns'
  session 'lsns -l'
  session 'lsns -J -l'
  for p in $pause $mains; do session "lsns -p $p"; done
  for p in $pause $mains; do session "ls -l /proc/$p/ns"; done
  for p in $pause $mains; do session "cat /proc/$p/cgroup"; done
  for p in $pause $mains; do session "nsenter -t $p -n ip addr"; done
  session 'ps -ef'
  printf '%s\n' "$OUT"
}

write_truth() {
  . "$STATE/state" 2>/dev/null || :
  printf '{\n  "kind": "unshare-pod",\n  "name": "%s",\n' "$NAME"
  printf '  "capturedAt": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "hostname": "%s",\n  "kernel": "%s",\n' "$(uname -n)" "$(uname -r)"
  printf '  "options": {"sharePid": %s, "hostNetwork": %s},\n' \
    "$([ "$SHARE_PID" = 1 ] && echo true || echo false)" \
    "$([ "$HOST_NETWORK" = 1 ] && echo true || echo false)"
  printf '  "pod": {"uid": "%s", "name": "%s", "ip": %s},\n' "$POD_UID" "$NAME" \
    "$(if [ -n "${POD_IP:-}" ]; then printf '"%s"' "$POD_IP"; else printf null; fi)"
  # The namespaces of the recording shell: the host's (or the isolated node's), for telling
  # host from pod.
  printf '  "host": {"pid": %s, "namespaces": %s},\n' "$$" "$(ns_json $$)"
  printf '  "containers": [\n'
  sep=
  for c in $(sed -n 's/^CONTAINER=//p' "$STATE/state"); do
    cname=${c%%:*} rest=${c#*:}
    cid=${rest%%:*} kind=${rest#*:}
    mainpid=$(sed -n "s/^PROC=\\([0-9]*\\):[0-9]*:$cname:main\$/\\1/p" "$STATE/state")
    printf '%s    {"id": "%s", "name": "%s", "sandbox": %s, "mainPid": %s, "cgroup": "/kubepods/besteffort/pod%s/%s"}' \
      "$sep" "$cid" "$cname" "$([ "$kind" = sandbox ] && echo true || echo false)" "$mainpid" "$POD_UID" "$cid"
    sep=',
'
  done
  printf '\n  ],\n  "processes": [\n'
  sep=
  for p in $(sed -n 's/^PROC=//p' "$STATE/state"); do
    pid=${p%%:*} rest=${p#*:}
    rest=${rest#*:}
    cname=${rest%%:*} role=${rest#*:}
    c=$(sed -n "s/^CONTAINER=$cname://p" "$STATE/state")
    cid=${c%%:*} kind=${c#*:}
    ppid=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $2 }')
    printf '%s    {"pid": %s, "ppid": %s, "comm": "%s", "role": "%s", "container": "%s", "containerName": "%s", "pod": "%s", "sandbox": %s,\n' \
      "$sep" "$pid" "$ppid" "$(cat "/proc/$pid/comm")" "$role" "$cid" "$cname" "$POD_UID" \
      "$([ "$kind" = sandbox ] && echo true || echo false)"
    printf '     "namespaces": %s, "pid_for_children": %s, "time_for_children": %s,\n' \
      "$(ns_json "$pid")" "$(ns_one "$pid" pid_for_children)" "$(ns_one "$pid" time_for_children)"
    printf '     "cgroupV2": "%s"}' "$(sed -n 's/^0:://p' "/proc/$pid/cgroup")"
    sep=',
'
  done
  printf '\n  ]\n}\n'
}

# --- main --------------------------------------------------------------------------------

[ $# -ge 1 ] || {
  usage >&2
  exit 2
}
cmd=$1
shift
case $cmd in
  up) [ "$(id -u)" = 0 ] || die 'up needs root'; cmd_up "$@" ;;
  down) cmd_down "$@" ;;
  record) cmd_record "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
