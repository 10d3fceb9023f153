#!/bin/sh
# isolated-node.sh - run a command on a fresh, isolated "node" of this host.
#
#   isolated-node.sh [--hostname NAME] [--keep DIR]... CMD [ARG...]
#
# The node has its own pid, mount, net, uts, ipc and cgroup namespaces, like a kind node: the
# node's own init is PID 1, /proc, /sys and the cgroup hierarchies are mounted afresh, and /run,
# /tmp, /var/tmp, /dev/shm and container state (/var/lib/containers, /etc/containers/networks)
# are empty tmpfs (--keep DIR: DIR stays the host's, e.g. an output directory in /tmp). A recorder run there sees the node's init, the
# command and what the command starts, and nothing of the host. When CMD ends, the node ends:
# the kernel kills whatever is left in it, its namespaces and mounts go with it, and this
# script removes the node's cgroups. Needs root and util-linux. See README.md.
set -eu

die() {
  printf 'isolated-node: %s\n' "$*" >&2
  exit 125
}

usage() {
  printf '%s\n' \
    'Usage: isolated-node.sh [--hostname NAME] [--keep DIR]... CMD [ARG...]' \
    '' \
    'Runs CMD (in the current directory) as the only child of a small init, PID 1 of new pid,' \
    'mount, net, uts, ipc and cgroup namespaces, with fresh /proc, /sys and cgroupfs and empty' \
    '/run, /tmp, /var/tmp, /dev/shm and container state (/var/lib/containers, podman'"'"'s' \
    'network configs). Exits with the status of CMD (125: the node could not be made).' \
    'Everything CMD leaves running is killed when it ends.' \
    '' \
    '  --hostname NAME   the node'"'"'s hostname (default: nsviz-node)' \
    '  --keep DIR        keep the host'"'"'s DIR (an existing directory) visible in the node at' \
    '                    the same path, even below /tmp or /run; repeatable. The current' \
    '                    directory is kept too when it lies below one of those.'
}

HOSTNAME_=nsviz-node
KEEP=
keep() {
  d=$(cd "$1" 2>/dev/null && pwd -P) || die "--keep: no directory $1"
  case $d in *[!A-Za-z0-9._/@+-]*) die "--keep: unusual characters in $d" ;; esac
  KEEP="$KEEP $d"
}
while [ $# -gt 0 ]; do
  case $1 in
    --hostname)
      [ $# -ge 2 ] || die '--hostname needs a value'
      HOSTNAME_=$2
      shift 2
      ;;
    --keep)
      [ $# -ge 2 ] || die '--keep needs a directory'
      keep "$2"
      shift 2
      ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) die "unknown option $1 (try --help)" ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || {
  usage >&2
  exit 2
}
case $HOSTNAME_ in
  '' | *[!A-Za-z0-9.-]*) die "bad hostname '$HOSTNAME_'" ;;
