#!/bin/bash
# Builds the STAND-IN images (test doubles of FATE 1.1's images; not FATE, never shipped) as ONE
# `docker save`-format tar, without any registry and without a Docker engine: all images share one
# layer (busybox-static + fd-standin compiled from standin.c) and differ only in their config.
# usage: build-images.sh OUTDIR     -> OUTDIR/fd-standin-images.tar
# env:   FD_STANDIN_MYSQL_DELAY (s, default 8)  FD_STANDIN_TOY_TIMEOUT (s, default 15)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$1
DELAY=${FD_STANDIN_MYSQL_DELAY:-8}
TOY=${FD_STANDIN_TOY_TIMEOUT:-15}
REG=registry.fd-test.local/fate
W=$OUT/work; R=$W/rootfs
rm -rf "$W"; mkdir -p "$R"

# --- root file system: busybox + fd-standin + the paths FATE's images have ---
mkdir -p "$R"/{bin,etc,tmp,root,proc,sys,dev,var/lib/mysql,usr/local/bin,usr/bin,usr/sbin,etc/fd-standin}
mkdir -p "$R/data/projects/python/venv/bin" "$R/data/projects/fate/python/examples"
chmod 1777 "$R/tmp"
gcc -O2 -static -Wall -o "$R/usr/local/bin/fd-standin" "$HERE/standin.c" 2> "$W/gcc.log" \
  || { cat "$W/gcc.log" >&2; exit 1; }
strip "$R/usr/local/bin/fd-standin"
cp /bin/busybox "$R/bin/busybox"
for a in $("$R/bin/busybox" --list); do [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"; done
# bash: fd-standin's bash applet. The seed runs `docker exec -it confs-<id>_python_1 bash` (a shell: busybox
# sh); v1.11's compose files start components with `bash -c "java … EggSiteBootstrap …"` and the like, which
# the applet recognises and runs as that component (no JVM, no Python in a stand-in).
rm -f "$R/bin/bash"; ln -s ../usr/local/bin/fd-standin "$R/bin/bash"
ln -s ../local/bin/fd-standin "$R/usr/bin/fd-standin"
ln -s ../local/bin/fd-standin "$R/usr/bin/curl"      # v1.11 fateflow's healthcheck: curl -f -X POST …/v1/version/get
ln -s ../local/bin/fd-standin "$R/usr/bin/flow"      # v1.11+ client: flow test toy -gid G -hid H
ln -s ../local/bin/fd-standin "$R/usr/bin/java"      # v2.0 OSX: sh -c "java … org.fedai.osx.broker.Bootstrap …"
ln -s fd-standin "$R/usr/local/bin/redis-server"     # redis: compose gives `command: redis-server ...`
ln -s ../local/bin/fd-standin "$R/usr/sbin/mysqld"
printf 'root:x:0:0:root:/root:/bin/sh\nmysql:x:999:999::/var/lib/mysql:/bin/false\n' > "$R/etc/passwd"
printf 'root:x:0:\nmysql:x:999:\n' > "$R/etc/group"
cat > "$R/etc/fd-standin/README" <<'EOF'
This image is a TEST DOUBLE built by FATE Deployer's sandbox (tests/sandbox/standin).
It is not FATE. It only imitates what a deployer can observe: names, ports, start order,
route tables and the toy example's success/timeout output.
EOF
# the venv of fate_flow: `source .../activate && python run_toy_example.py GUEST HOST 1`
cat > "$R/data/projects/python/venv/bin/activate" <<'EOF'
# stand-in venv (test double)
VIRTUAL_ENV=/data/projects/python/venv
PATH="$VIRTUAL_ENV/bin:$PATH"
export VIRTUAL_ENV PATH
EOF
cat > "$R/data/projects/python/venv/bin/python" <<'EOF'
#!/bin/sh
# stand-in python (test double): the examples are bind-mounted from the bundle, so the toy
# example is implemented by fd-standin itself.
case "${1:-}" in
  *run_toy_example.py) exec /usr/local/bin/fd-standin toy "$@" ;;
  --version|-V) echo "Python 3.6.5 (fd-standin test double)"; exit 0 ;;
esac
echo "fd-standin python: only run_toy_example.py is implemented (got: $*)" >&2
exit 2
EOF
chmod 755 "$R/data/projects/python/venv/bin/python"
ln -s python "$R/data/projects/python/venv/bin/python3"

# --- the shared layer ---
L=$W/layer.tar
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@1577836800 -C "$R" -cf "$L" .
DIFF=$(sha256sum "$L" | cut -d' ' -f1)
IMG=$W/img; mkdir -p "$IMG/$DIFF"; mv "$L" "$IMG/$DIFF/layer.tar"

# --- one config per image ---
MANIFEST=
add_image() { # add_image "tag1 tag2" '"Cmd": [...]' '"9370/tcp": {}, ...' [extra config json]
  local tags=$1 cmd=$2 ports=$3 extra=${4:-} cfg sum t rt=
  cfg=$(cat <<EOF
{"architecture":"amd64","os":"linux","created":"2020-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","FD_STANDIN=1"$extra],
  $cmd,"ExposedPorts":{$ports},"WorkingDir":"/",
  "Labels":{"org.fd-sandbox.standin":"true","org.fd-sandbox.note":"test double of FATE, not FATE"}$( [ -n "${VOLUMES:-}" ] && echo ",\"Volumes\":{$VOLUMES}")},
 "rootfs":{"type":"layers","diff_ids":["sha256:$DIFF"]}}
