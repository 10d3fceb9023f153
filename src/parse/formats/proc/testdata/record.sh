#!/bin/bash
# Records the real outputs that the proc parsers read, from a small pod-like topology built with
# unshare/nsenter, and writes the ground truth captured at the same time (truth.json).
#
#   pod "web": pause + nginx (own mnt/pid/cgroup ns) + netshoot (own mnt/pid ns)
#   pod "db":  pause (own pid ns) + app sharing the pause pid ns (shareProcessNamespace)
#   a veth pair joins the two pod net namespaces: 10.99.0.2/24 (web) and 10.99.0.3/24 (db)
#
# Usage (root): record.sh OUTDIR. Ends only the processes it started and removes the cgroup
# directories it created. Needs util-linux, procps, iproute2, coreutils; busybox is optional.
set -u
OUT=${1:?usage: record.sh OUTDIR}
mkdir -p "$OUT"
CG=/sys/fs/cgroup
# v1 hierarchies that accept tasks without extra setup, and the v2 tree of a hybrid host. The
# memory hierarchy is left alone on purpose: the recorder's own limits live there.
HIER=""
for h in systemd cpu cpuacct pids blkio devices freezer unified; do
  [ -e "$CG/$h/cgroup.procs" ] && HIER="$HIER $CG/$h"
done
export HIER
STARTED=() # every PID this script started, newest last
MADE=()    # every cgroup directory this script created, parents first

