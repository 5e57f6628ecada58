#!/usr/bin/env bash
# A throw-away single-node SLURM cluster for tests (Debian slurm-wlm 22.05 + munge), no systemd.
#   cluster.sh start DIR   -> starts munged, slurmctld, slurmd with state under DIR; prints SLURM_CONF=...
#   cluster.sh stop DIR    -> cancels jobs, stops the daemons started from DIR and their job steps
# Every daemon is started with MOLSCREEN_SLURM_CLUSTER=DIR in its environment, so that `stop` finds
# exactly the processes this cluster started (slurmstepd detaches from slurmd), never others by name.
set -euo pipefail
cmd=${1:?usage: cluster.sh start|stop DIR}
dir=${2:?usage: cluster.sh start|stop DIR}
mkdir -p "$dir"
dir=$(readlink -f "$dir")
conf="$dir/etc/slurm.conf"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

ours() { # pids whose environment carries our marker
  for p in /proc/[0-9]*; do
    { tr '\0' '\n' < "$p/environ"; } 2>/dev/null | grep -qx "MOLSCREEN_SLURM_CLUSTER=$dir" && echo "${p#/proc/}"
  done; true
}

case "$cmd" in
start)
  command -v slurmctld >/dev/null && command -v munged >/dev/null || { echo "slurm-wlm and munge are not installed (scripts/install-deps.sh)" >&2; exit 1; }
  mkdir -p "$dir"/{etc,run,log,spool/ctld,spool/d,munge}
  # munged insists on 0711 for its socket directory and o+x on every parent (mktemp makes 0700).
  p="$dir"; while [[ "$p" != "/" ]]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
  chmod 0711 "$dir/munge"; chmod 0700 "$dir/etc" || true; chmod 0755 "$dir/etc"
  head -c 1024 /dev/urandom > "$dir/munge/munge.key"; chmod 0400 "$dir/munge/munge.key"
  export MOLSCREEN_SLURM_CLUSTER="$dir"
  munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"

  node=$(slurmd -C | head -1)
  mem=$(sed -E 's/.*RealMemory=([0-9]+).*/\1/' <<<"$node")
  node=$(sed -E "s/RealMemory=[0-9]+/RealMemory=$((mem * 9 / 10))/" <<<"$node")
  host=$(sed -E 's/^NodeName=([^ ]+).*/\1/' <<<"$node")
  cat > "$conf" <<CONF
ClusterName=molscreentest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/spool/ctld
SlurmdSpoolDir=$dir/spool/d
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
MinJobAge=86400
MaxArraySize=10001
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0,bf_interval=1
DependencyParameters=kill_invalid_depend
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$conf"
  slurmctld -f "$conf"
  slurmd -f "$conf"
  for _ in $(seq 1 100); do
    state=$(sinfo -h -o %T 2>/dev/null || true)
    [[ "$state" == idle* ]] && { echo "SLURM_CONF=$conf"; exit 0; }
    sleep 0.2
  done
  echo "cluster did not become idle (state '$state'); logs in $dir/log" >&2
  exit 1
  ;;
stop)
  [[ -f "$conf" ]] && SLURM_CONF="$conf" scancel --full --quiet -u root 2>/dev/null || true
  pids=$(ours)
  [[ -n "$pids" ]] && kill $pids 2>/dev/null || true
  for _ in $(seq 1 50); do [[ -z "$(ours)" ]] && break; sleep 0.1; done
  pids=$(ours); [[ -n "$pids" ]] && kill -9 $pids 2>/dev/null || true
  true
  ;;
*) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