EOF
)
  sum=$(printf '%s' "$cfg" | sha256sum | cut -d' ' -f1)
  printf '%s' "$cfg" > "$IMG/$sum.json"
  for t in $tags; do rt="$rt${rt:+,}\"$t\""; done
  MANIFEST="$MANIFEST${MANIFEST:+,}{\"Config\":\"$sum.json\",\"RepoTags\":[$rt],\"Layers\":[\"$DIFF/layer.tar\"]}"
}
fate() { # fate NAME PORTS
  add_image "federatedai/$1:1.1-release $REG/$1:1.1-release" \
    "\"Cmd\":[\"/usr/local/bin/fd-standin\",\"$1\"]" "$2" "${3:-}"
}
fate federation   '"9394/tcp":{}'
fate proxy        '"9370/tcp":{}'
fate fateboard    '"8080/tcp":{}'
fate roll         '"8011/tcp":{}'
fate egg          '"7888/tcp":{},"7778/tcp":{}'
fate meta-service '"8590/tcp":{}'
fate python       '"9360/tcp":{},"9380/tcp":{}' ",\"FD_STANDIN_TOY_TIMEOUT=$TOY\""
# mysql: a fresh anonymous volume per container = "first start initialises" (delay), as in FATE 1.1
VOLUMES='"/var/lib/mysql":{}' add_image "mysql:8 $REG/mysql:8" '"Cmd":["mysqld"]' '"3306/tcp":{},"33060/tcp":{}' \
  ",\"FD_STANDIN_MYSQL_DELAY=$DELAY\""
add_image "redis:5 $REG/redis:5" '"Cmd":["redis-server"]' '"6379/tcp":{}'

# --- KubeFATE v1.11.2 (TAG 1.11.2-release, SERVING_TAG 2.1.6-release): the compose files give eggroll,
# fateflow and client their `bash -c` command lines; the others run the image's Cmd ---
era_image() { # era_image IMAGE:TAG ROLE PORTS [extra env]
  add_image "$1" "\"Cmd\":[\"/usr/local/bin/fd-standin\",\"$2\"]" "$3" "${4:-}"
}
era_image federatedai/eggroll:1.11.2-release rollsite '"9370/tcp":{},"4670/tcp":{},"4671/tcp":{}' \
  ',"EGGROLL_HOME=/data/projects/fate/eggroll"'
era_image federatedai/fateflow:1.11.2-release fateflow '"9360/tcp":{},"9380/tcp":{}'
era_image federatedai/fateboard:1.11.2-release fateboard '"8080/tcp":{}'
era_image federatedai/client:1.11.2-release client '"20000/tcp":{}' ",\"FD_STANDIN_TOY_TIMEOUT=$TOY\""
era_image mysql:8.0.28 mysql '"3306/tcp":{},"33060/tcp":{}' ",\"FD_STANDIN_MYSQL_DELAY=$DELAY\""
era_image federatedai/serving-server:2.1.6-release serving-server '"8000/tcp":{}'
era_image federatedai/serving-proxy:2.1.6-release serving-proxy '"8059/tcp":{},"8869/tcp":{},"8879/tcp":{}'
era_image federatedai/serving-admin:2.1.6-release serving-admin '"8350/tcp":{}'
era_image bitnami/zookeeper:3.7.0 zookeeper '"2181/tcp":{},"2888/tcp":{},"3888/tcp":{}'
# --- KubeFATE v2.0.0 (FATE 2.0.0): one name and tag per image in .env; OSX replaces rollsite. The 2.0 images
# carry FD_STANDIN_FATE, so fateflow answers 2.0's health endpoint and the client prints 2.0's toy lines ---
V20=',"FD_STANDIN_FATE=2.0.0"'
era_image federatedai/osx:2.0.0-release osx '"9370/tcp":{}'
era_image federatedai/eggroll:2.0.0-release clustermanager '"4670/tcp":{},"4671/tcp":{}' \
  "$V20"',"EGGROLL_HOME=/data/projects/fate/eggroll"'
era_image federatedai/fateflow:2.0.0-release fateflow '"9360/tcp":{},"9380/tcp":{}' "$V20"
era_image federatedai/fateboard:2.0.0-release fateboard '"8080/tcp":{}' "$V20"
era_image federatedai/client:2.0.0-release client '"20000/tcp":{}' "$V20,\"FD_STANDIN_TOY_TIMEOUT=$TOY\""
echo "[$MANIFEST]" > "$IMG/manifest.json"
tar -C "$IMG" -cf "$OUT/fd-standin-images.tar" .
rm -rf "$W"
echo "stand-in images: $OUT/fd-standin-images.tar ($(du -k "$OUT/fd-standin-images.tar" | cut -f1) KiB, mysql delay ${DELAY}s, toy timeout ${TOY}s)" >&2
