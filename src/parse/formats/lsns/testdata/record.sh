#!/bin/sh
# Re-records the real lsns outputs in this directory (run as root on a Linux host with
# util-linux, iproute2 and script(1)). It builds a small pod-like topology, records every
# lsns variant plus the /proc ground truth, then removes everything it created.
#
#   pause     unshare --net --ipc --uts --fork sleep infinity            (the sandbox)
#   app1      nsenter -t <pause> --net --ipc --uts unshare --mount --pid --fork --mount-proc sleep infinity
#   app2      same, plus --cgroup (a private cgroup namespace, as on cgroup v2 nodes)
#   rootless  unshare --user --map-root-user --net --fork sleep infinity (a user-ns-owned netns)
#   netns     ip netns add nsviztest; ip netns exec nsviztest sleep infinity
#             ip netns attach nsviztest-pod <pause>; ip netns attach nsviztest-pod2 <pause>
#
# Output: <version>-<options>.{txt,json}, <version>.truth.json (pid -> namespaces, read from
# /proc right after the recordings) and <version>.recordings.json (file -> argv).
set -eu
cd "$(dirname "$0")"
V=$(lsns --version | sed 's/.* //')
STARTED=""

children() { cat "/proc/$1/task/$1/children" 2>/dev/null || true; }
wait_child() { # waits until $1 has a child, prints it
  i=0
  while [ -z "$(children "$1")" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  children "$1" | awk '{print $1}'
}

cleanup() {
  for p in $STARTED; do kill -KILL "$p" 2>/dev/null || true; done
  ip netns del nsviztest-pod2 2>/dev/null || true
  ip netns del nsviztest-pod 2>/dev/null || true
  ip netns del nsviztest 2>/dev/null || true
}
trap cleanup EXIT

unshare --net --ipc --uts --fork sleep infinity &
PAUSE_WRAP=$!
PAUSE=$(wait_child $PAUSE_WRAP)
STARTED="$PAUSE $PAUSE_WRAP"

nsenter --target "$PAUSE" --net --ipc --uts unshare --mount --pid --fork --mount-proc sleep infinity &
APP1_WRAP=$!
APP1=$(wait_child $APP1_WRAP)
STARTED="$APP1 $APP1_WRAP $STARTED"

nsenter --target "$PAUSE" --net --ipc --uts unshare --mount --pid --cgroup --fork --mount-proc sleep 86400 &
APP2_WRAP=$!
APP2=$(wait_child $APP2_WRAP)
STARTED="$APP2 $APP2_WRAP $STARTED"

unshare --user --map-root-user --net --fork sleep infinity &
ROOTLESS_WRAP=$!
ROOTLESS=$(wait_child $ROOTLESS_WRAP)
STARTED="$ROOTLESS $ROOTLESS_WRAP $STARTED"

ip netns add nsviztest
ip netns set nsviztest auto
ip netns exec nsviztest sleep infinity &
NETNS_SLEEP=$!
STARTED="$NETNS_SLEEP $STARTED"
ip netns attach nsviztest-pod "$PAUSE"
ip netns attach nsviztest-pod2 "$PAUSE"
ip netns set nsviztest-pod auto
sleep 0.5

PAUSE_NET=$(stat -L -c %i "/proc/$PAUSE/ns/net")

truth() { # pid -> {ppid, uid, ns}; unreadable links are left out
  printf '{\n'
  first=1
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    st=$(cat "$d/stat" 2>/dev/null) || continue
    ppid=$(printf '%s' "$st" | sed 's/.*) //' | awk '{print $2}')
    uid=$(awk '/^Uid:/ {print $2}' "$d/status" 2>/dev/null) || continue
    ns=""
    for t in cgroup ipc mnt net pid pid_for_children time time_for_children user uts; do
      l=$(readlink "$d/ns/$t" 2>/dev/null) || continue
      i=${l#*[}
      ns="$ns\"$t\":${i%]},"
    done
    [ $first -eq 1 ] || printf ',\n'
    first=0
    printf '"%s":{"ppid":%s,"uid":%s,"ns":{%s}}' "$p" "$ppid" "$uid" "${ns%,}"
  done
  printf '\n}\n'
}

MANIFEST=""
rec() { # rec FILE ENV ARGV...
  f=$1 e=$2
  shift 2
  if [ -n "$e" ]; then env "$e" "$@" >"$V-$f" 2>&1 || true; else "$@" >"$V-$f" 2>&1 || true; fi
  args=""
  for a in "$@"; do args="$args\"$a\", "; done
  envj=""
  [ -z "$e" ] || envj=", \"env\": \"$e\""
  MANIFEST="$MANIFEST  {\"file\": \"$V-$f\", \"argv\": [${args%, }]$envj},
"
}

rec default.txt "" lsns
rec l.txt "" lsns -l
rec r.txt "" lsns -r
rec r-t-net.txt "" lsns -r -t net
rec r-n.txt "" lsns -r -n
rec r-tree-owner.txt "" lsns -r -Towner
rec n.txt "" lsns -n
rec o-columns.txt "" lsns -o NS,TYPE,PATH,NPROCS,PID,PPID,COMMAND,UID,USER,NETNSID,NSFS,PNS,ONS
rec o-plus-path.txt "" lsns -o +PATH
rec output-all.txt "" lsns --output-all
rec tree-owner.txt "" lsns -Towner
rec tree-parent.txt "" lsns --tree=parent
rec json.json "" lsns -J
rec json-l.json "" lsns -J -l
rec json-output-all.json "" lsns -J --output-all
rec json-t-net.json "" lsns -J -t net
rec json-tree-owner.json "" lsns -J -Towner
rec json-tree-parent.json "" lsns -J --tree=parent
rec n-o.txt "" lsns -n -o NS,TYPE,PID,PPID,COMMAND
rec p.txt "" lsns -p "$APP1"
rec json-p.json "" lsns -J -p "$APP1"
rec inode.txt "" lsns "$PAUSE_NET"
rec inode-json.json "" lsns -J "$PAUSE_NET"
rec inode-t-net.txt "" lsns -t net "$PAUSE_NET"
rec t-net.txt "" lsns -t net
rec t-net-W.txt "" lsns -t net -W
rec t-net-n.txt "" lsns -n -t net
rec ascii.txt LC_ALL=C lsns
rec ascii-tree-parent.txt LC_ALL=C lsns --tree=parent
# A terminal: CRLF line ends and COMMAND cut at 80 columns.
script -q -c 'stty cols 80; lsns' /dev/null >"$V-terminal.txt"
MANIFEST="$MANIFEST  {\"file\": \"$V-terminal.txt\", \"argv\": [\"lsns\"], \"terminal\": 80},
"

# Taken right after the recordings: the topology's processes are stable, while host-side
# processes (and so the host rows' NPROCS) come and go between commands.
truth >"/tmp/nsviz-truth.$$"
{
  printf '{\n"util-linux": "%s",\n' "$V"
  printf '"topology": {"pauseWrapper": %s, "pause": %s, "app1Wrapper": %s, "app1": %s, "app2Wrapper": %s, "app2": %s, "rootlessWrapper": %s, "rootless": %s, "netnsSleep": %s, "pauseNet": %s},\n' \
    "$PAUSE_WRAP" "$PAUSE" "$APP1_WRAP" "$APP1" "$APP2_WRAP" "$APP2" "$ROOTLESS_WRAP" "$ROOTLESS" "$NETNS_SLEEP" "$PAUSE_NET"
  printf '"processes": '
  cat "/tmp/nsviz-truth.$$"
  printf '}\n'
} >"$V.truth.json"
rm -f "/tmp/nsviz-truth.$$"
printf '[\n%s]\n' "${MANIFEST%,
}
" >"$V.recordings.json"
echo "recorded util-linux $V"