cleanup() {
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do kill "${STARTED[i]}" 2>/dev/null; done
  sleep 0.5
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do kill -9 "${STARTED[i]}" 2>/dev/null; done
  sleep 0.5
  # A killed pid namespace takes a moment to release its cgroups: retry the removal.
  local try
  for try in 1 2 3 4 5 6 7 8 9 10; do
    for ((i = ${#MADE[@]} - 1; i >= 0; i--)); do
      [ -d "${MADE[i]}" ] && rmdir "${MADE[i]}" 2>/dev/null
    done
    for ((i = 0; i < ${#MADE[@]}; i++)); do [ -d "${MADE[i]}" ] && break; done
    [ "$i" -eq "${#MADE[@]}" ] && return
    sleep 0.5
  done
  echo "could not remove: ${MADE[*]}" >&2
}
trap cleanup EXIT
# No job-control chatter when the topology is torn down.
set +m

hex64() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }
uuid() { cat /proc/sys/kernel/random/uuid; }
mkcg() { # mkcg REL: creates REL in every hierarchy, remembering what did not exist before
  local h d part
  for h in $HIER; do
    d=$h
    for part in ${1//\// }; do
      d=$d/$part
      if [ ! -d "$d" ]; then mkdir "$d" && MADE+=("$d"); fi
    done
  done
}
child_of() { # child_of PID: waits for the first child of PID and prints it
  local c i
  for i in $(seq 1 100); do
    c=$(pgrep -P "$1" | head -1)
    [ -n "$c" ] && { echo "$c"; return; }
    sleep 0.05
  done
}
# launch REL CMD...: runs CMD in background after moving itself into cgroup REL everywhere.
launch() {
  local rel=$1
  shift
  mkcg "$rel"
  sh -c 'rel=$1; shift; for h in $HIER; do echo $$ >"$h/$rel/cgroup.procs"; done; exec "$@"' \
    sh "$rel" "$@" &
  LAST=$!
  STARTED+=("$LAST")
}

POD_WEB=$(uuid)
POD_DB=$(uuid)
SLICE=kubepods.slice/kubepods-besteffort.slice
WEB=$SLICE/kubepods-besteffort-pod${POD_WEB//-/_}.slice
DB=$SLICE/kubepods-besteffort-pod${POD_DB//-/_}.slice
C_WEB_PAUSE=$(hex64) C_NGINX=$(hex64) C_NETSHOOT=$(hex64) C_DB_PAUSE=$(hex64) C_DB_APP=$(hex64)

launch "$WEB/cri-containerd-$C_WEB_PAUSE.scope" unshare --net --ipc --uts --fork \
  bash -c 'exec -a /pause sleep infinity'
WEB_PAUSE_WRAP=$LAST
WEB_PAUSE=$(child_of "$WEB_PAUSE_WRAP")
STARTED+=("$WEB_PAUSE")

launch "$WEB/cri-containerd-$C_NGINX.scope" nsenter --target "$WEB_PAUSE" --net --ipc --uts \
  unshare --cgroup --mount --pid --fork --mount-proc bash -c 'exec -a nginx sleep infinity'
NGINX_WRAP=$LAST
NGINX=$(child_of "$NGINX_WRAP")
STARTED+=("$NGINX")

launch "$WEB/cri-containerd-$C_NETSHOOT.scope" nsenter --target "$WEB_PAUSE" --net --ipc --uts \
  unshare --mount --pid --fork --mount-proc bash -c 'exec -a netshoot sleep infinity'
NETSHOOT_WRAP=$LAST
NETSHOOT=$(child_of "$NETSHOOT_WRAP")
STARTED+=("$NETSHOOT")

launch "$DB/cri-containerd-$C_DB_PAUSE.scope" unshare --net --ipc --uts --pid --mount --fork \
  --mount-proc bash -c 'exec -a /pause sleep infinity'
DB_PAUSE_WRAP=$LAST
DB_PAUSE=$(child_of "$DB_PAUSE_WRAP")
STARTED+=("$DB_PAUSE")

# nsenter forks when it enters a pid namespace: the app is nsenter's child.
launch "$DB/cri-containerd-$C_DB_APP.scope" nsenter --target "$DB_PAUSE" --net --ipc --uts --pid \
  unshare --mount bash -c 'exec -a redis-server sleep infinity'
DB_APP_WRAP=$LAST
DB_APP=$(child_of "$DB_APP_WRAP")
STARTED+=("$DB_APP")

# Pod networking, only inside the namespaces created above.
nsenter -t "$WEB_PAUSE" -n ip link set lo up
nsenter -t "$DB_PAUSE" -n ip link set lo up
nsenter -t "$WEB_PAUSE" -n ip link add eth0 address 02:42:0a:63:00:02 type veth \
  peer name eth0 address 02:42:0a:63:00:03 netns "$DB_PAUSE"
nsenter -t "$WEB_PAUSE" -n ip addr add 10.99.0.2/24 dev eth0
nsenter -t "$DB_PAUSE" -n ip addr add 10.99.0.3/24 dev eth0
nsenter -t "$WEB_PAUSE" -n ip link set eth0 up
nsenter -t "$DB_PAUSE" -n ip link set eth0 up
sleep 2.5 # let IPv6 duplicate address detection finish

MINE="$WEB_PAUSE_WRAP $WEB_PAUSE $NGINX_WRAP $NGINX $NETSHOOT_WRAP $NETSHOOT $DB_PAUSE_WRAP $DB_PAUSE $DB_APP_WRAP $DB_APP"
LIST=$(echo 2 $MINE | tr ' ' ',') # 2 = kthreadd, a kernel thread in [brackets]
TYPES="cgroup ipc mnt net pid pid_for_children time time_for_children user uts"
# Read cgroup files from a cgroup namespace rooted at the recorder's own cgroups: paths of the
# topology are unchanged, and the recorder's own placement does not leak into the recordings.
R="unshare --cgroup"

# ---- ground truth (links read one by one, same moment) ----
{
  echo '{'
  echo "  \"pods\": {\"web\": \"$POD_WEB\", \"db\": \"$POD_DB\"},"
  echo "  \"roles\": {\"webPauseWrap\": $WEB_PAUSE_WRAP, \"webPause\": $WEB_PAUSE, \"nginxWrap\": $NGINX_WRAP, \"nginx\": $NGINX, \"netshootWrap\": $NETSHOOT_WRAP, \"netshoot\": $NETSHOOT, \"dbPauseWrap\": $DB_PAUSE_WRAP, \"dbPause\": $DB_PAUSE, \"dbAppWrap\": $DB_APP_WRAP, \"dbApp\": $DB_APP},"
  echo '  "processes": {'
  sep=''
  for p in $MINE; do
    printf '%s    "%s": {"ppid": %s, "uid": %s, "links": {' "$sep" "$p" \
      "$(awk '{print $4}' /proc/$p/stat)" "$(awk '/^Uid:/{print $2}' /proc/$p/status)"
    s2=''
    for t in $TYPES; do
      v=$(readlink /proc/$p/ns/$t)
      v=${v#*[}
      printf '%s"%s": %s' "$s2" "$t" "${v%]}"
      s2=', '
    done
    printf '}, "cgroup": "%s"}' "$($R cat /proc/$p/cgroup | sed -n 's/^0:://p')"
    sep=$',\n'
  done
  printf '\n  }\n}\n'
} >"$OUT/truth.json"

# ---- recordings (stdout and stderr, as a pasted terminal would show) ----
rec() { # rec FILE CMD...
  local f=$1
  shift
  "$@" >"$OUT/$f" 2>&1
}
P=$WEB_PAUSE
rec ls-l.txt ls -l /proc/$P/ns
script -q -c "ls -l /proc/$P/ns" /dev/null >"$OUT/ls-l-terminal.txt"
rec ls-la.txt ls -la /proc/$NGINX_WRAP/ns
rec ls-l-net.txt ls -l /proc/$P/ns/net /proc/$NGINX/ns/pid_for_children
rec ls-l-denied.txt setpriv --reuid 65534 --regid 65534 --clear-groups ls -l /proc/$P/ns
rec ls-l-all.txt sh -c 'ls -l /proc/[0-9]*/ns'
rec readlink.txt sh -c "readlink /proc/$NGINX_WRAP/ns/*"
rec readlink-net.txt readlink /proc/$P/ns/net
rec stat.txt sh -c "stat -L -c '%n %i' /proc/$NGINX_WRAP/ns/*"
rec stat-bare.txt sh -c "stat -L -c %i /proc/$DB_APP/ns/*"
rec stat-bare-net.txt stat -L -c %i /proc/$P/ns/net
rec stat-all.txt sh -c "stat -L -c '%n %i' /proc/[0-9]*/ns/*"
rec ls-self-nsenter.txt nsenter -t $NGINX -a ls -l /proc/self/ns
rec cgroup.txt $R cat /proc/$NGINX/cgroup
rec cgroup-inside.txt nsenter -t $NGINX -C cat /proc/self/cgroup
rec cgroup-relative.txt nsenter -t $NGINX -C cat /proc/$WEB_PAUSE/cgroup
rec cgroup-grep.txt $R grep -H '' $(for p in $MINE; do echo /proc/$p/cgroup; done)
rec status-grep.txt grep -H -E '^(Name|PPid|Uid|NSpid|NStgid):' \
  $(for p in $MINE; do echo /proc/$p/status; done)
rec status.txt cat /proc/$DB_APP/status
rec ps-ef.txt ps -f -p $LIST
rec ps-aux.txt ps u -p $LIST
rec ps-eo-ns.txt ps -o pid,ppid,uid,user,pidns,netns,ipcns,utsns,mntns,userns,cgroupns,args -p $LIST
rec ps-eo-comm.txt ps -o pid,comm,netns,args -p $LIST
rec ps-ef-forest.txt ps -f --forest -p $LIST
rec ps-auxf.txt ps uf -p $LIST
rec ps-ef-inside.txt nsenter -t $NGINX -a ps -ef
rec ps-aux-inside.txt nsenter -t $DB_PAUSE -a ps aux
rec ip-addr.txt nsenter -t $P -n ip addr
rec ip-addr-eth0.txt nsenter -t $P -n ip addr show eth0
rec ip-j.txt nsenter -t $P -n ip -j addr
rec ip-j-p.txt nsenter -t $P -n ip -j -p addr
rec ip-o.txt nsenter -t $P -n ip -o addr
rec ip-br.txt nsenter -t $P -n ip -br addr
rec ip-br-link.txt nsenter -t $P -n ip -br link
rec ip-addr-db.txt nsenter -t $DB_APP -n ip addr
if command -v busybox >/dev/null; then
  rec busybox-ls.txt busybox ls -l /proc/$P/ns
  rec busybox-ps.txt nsenter -t $DB_PAUSE -a busybox ps
  rec busybox-ip.txt nsenter -t $P -n busybox ip addr
fi
# Which command printed each file, the PID it describes, and the wrapper it ran in.
cat >"$OUT/recordings.json" <<JSON
{
  "ls-l.txt": {"argv": ["ls", "-l", "/proc/$P/ns"]},
  "ls-l-terminal.txt": {"argv": ["ls", "-l", "/proc/$P/ns"]},
  "ls-la.txt": {"argv": ["ls", "-la", "/proc/$NGINX_WRAP/ns"]},
  "ls-l-net.txt": {"argv": ["ls", "-l", "/proc/$P/ns/net", "/proc/$NGINX/ns/pid_for_children"]},
  "ls-l-denied.txt": {"argv": ["ls", "-l", "/proc/$P/ns"]},
  "ls-l-all.txt": {"argv": ["ls", "-l", "/proc/[0-9]*/ns"]},
  "readlink.txt": {"argv": ["readlink", "/proc/$NGINX_WRAP/ns/*"]},
  "readlink-net.txt": {"argv": ["readlink", "/proc/$P/ns/net"]},
  "stat.txt": {"argv": ["stat", "-L", "-c", "%n %i", "/proc/$NGINX_WRAP/ns/*"]},
  "stat-bare.txt": {"argv": ["stat", "-L", "-c", "%i", "/proc/$DB_APP/ns/*"]},
  "stat-bare-net.txt": {"argv": ["stat", "-L", "-c", "%i", "/proc/$P/ns/net"]},
  "stat-all.txt": {"argv": ["stat", "-L", "-c", "%n %i", "/proc/[0-9]*/ns/*"]},
  "ls-self-nsenter.txt": {"argv": ["ls", "-l", "/proc/self/ns"], "pid": $NGINX, "via": {"tool": "nsenter", "target": "$NGINX"}},
  "cgroup.txt": {"argv": ["cat", "/proc/$NGINX/cgroup"]},
  "cgroup-inside.txt": {"argv": ["cat", "/proc/self/cgroup"], "pid": $NGINX, "via": {"tool": "nsenter", "target": "$NGINX"}},
  "cgroup-relative.txt": {"argv": ["cat", "/proc/$WEB_PAUSE/cgroup"]},
  "cgroup-grep.txt": {"argv": ["grep", "-H", "", "/proc/[0-9]*/cgroup"]},
  "status-grep.txt": {"argv": ["grep", "-H", "-E", "^(Name|PPid|Uid|NSpid|NStgid):", "/proc/[0-9]*/status"]},
  "status.txt": {"argv": ["cat", "/proc/$DB_APP/status"]},
  "ps-ef.txt": {"argv": ["ps", "-ef"]},
  "ps-aux.txt": {"argv": ["ps", "aux"]},
  "ps-eo-ns.txt": {"argv": ["ps", "-eo", "pid,ppid,uid,user,pidns,netns,ipcns,utsns,mntns,userns,cgroupns,args"]},
  "ps-eo-comm.txt": {"argv": ["ps", "-eo", "pid,comm,netns,args"]},
  "ps-ef-forest.txt": {"argv": ["ps", "-ef", "--forest"]},
  "ps-auxf.txt": {"argv": ["ps", "auxf"]},
  "ps-ef-inside.txt": {"argv": ["ps", "-ef"], "via": {"tool": "nsenter", "target": "$NGINX"}},
  "ps-aux-inside.txt": {"argv": ["ps", "aux"], "via": {"tool": "nsenter", "target": "$DB_PAUSE"}},
  "ip-addr.txt": {"argv": ["ip", "addr"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}},
  "ip-addr-eth0.txt": {"argv": ["ip", "addr", "show", "eth0"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}},
  "ip-j.txt": {"argv": ["ip", "-j", "addr"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}},
  "ip-j-p.txt": {"argv": ["ip", "-j", "-p", "addr"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}},
  "ip-o.txt": {"argv": ["ip", "-o", "addr"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}},
  "ip-br.txt": {"argv": ["ip", "-br", "addr"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}},
  "ip-br-link.txt": {"argv": ["ip", "-br", "link"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}},
  "ip-addr-db.txt": {"argv": ["ip", "addr"], "pid": $DB_APP, "via": {"tool": "nsenter", "target": "$DB_APP"}},
  "busybox-ls.txt": {"argv": ["busybox", "ls", "-l", "/proc/$P/ns"]},
  "busybox-ps.txt": {"argv": ["busybox", "ps"], "via": {"tool": "nsenter", "target": "$DB_PAUSE"}},
  "busybox-ip.txt": {"argv": ["busybox", "ip", "addr"], "pid": $P, "via": {"tool": "nsenter", "target": "$P"}}
}
JSON
# The two host-wide listings are large and repetitive: the tests read them gzipped.
gzip -9 -f "$OUT/ls-l-all.txt" "$OUT/stat-all.txt"
echo "recorded into $OUT"
