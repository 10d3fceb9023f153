#!/bin/sh
# A real podman pod (infra container + httpd + sleep) to record runtime outputs from.
#
#   podman-pod.sh up NAME [--share net,ipc,uts,pid | --network host | <other pod create flags>]
#   podman-pod.sh record NAME OUTDIR [--no-raw]
#   podman-pod.sh down NAME
#
# Needs root, podman (4.x), crun, catatonit and busybox-static. No registry is used: the
# container image is imported from the host's static busybox, and podman builds its own pause
# image locally. `up` on an existing pod replaces it (so the flags given are the ones in force);
# `down` on a missing pod succeeds. Only the pod named NAME, its containers and the image this
# script imports are ever removed. `record` writes record.txt (scripts/nsviz-record.sh, run now),
# truth.json (read from /proc and podman right after it) and, unless --no-raw, podman's own
# outputs with the /proc state of each container. See README.md beside this file.
set -eu

IMAGE=localhost/nsviz-busybox:latest
SELF_DIR=$(cd "$(dirname "$0")" && pwd)
RECORDER=$SELF_DIR/../nsviz-record.sh

die() {
  echo "podman-pod.sh: $*" >&2
  exit 2
}

usage() {
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Scratch space for this invocation only (image rootfs, containers.conf copy); always removed.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nsviz-podman.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# Host quirk 1: crun refuses hybrid cgroups while a controller is still enabled on the v2
# hierarchy. Binding each such controller to its own v1 hierarchy takes it off the v2 side.
fix_hybrid_cgroups() {
  unified=/sys/fs/cgroup/unified/cgroup.controllers
  [ -r "$unified" ] || return 0
  for ctl in $(cat "$unified"); do
    dir=/sys/fs/cgroup/$ctl
    if ! grep -q " $dir cgroup " /proc/self/mounts; then
      mkdir -p "$dir"
      mount -t cgroup -o "$ctl" cgroup "$dir"
    fi
  done
}

# Host quirk 2: podman's default ulimits exceed this host's hard limits, so crun's setrlimit
# fails. Use a copy of containers.conf whose defaults stay within `ulimit -Hn` and pid_max.
write_containers_conf() {
  nofile=$(ulimit -Hn)
  [ "$nofile" = unlimited ] && nofile=1048576
  # nproc: at most pid_max (per pid namespace since Linux 6.14) and the hard limit, which
  # only CAP_SYS_RESOURCE could raise. dash has no `ulimit -u`: read /proc/self/limits.
  nproc=$(cat /proc/sys/kernel/pid_max)
  hard=$(awk '/^Max processes/ { print $4 }' /proc/self/limits 2>/dev/null)
  case $hard in '' | *[!0-9]*) ;; *) [ "$hard" -lt "$nproc" ] && nproc=$hard ;; esac
  conf=$WORK/containers.conf
  if [ -r /usr/share/containers/containers.conf ]; then
    # Drop any active default_ulimits line; ours goes into the [containers] table below.
    grep -v '^[[:space:]]*default_ulimits' /usr/share/containers/containers.conf |
      sed "s/^\[containers\][[:space:]]*\$/[containers]\ndefault_ulimits = [\"nofile=$nofile:$nofile\", \"nproc=$nproc:$nproc\"]/" \
        >"$conf"
  fi
  if ! grep -q '^default_ulimits' "$conf" 2>/dev/null; then
    printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' \
      "$nofile" "$nofile" "$nproc" "$nproc" >>"$conf"
  fi
  CONTAINERS_CONF=$conf
  export CONTAINERS_CONF
}