esac
[ "$(id -u)" = 0 ] || die 'needs root (makes namespaces, mounts and cgroups)'
case $(pwd -P)/ in /tmp/* | /var/tmp/* | /run/* | /dev/shm/* | /var/lib/containers/*) keep . ;; esac
command -v unshare >/dev/null 2>&1 || die 'needs unshare (util-linux)'

# --- cgroups -----------------------------------------------------------------------------

# Prints "MOUNTPOINT FSTYPE OPTIONS BASE" for every mounted cgroup hierarchy (each once):
# OPTIONS are what `mount -o` needs to mount it again (the controllers or name=, "-" for v2),
# BASE is this shell's own cgroup there, relative to the mount.
hierarchies() {
  awk '
    FILENAME == "/proc/cgroups" { if ($1 !~ /^#/) ctrl[$1] = 1; next }
    FILENAME == "/proc/self/cgroup" {
      i = index($0, ":"); rest = substr($0, i + 1); j = index(rest, ":")
      ctrls = substr(rest, 1, j - 1); path = substr(rest, j + 1)
      if (ctrls == "") v2 = path
      else { n = split(ctrls, c, ","); for (k = 1; k <= n; k++) own[c[k]] = path }
      next
    }
    {
      for (s = 7; s <= NF && $s != "-"; s++) ;
      fstype = $(s + 1); sopts = $(s + 3); root = $4; mp = $5; opts = ""; path = ""; key = ""
      if (fstype == "cgroup2") { if (done2++) next; opts = "-"; path = v2 }
      else if (fstype == "cgroup") {
        n = split(sopts, o, ",")
        for (k = 1; k <= n; k++)
          if (o[k] in ctrl || o[k] ~ /^name=/) {
            opts = opts (opts == "" ? "" : ",") o[k]
            if (key == "" && o[k] in own) key = o[k]
          }
        if (opts == "" || seen[opts]++) next
        path = (key == "") ? "/" : own[key]
      } else next
      if (root != "/" && index(path, root) == 1) path = substr(path, length(root) + 1)
      if (path == "") path = "/"
      print mp, fstype, opts, path
    }' /proc/cgroups /proc/self/cgroup /proc/self/mountinfo
}

NODE_ID=nsviz-node-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
NODE_DIRS=
MOUNTS=
PROCS=

# The node's cgroup in each hierarchy: at the root of the hierarchy where that is writable, so
# no path of whoever runs this shows; below the caller's own cgroup otherwise. Either way the
# node's cgroup namespace is rooted there, so inside the node every path starts at /.
make_cgroups() {
  hierarchies >"$WORK/hierarchies"
  while read -r mp fstype opts base; do
    if [ -w "$mp" ] && mkdir "$mp/$NODE_ID" 2>/dev/null; then
      d=$mp/$NODE_ID
    else
      [ "$base" = / ] && base=
      d=$mp$base/$NODE_ID
      mkdir "$d" || die "cannot make cgroup $d"
    fi
    NODE_DIRS="$NODE_DIRS $d"
    # cpuset v1 refuses tasks in a cgroup whose cpus/mems are empty: inherit the parent's.
    for f in cpuset.cpus cpuset.mems; do
      if [ -f "$d/$f" ] && [ -z "$(cat "$d/$f")" ]; then cat "$(dirname "$d")/$f" >"$d/$f"; fi
    done
    PROCS="$PROCS $d/cgroup.procs"
    MOUNTS="$MOUNTS $fstype:$opts:$mp"
  done <"$WORK/hierarchies"
}

# Removes the node's cgroups and everything made below them, deepest first. A cgroup lingers
# briefly after its last task exits, so each is retried for a few seconds.
remove_cgroups() {
  for top in $NODE_DIRS; do
    [ -d "$top" ] || continue
    for d in $(find "$top" -depth -type d 2>/dev/null); do
      tries=0
      while [ -d "$d" ] && ! rmdir "$d" 2>/dev/null; do
        tries=$((tries + 1))
        if [ "$tries" -ge 100 ]; then
          printf 'isolated-node: could not remove cgroup %s\n' "$d" >&2
          break
        fi
        sleep 0.05
      done
    done
  done
}

# --- the node ----------------------------------------------------------------------------

# PID 1 first makes the node's mounts (in its own mount namespace: the host sees none of them),
# then becomes the node's init. Mount list: "fstype:options:mountpoint" words.
SETUP='set -eu
mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
mount -t tmpfs -o nosuid,nodev,noexec,mode=755 cgroup /sys/fs/cgroup
# Directories to keep wait in the new cgroup tmpfs while the empty ones are mounted over them.
i=0
for d in $NSVIZ_NODE_KEEP; do
  i=$((i + 1))
  mkdir -p "/sys/fs/cgroup/.keep/$i"
  mount --rbind "$d" "/sys/fs/cgroup/.keep/$i"
done
for m in $NSVIZ_NODE_MOUNTS; do
  fstype=${m%%:*} rest=${m#*:}
  opts=${rest%%:*} mp=${rest#*:}
  mkdir -p "$mp"
  if [ "$opts" = - ]; then mount -t "$fstype" -o nosuid,nodev,noexec cgroup2 "$mp"
  else mount -t "$fstype" -o "nosuid,nodev,noexec,$opts" cgroup "$mp"; fi
done
mount -t tmpfs -o nosuid,nodev,mode=755 run /run
mkdir -m 755 /run/lock
mount -t tmpfs -o nosuid,nodev,mode=1777 tmp /tmp
mount -t tmpfs -o nosuid,nodev,mode=1777 tmp /var/tmp
mount -t tmpfs -o nosuid,nodev,noexec,mode=1777 shm /dev/shm
for d in $NSVIZ_NODE_EMPTY; do
  if [ -d "$d" ]; then mount -t tmpfs -o mode=700 containers "$d"; fi
done
i=0
for d in $NSVIZ_NODE_KEEP; do
  i=$((i + 1))
  mkdir -p "$d"
  mount --move "/sys/fs/cgroup/.keep/$i" "$d"
  rmdir "/sys/fs/cgroup/.keep/$i"
done
if [ -d /sys/fs/cgroup/.keep ]; then rmdir /sys/fs/cgroup/.keep; fi
printf %s "$NSVIZ_NODE_HOSTNAME" >/proc/sys/kernel/hostname
if command -v ip >/dev/null 2>&1; then ip link set lo up; fi
init=$NSVIZ_NODE_INIT
unset NSVIZ_NODE_MOUNTS NSVIZ_NODE_HOSTNAME NSVIZ_NODE_INIT NSVIZ_NODE_KEEP NSVIZ_NODE_EMPTY PROCS
exec sh -c "$init" node-init "$@"'

# The node's init, as `ps` shows it: runs CMD in the foreground; while it waits it also reaps
# every orphan the node's processes leave to it (dash and bash wait for any child). When CMD
# exits, init exits with its status and the kernel ends every other process of the node.
INIT='"$@"; exit $?'

# The launcher moves itself into the node's cgroups, then becomes unshare: the node's init is
# in them from birth and its cgroup namespace is rooted there.
LAUNCH='for f in $PROCS; do echo $$ >"$f" || exit 125; done; exec "$@"'

# Container state the node gets empty and of its own: podman's storage and database, its
# network configs, CNI's address leases. podman makes the first two on its first run; were
# they missing, podman in the node would make them on the host, so they are made here (empty)
# and removed again afterwards if still empty.
EMPTY='/var/lib/containers /etc/containers/networks /var/lib/cni'
MADE=
make_missing() {
  command -v podman >/dev/null 2>&1 || return 0
  for d in /var/lib/containers /etc/containers/networks; do
    todo=
    while [ ! -d "$d" ]; do
      todo="$d $todo"
      d=$(dirname "$d")
    done
    for t in $todo; do
      mkdir -m 700 "$t"
      MADE="$t $MADE"
    done
  done
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nsviz-node.XXXXXX")
LAUNCHER=
cleanup() {
  if [ -n "$LAUNCHER" ] && kill -0 "$LAUNCHER" 2>/dev/null; then
    # unshare ignores INT and TERM while it waits: end the node by killing its init.
    for c in $(cat "/proc/$LAUNCHER/task/$LAUNCHER/children" 2>/dev/null); do
      kill -KILL "$c" 2>/dev/null || :
    done
    wait "$LAUNCHER" 2>/dev/null || :
  fi
  remove_cgroups
  for d in $MADE; do rmdir "$d" 2>/dev/null || :; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

make_cgroups
make_missing

# stdin of an asynchronous command would be /dev/null: pass the caller's on through fd 3.
exec 3<&0
PROCS=$PROCS NSVIZ_NODE_MOUNTS=$MOUNTS NSVIZ_NODE_HOSTNAME=$HOSTNAME_ NSVIZ_NODE_INIT=$INIT \
  NSVIZ_NODE_KEEP=$KEEP NSVIZ_NODE_EMPTY=$EMPTY \
  sh -c "$LAUNCH" sh \
  unshare --pid --mount --net --uts --ipc --cgroup --fork --kill-child --mount-proc \
  --propagation private sh -c "$SETUP" node-setup "$@" <&3 3<&- &
LAUNCHER=$!
exec 3<&-
rc=0
wait "$LAUNCHER" || rc=$?
LAUNCHER=
exit "$rc"
