#!/bin/sh
# fd-sandbox host init. Runs as the child of tini (PID 1 of the host) inside:
#   the host's network namespace (entered with nsenter, NOT `ip netns exec`, which would
#   replace /sys and hide the cgroup hierarchies dockerd needs), and new mount+UTS+PID
#   namespaces (unshare). Builds a private root, then runs dockerd and sshd.
# usage: host-init.sh HOSTNAME HOSTDIR      (the marker "fd-sandbox-host" in argv lets
#        `sandbox stop` recognise our own processes before signalling a pid)
set -eu
H=$1; D=$2; R=$D/rootfs
exec 3>>"$D/log/dockerd.log" 4>>"$D/log/sshd.log" 5>>"$D/log/init.log"
exec 2>&5
hostname "$H"
# Nothing we mount here may leak back into the machine's mount namespace.
mount --make-rprivate /

# --- private root: tmpfs + rbinds of the machine's system dirs + the host's own dirs ---
# (the machine has no /data; a tmpfs root lets us have one without touching the machine)
mount -t tmpfs -o mode=0755 "fdsbroot-$H" "$R"
for l in bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$l" ]; then ln -s "$(readlink "/$l")" "$R/$l"
  elif [ -d "/$l" ]; then mkdir "$R/$l"; mount --rbind "/$l" "$R/$l"; fi
done
for d in usr etc var opt srv dev; do
  [ -d "/$d" ] || continue
  mkdir "$R/$d"; mount --rbind "/$d" "$R/$d"
done
mkdir "$R/sys" "$R/proc" "$R/run" "$R/tmp" "$R/root" "$R/home" "$R/data"
mount -t sysfs "fdsbsys-$H" "$R/sys"                 # sysfs of THIS netns (/sys/class/net)
mount --rbind /sys/fs/cgroup "$R/sys/fs/cgroup"      # cgroup hierarchies for dockerd/runc
mount -t proc proc "$R/proc"                         # proc of the new pid namespace
mount -t tmpfs -o mode=0755 "fdsbrun-$H" "$R/run"    # private /run: docker.sock at the default path
mkdir -p "$R/run/sshd" "$R/run/lock"
mount --bind "$D/tmp"       "$R/tmp"
mount --bind "$D/home-root" "$R/root"
mount --bind "$D/home"      "$R/home"
mount --bind "$D/data"      "$R/data"                # -> /data/projects/fate is per host
for f in passwd group shadow gshadow; do mount --bind "$D/etc-files/$f" "$R/etc/$f"; done
mount --bind "$D/etc-ssh"    "$R/etc/ssh"            # own host key + sshd_config
# A private dir at a path the machine may lack (e.g. /var/lib/docker before dockerd ever ran):
# creating it would change the machine, so the parent becomes a tmpfs into which the
# machine's entries are bound back one by one, plus the new mountpoint.
graft() { # graft SRC PATH
  if [ ! -e "$R$2" ]; then
    p=$(dirname "$2")
    mount -t tmpfs -o mode=0755 "fdsbgraft-$H" "$R$p"
    for e in "$p"/* "$p"/.[!.]*; do
      [ -e "$e" ] || [ -L "$e" ] || continue
      t=$R$p/${e##*/}
      if [ -L "$e" ]; then cp -P "$e" "$t"
      elif [ -d "$e" ]; then mkdir "$t"; mount --rbind "$e" "$t"
      else touch "$t"; mount --bind "$e" "$t"; fi
    done
    mkdir "$R$2"
  fi
  mount --bind "$1" "$R$2"
}
graft "$D/etc-docker" /etc/docker                    # own daemon.json + key.json (engine id)
graft "$D/docker"     /var/lib/docker                # own data-root
cd "$R"; mkdir .oldroot; pivot_root . .oldroot; cd /
umount -l /.oldroot; rmdir /.oldroot

# --- services ---
/usr/sbin/dockerd --config-file /etc/docker/daemon.json >&3 2>&3 &
DPID=$!
/usr/sbin/sshd -D -e -f /etc/ssh/sshd_config 2>&4 &
SPID=$!
echo "init: dockerd=$DPID sshd=$SPID" >&5
stop() {
  echo "init: stopping" >&5
  kill -TERM "$SPID" "$DPID" 2>/dev/null || true
  wait "$DPID" 2>/dev/null || true
  exit 0
}
trap stop TERM INT
while kill -0 "$SPID" 2>/dev/null; do wait "$SPID" || true; done
stop
