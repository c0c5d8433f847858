#!/bin/bash
# Acceptance test of the sandbox (issue 3): 3 hosts, every SSH auth method, the stand-in FATE 1.1
# bundle on two hosts (+ exchange), python restarting until mysql is ready, the toy example across
# the exchange, a broken route, and a teardown that leaves nothing behind.
# usage: selftest.sh        (root; env FD_SANDBOX_ID, default 49 so it does not collide with 0)
# Exit 0/1; the last line is "N passed, M failed".
set -u
if [ "$(id -u)" != 0 ]; then echo "selftest: needs root (skipped)"; echo "0 passed, 0 failed"; exit 77; fi
HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
export FD_SANDBOX_ID=${FD_SANDBOX_ID:-$((49 + ${FD_SANDBOX_ID_OFFSET:-0}))}
unset FD_SANDBOX_DIR
SB=$HERE/sandbox
PASS=0; FAIL=0
ok()   { PASS=$((PASS + 1)); echo "ok   $*"; }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2f", b-a}'; }
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" = 0 ]; exit $?; }
cleanup() { "$SB" stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
WORK=$(mktemp -d /tmp/fd-sandbox-selftest.XXXXXX)
trap cleanup EXIT

"$SB" stop >/dev/null 2>&1 || true    # leftovers of an aborted run of this instance
t0=$(now)
if ! FD_STANDIN_MYSQL_DELAY=3 "$SB" start 3 --cpus-per-host 1; then bad "sandbox start 3"; finish; fi
ok "sandbox start 3 ($(since "$t0") s)"
eval "$("$SB" env)"
check "env prints 3 hosts and the hidden host" test "$FD_SB_HOSTS" = 3 -a -n "$FD_SB_IP_3" -a -n "$FD_SB_HIDDEN_IP"

SSHO=(-o UserKnownHostsFile="$FD_SB_KNOWN_HOSTS" -o GlobalKnownHostsFile=/dev/null
      -o StrictHostKeyChecking=yes -o ConnectTimeout=60 -o LogLevel=ERROR)
rootssh() { ssh -F "$FD_SB_SSH_CONFIG" "$@"; }
# password / passphrase without a tty: OpenSSH's askpass, forced (no sshpass needed)
askssh() { # askssh SECRET ssh-args...
  local secret=$1; shift
  FD_SB_SECRET=$secret SSH_ASKPASS=$FD_SB_ASKPASS SSH_ASKPASS_REQUIRE=force DISPLAY=none \
    setsid -w ssh "${SSHO[@]}" "$@" </dev/null
}

# --- 1. every host, every auth method ---
for i in 1 2 3; do
  ip=$(eval echo "\$FD_SB_IP_$i")
  check "h$i: root key login, own hostname" test "$(rootssh "$ip" hostname 2>&1)" = "h$i"
  check "h$i: fate password login, in group docker, engine reachable" \
    test "$(askssh "$FD_SB_PASSWORD" -o PubkeyAuthentication=no -o PreferredAuthentications=password \
             "$FD_SB_PW_USER@$ip" 'id -nG | grep -qw docker && docker info --format {{.Name}}' 2>&1)" = "h$i"
  check "h$i: fatekey passphrase-key login" \
    test "$(askssh "$FD_SB_PASSPHRASE" -o IdentitiesOnly=yes -i "$FD_SB_PP_KEY" \
             -o PreferredAuthentications=publickey "$FD_SB_PP_USER@$ip" whoami 2>&1)" = fatekey
done
check "wrong password is refused" \
  test "$(askssh wrong-pw -o PubkeyAuthentication=no -o PreferredAuthentications=password \
          -o NumberOfPasswordPrompts=1 "$FD_SB_PW_USER@$FD_SB_IP_1" echo in 2>/dev/null)" != in
check "passphrase key without passphrase is refused (BatchMode)" \
  test "$(ssh "${SSHO[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$FD_SB_PP_KEY" \
          "$FD_SB_PP_USER@$FD_SB_IP_1" echo in 2>/dev/null </dev/null)" != in
check "sftp subsystem" sh -c "echo 'ls /data/projects' | sftp -F '$FD_SB_SSH_CONFIG' -b - '$FD_SB_IP_2' 2>&1 | grep -q /data/projects/fate"
check "hidden host via jump host 1" test "$(rootssh hidden hostname 2>&1)" = hidden
check "hidden host not reachable from host 2" \
  sh -c "ssh -F '$FD_SB_SSH_CONFIG' '$FD_SB_IP_2' 'busybox nc -w 2 $FD_SB_HIDDEN_IP 22 </dev/null' >/dev/null 2>&1; [ \$? != 0 ]"
check "hosts have distinct engines" \
  test "$(for i in 1 2 3; do rootssh "$(eval echo "\$FD_SB_IP_$i")" docker info --format {{.ID}}; done | sort -u | wc -l)" = 3
check "stand-in images loaded (FATE names + test registry prefix)" \
  sh -c "ssh -F '$FD_SB_SSH_CONFIG' '$FD_SB_IP_3' \"docker images --format '{{.Repository}}:{{.Tag}}'\" | grep -cx \
    -e 'federatedai/\(egg\|roll\|meta-service\|proxy\|federation\|python\|fateboard\):1.1-release' \
    -e 'mysql:8' -e 'redis:5' -e 'registry.fd-test.local/fate/.*' | grep -qx 18"

# --- 1b. every host has a CPU budget of its own (start --cpus-per-host 1) ---
CGP=fdsb$FD_SANDBOX_ID
cgquota() { if [ -f /sys/fs/cgroup/cgroup.controllers ]; then cut -d' ' -f1 "/sys/fs/cgroup/${CGP}h$1/cpu.max"
            else cat "/sys/fs/cgroup/cpu/${CGP}h$1/cpu.cfs_quota_us"; fi 2>/dev/null; }
# cgroup v1: "N:cpu[,cpuacct]:/fdsbNhI[/...]"; v2: "0::/fdsbNhI/host" (or a container's /fdsbNhI/<id>)
in_host_cg() { grep -qE "^[0-9]+:(cpu|cpu,cpuacct|cpuacct,cpu|):/${CGP}h$1(/|\$)"; }
session_in_cg() { rootssh "$2" 'cat /proc/self/cgroup' 2>/dev/null | in_host_cg "$1"; }
container_in_cg() { rootssh "$2" "cat /proc/\$(docker inspect -f '{{.State.Pid}}' $3)/cgroup" 2>/dev/null | in_host_cg "$1"; }
for i in 1 2 3; do
  check "h$i: CPU quota of one CPU" test "$(cgquota $i)" = 100000
  check "h$i: an SSH session runs in the host's cpu cgroup" session_in_cg $i "$(eval echo "\$FD_SB_IP_$i")"
done
check "h2: SSH sessions of another host are not in h2's cgroup" sh -c "! ssh -F '$FD_SB_SSH_CONFIG' '$FD_SB_IP_1' 'cat /proc/self/cgroup' | grep -q '/${CGP}h2'"

# --- 2. the stand-in bundle: party 10000 + exchange on h1, party 9999 on h2 ---
"$HERE/fixture/render.sh" "$WORK/bundle" "$FD_SB_IP_1" "10000:$FD_SB_IP_1" "9999:$FD_SB_IP_2"
t0=$(now)
tar -C "$WORK/bundle" -cz confs-10000 exchange | rootssh "$FD_SB_IP_1" \
  'mkdir -p /data/projects/fate && tar -C /data/projects/fate -xz && cd /data/projects/fate/confs-10000 &&
   docker-compose up -d && cd ../exchange && docker-compose -f docker-compose-exchange.yml up -d' \
  > "$WORK/up1.log" 2>&1 & p1=$!
tar -C "$WORK/bundle" -cz confs-9999 | rootssh "$FD_SB_IP_2" \
  'mkdir -p /data/projects/fate && tar -C /data/projects/fate -xz && cd /data/projects/fate/confs-9999 && docker-compose up -d' \
  > "$WORK/up2.log" 2>&1 & p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
UPT=$(since "$t0")
check "docker-compose up -d on h1 (party + exchange) and h2 ($UPT s)" test $r1 = 0 -a $r2 = 0
[ $r1 = 0 ] || cat "$WORK/up1.log"; [ $r2 = 0 ] || cat "$WORK/up2.log"
check "h1 has 10 containers" test "$(rootssh "$FD_SB_IP_1" 'docker ps -aq | wc -l')" = 10

# python exits while mysql initialises, restart: always brings it back until mysql is ready. No race:
# the mysql stand-in stays "initialising" until it has turned a connection away (standin.c), so python
# fails at least once however slow the machine is. We wait for events (log lines), never for a time.
wait_log() { # wait_log IP CONTAINER PATTERN -> 0 when the container's log has PATTERN (up to 240 s)
  local n
  for n in $(seq 240); do
    rootssh "$1" "docker logs $2 2>&1" 2>/dev/null | grep -qE "$3" && return 0
    sleep 1
  done
  return 1
}
for h in "1 10000" "2 9999"; do
  set -- $h; ip=$(eval echo "\$FD_SB_IP_$1")
  wait_log "$ip" "confs-$2_python_1" 'database connected'; rc=$?
  st=$(rootssh "$ip" "docker inspect -f '{{.State.Status}} {{.RestartCount}}' confs-$2_python_1" 2>/dev/null)
  check "party $2: python connected once mysql was ready (state: $st)" test $rc = 0 -a "${st%% *}" = running
  check "party $2: python restarted while mysql initialised" test "${st##* }" -ge 1 2>/dev/null
  check "party $2: python logged the mysql connection error" \
    sh -c "ssh -F '$FD_SB_SSH_CONFIG' '$ip' 'docker logs confs-$2_python_1 2>&1' | grep -qE \"(Can't connect to|Lost connection to) MySQL server\""
  check "party $2: mysql turned python away while initialising" \
    sh -c "ssh -F '$FD_SB_SSH_CONFIG' '$ip' 'docker logs confs-$2_mysql_1 2>&1' | grep -q 'still initialising: connection 1 closed'"
done

check "h2: party 9999's containers run inside h2's CPU budget" container_in_cg 2 "$FD_SB_IP_2" confs-9999_python_1

# Expected successes get a long timeout (the toy returns as soon as the round trip works), so a slow
# machine only makes them slower; expected failures use a short one (they fail whatever the speed).
toy() { # toy HOSTIP GUEST HOST [TIMEOUT] -> output of the seed's toy-example command
  rootssh "$1" "docker exec -e FD_STANDIN_TOY_TIMEOUT=${4:-90} confs-$2_python_1 bash -c 'source /data/projects/python/venv/bin/activate && cd /data/projects/fate/python/examples/toy_example && python run_toy_example.py $2 $3 1'" 2>&1
}
SUCCESS='success to calculate secure_sum, it is 2000.0000000000002'
TIMEOUT_MSG='job running time exceed, please check federation or eggroll log'
out=$(toy "$FD_SB_IP_1" 10000 9999); rc=$?
check "toy example 10000 -> 9999 across the exchange succeeds" sh -c "[ $rc = 0 ] && printf '%s' \"\$1\" | grep -q \"$SUCCESS\"" _ "$out"
out=$(toy "$FD_SB_IP_2" 9999 10000); rc=$?
check "toy example 9999 -> 10000 across the exchange succeeds" sh -c "[ $rc = 0 ] && printf '%s' \"\$1\" | grep -q \"$SUCCESS\"" _ "$out"
check "exchange proxy logged the forwarding" \
  sh -c "ssh -F '$FD_SB_SSH_CONFIG' '$FD_SB_IP_1' 'docker logs exchange_exchange_1' | grep -q 'route party=9999 service=fate via default -> $FD_SB_IP_2:9370: ok'"

# --- 3. break the route: the exchange forgets party 9999 ---
rootssh "$FD_SB_IP_1" 'cd /data/projects/fate/exchange && sed -i "s/\"9999\"/\"9998\"/" conf/route_table.json &&
  docker-compose -f docker-compose-exchange.yml restart -t 1' >/dev/null 2>&1
t0=$(now); out=$(toy "$FD_SB_IP_1" 10000 9999 4); rc=$?
check "broken exchange route: toy fails with FATE's timeout message ($(since "$t0") s)" \
  sh -c "[ $rc != 0 ] && printf '%s' \"\$1\" | grep -q \"$TIMEOUT_MSG\" && ! printf '%s' \"\$1\" | grep -q \"$SUCCESS\"" _ "$out"
rootssh "$FD_SB_IP_1" 'cd /data/projects/fate/exchange && sed -i "s/\"9998\"/\"9999\"/" conf/route_table.json &&
  docker-compose -f docker-compose-exchange.yml restart -t 1' >/dev/null 2>&1
out=$(toy "$FD_SB_IP_1" 10000 9999); rc=$?
check "route repaired: toy succeeds again" sh -c "[ $rc = 0 ] && printf '%s' \"\$1\" | grep -q \"$SUCCESS\"" _ "$out"
# and a cut link (host 2 off the network)
"$SB" cut 2
out=$(toy "$FD_SB_IP_1" 10000 9999 3); rc=$?
check "host 2 cut off: toy times out" sh -c "[ $rc != 0 ] && printf '%s' \"\$1\" | grep -q \"$TIMEOUT_MSG\"" _ "$out"
"$SB" restore 2
out=$(toy "$FD_SB_IP_1" 10000 9999); rc=$?
check "host 2 restored: toy succeeds" sh -c "[ $rc = 0 ] && printf '%s' \"\$1\" | grep -q \"$SUCCESS\"" _ "$out"

# --- 4. host down / up keeps the host's files ---
images3=$(rootssh "$FD_SB_IP_3" 'docker images -q | wc -l' 2>&1)
"$SB" host-down 3
check "host 3 down: ssh refused" sh -c "! ssh -F '$FD_SB_SSH_CONFIG' '$FD_SB_IP_3' true 2>/dev/null"
"$SB" host-up 3
# As many images as before it went down (the count grows with every era's stand-ins).
after3=$(rootssh "$FD_SB_IP_3" 'docker images -q | wc -l' 2>&1)
check "host 3 up again with the same host key and its images ($after3 of $images3)" \
  test "$after3" = "$images3" -a "$images3" -gt 0
check "host 3 up again inside its CPU budget" session_in_cg 3 "$FD_SB_IP_3"

# --- 5. compose down -t 1 ---
t0=$(now)
rootssh "$FD_SB_IP_1" 'cd /data/projects/fate/confs-10000 && docker-compose down -t 1 && cd ../exchange && docker-compose -f docker-compose-exchange.yml down -t 1' >/dev/null 2>&1 & p1=$!
rootssh "$FD_SB_IP_2" 'cd /data/projects/fate/confs-9999 && docker-compose down -t 1' >/dev/null 2>&1 & p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
DOWNT=$(since "$t0")
check "docker-compose down -t 1 on h1 and h2 ($DOWNT s)" test $r1 = 0 -a $r2 = 0 \
  -a "$(rootssh "$FD_SB_IP_1" 'docker ps -aq | wc -l')" = 0

# --- 6. teardown leaves nothing of this instance ---
P=fdsb$FD_SANDBOX_ID
"$SB" stop
check "no netns left"      sh -c "! ip netns list | grep -qE '^${P}h'"
check "no veth/bridge left" sh -c "! ip -o link show | grep -qE ': ${P}(v[0-9]+|br)[@:]'"
check "no iptables rule left" sh -c "! iptables -w -S | grep -q -- '--comment fd-sandbox-$FD_SANDBOX_ID '"
check "no route left"      sh -c "! ip route show | grep -q '10.21[34]\.$FD_SANDBOX_ID\.'"
check "no cgroup left"     sh -c "! ls -d /sys/fs/cgroup/*/${P}h* /sys/fs/cgroup/${P}h* 2>/dev/null | grep -q ."
check "no mount left"      sh -c "! grep -qE '${P}h|fd-sandbox-$FD_SANDBOX_ID/' /proc/self/mountinfo"
check "no process left"    sh -c "! grep -lsa 'fd-sandbox-$FD_SANDBOX_ID[/]hosts' /proc/[0-9]*/cmdline | grep -v self | grep -q ."
check "no state dir left"  test ! -e "/tmp/fd-sandbox-$FD_SANDBOX_ID"
echo "timings: start 3 hosts+images see above; compose up (2 hosts parallel + exchange) ${UPT}s; compose down -t 1 ${DOWNT}s"
finish