# A rootfs of busybox-static plus applet symlinks and an httpd document root.
build_image() {
  pm image exists "$IMAGE" && return 0
  bb=$(command -v busybox) || die "busybox-static is not installed"
  root=$WORK/rootfs
  mkdir -p "$root/bin" "$root/www" "$root/tmp" "$root/etc"
  cp "$bb" "$root/bin/busybox"
  for applet in $("$bb" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'nsviz test bed' >"$root/www/index.html"
  echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  tar -C "$root" -c . | pm import --quiet - "$IMAGE" >/dev/null
}

# Concurrent runs share the image: hold a lock from building it until the containers run, and
# while deciding to remove it, so one run's `down` cannot delete it under another's `up`.
lock_image() {
  command -v flock >/dev/null 2>&1 || return 0
  dir=/run/lock
  [ -d "$dir" ] && [ -w "$dir" ] || dir=${TMPDIR:-/tmp}
  exec 9>"$dir/nsviz-podman-pod.lock"
  flock -w 300 9 || die "another podman-pod.sh held $dir/nsviz-podman-pod.lock for 5 minutes"
}

# Every podman call goes through here: podman leaves conmon daemons behind, and they must not
# inherit the lock descriptor, or the lock would outlive this script.
pm() {
  podman "$@" 9>&-
}

pod_exists() {
  pm pod exists "$1"
}

cmd_up() {
  name=$1
  shift
  fix_hybrid_cgroups
  write_containers_conf
  lock_image
  build_image
  pod_exists "$name" && pm pod rm -f -t 0 "$name" >/dev/null
  pm pod create --name "$name" "$@" >/dev/null
  pm pod start "$name" >/dev/null
  pm run -d --pod "$name" --pull=never --name "$name-httpd" "$IMAGE" \
    httpd -f -p 8080 -h /www >/dev/null
  pm run -d --pod "$name" --pull=never --name "$name-sleep" "$IMAGE" \
    sleep 86400 >/dev/null
  pm pod inspect --format '{{.Id}}' "$name"
}

# truth.json for a running pod, read from /proc and `podman inspect` at this moment: the same
# shape as unshare-pod.sh's, with kind podman-pod, the pod id instead of a uid, conmon
# processes as role "conmon" with no container, and "cgroup": the path of the first cgroup line
# that names the pod (conmon sits in <pod>/conmon in some hierarchies only).
write_truth() (
  pod=$1
  podid=$(pm pod inspect --format '{{.Id}}' "$pod")
  ns() { # the eight namespace inodes of pid $1 as a JSON object
    s=
    printf '{'
    for t in cgroup ipc mnt net pid time user uts; do
      printf '%s"%s": %s' "$s" "$t" "$(stat -L -c %i "/proc/$1/ns/$t" 2>/dev/null || echo null)"
      s=', '
    done
    printf '}'
  }
  one() { stat -L -c %i "/proc/$1/ns/$2" 2>/dev/null || echo null; }
  tf() { if [ "$1" = "$2" ]; then echo true; else echo false; fi; }
  infra=$(pm pod inspect --format '{{.InfraContainerID}}' "$pod")
  share=$(pm pod inspect --format '{{.SharedNamespaces}}' "$pod")
  netmode=$(pm inspect --format '{{.HostConfig.NetworkMode}}' "$infra")
  ip=$(pm inspect --format '{{.NetworkSettings.IPAddress}}' "$infra")
  printf '{\n  "kind": "podman-pod",\n  "name": "%s",\n  "capturedAt": "%s",\n' "$pod" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "hostname": "%s",\n  "kernel": "%s",\n' "$(uname -n)" "$(uname -r)"
  printf '  "options": {"sharePid": %s, "hostNetwork": %s, "sharedNamespaces": "%s"},\n' \
    "$(case $share in *pid*) echo true ;; *) echo false ;; esac)" "$(tf "$netmode" host)" "$share"
  printf '  "pod": {"id": "%s", "name": "%s", "ip": %s},\n' "$podid" "$pod" \
    "$(if [ -n "$ip" ]; then printf '"%s"' "$ip"; else echo null; fi)"
  # The namespaces of the recording shell: the host's (or the isolated node's).
  printf '  "host": {"pid": %s, "namespaces": %s},\n' "$$" "$(ns $$)"
  # Sandbox first, then the others by name.
  list=$(for id in $(pm ps -a -q --no-trunc --filter "pod=$podid"); do
    pm inspect --format '{{.IsInfra}} {{.Name}} {{.Id}} {{.State.Pid}}' "$id"
  done | sort -k1,1r -k2,2)
  printf '  "containers": [\n'
  s=
  printf '%s\n' "$list" | while read -r isinfra name id pid; do
    printf '%s    {"id": "%s", "name": "%s", "sandbox": %s, "mainPid": %s}' "$s" "$id" "$name" "$isinfra" "$pid"
    s=',
'
  done
  printf '\n  ],\n  "processes": [\n'
  s=
  for f in $(grep -l -F "$podid" /proc/[0-9]*/cgroup 2>/dev/null | sort -t/ -k3,3n); do
    p=${f#/proc/}
    p=${p%/cgroup}
    cg=$(sed -n 's/^0:://p' "$f" 2>/dev/null) || continue
    podcg=$(grep -m1 -F "$podid" "$f" | cut -d: -f3-)
    cid= cname= isinfra=false role=other
    case $podcg in
      */conmon) role=conmon ;;
      */libpod-*) cid=${podcg##*/libpod-} cid=${cid%%/*} ;;
    esac
    if [ -n "$cid" ]; then
      line=$(printf '%s\n' "$list" | grep " $cid ")
      # shellcheck disable=SC2086 # one word per field
      set -- $line
      isinfra=$1 cname=$2
      [ "$4" = "$p" ] && role=main
    fi
    printf '%s    {"pid": %s, "ppid": %s, "comm": "%s", "role": "%s", "container": %s, "containerName": %s, "pod": "%s", "sandbox": %s,\n' \
      "$s" "$p" "$(sed 's/.*) //' "/proc/$p/stat" | awk '{ print $2 }')" "$(cat "/proc/$p/comm")" "$role" \
      "$(if [ -n "$cid" ]; then printf '"%s"' "$cid"; else echo null; fi)" \
      "$(if [ -n "$cname" ]; then printf '"%s"' "$cname"; else echo null; fi)" "$podid" "$isinfra"
    printf '     "namespaces": %s, "pid_for_children": %s, "time_for_children": %s,\n     "cgroup": "%s", "cgroupV2": "%s"}' \
      "$(ns "$p")" "$(one "$p" pid_for_children)" "$(one "$p" time_for_children)" "$podcg" "$cg"
    s=',
'
  done
  printf '\n  ]\n}\n'
)

cmd_record() {
  name=$1
  out=$2
  raw=1
  if [ $# -ge 3 ]; then
    [ "$3" = --no-raw ] || usage
    raw=0
  fi
  pod_exists "$name" || die "no pod named $name (run: $0 up $name)"
  mkdir -p "$out"
  # The recorder first, then the truth right after it: the state both describe is the same.
  sh -s <"$RECORDER" >"$out/record.txt"
  write_truth "$name" >"$out/truth.json"
  [ "$raw" = 1 ] || return 0
  pm version --format '{{.Client.Version}}' >"$out/podman-version.txt"
  pm ps --pod -a --filter "pod=$name" --format json >"$out/podman-ps.json"
  pm ps --pod -a --ns --filter "pod=$name" --format json >"$out/podman-ps-ns.json"
  pm pod inspect "$name" >"$out/podman-pod-inspect.json"
  ids=$(pm ps -a -q --no-trunc --filter "pod=$name")
  # shellcheck disable=SC2086 # one argument per id
  pm inspect $ids >"$out/podman-inspect.json"
  # The /proc truth the parsers are checked against, and which pid belongs to which container.
  # host-ns.txt is this shell's own view, i.e. the host's namespaces (for --network host).
  ls -l /proc/self/ns >"$out/host-ns.txt"
  : >"$out/containers.tsv"
  for id in $ids; do
    pm inspect --format '{{.Id}}	{{.State.Pid}}	{{.Name}}	{{.IsInfra}}' "$id" >>"$out/containers.tsv"
  done
  while IFS='	' read -r id pid cname infra; do
    [ "$pid" -gt 0 ] || continue
    ls -l "/proc/$pid/ns" >"$out/proc-$pid-ns.txt"
    cat "/proc/$pid/cgroup" >"$out/proc-$pid-cgroup.txt"
  done <"$out/containers.tsv"
}

cmd_down() {
  name=$1
  if pod_exists "$name"; then
    pm pod rm -f -t 0 "$name" >/dev/null
  fi
  # The image is ours; keep it while any other container still uses it.
  lock_image
  if pm image exists "$IMAGE" && [ -z "$(pm ps -a -q --filter "ancestor=$IMAGE")" ]; then
    pm rmi "$IMAGE" >/dev/null 2>&1 || true
  fi
}

[ $# -ge 2 ] || usage
action=$1
shift
case $action in
up) cmd_up "$@" ;;
record)
  [ $# -eq 2 ] || [ $# -eq 3 ] || usage
  cmd_record "$@"
  ;;
down)
  [ $# -eq 1 ] || usage
  cmd_down "$1"
  ;;
*) usage ;;
esac
