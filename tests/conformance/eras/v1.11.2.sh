# SPDX-License-Identifier: Apache-2.0
# Era C (KubeFATE v1.11.2): docker-deploy/parties.conf + docker-deploy/.env; generate_config.sh renders
# outputs/*.tar, docker_deploy.sh all sends them (spec §5). Sourced by conformance.sh.
#
# Cases (era_cases): Eggroll with 2 and 3 parties, with and without an exchange (own host) and serving
# (on each party's host); Spark + RabbitMQ, Spark + Pulsar, Spark_local + RabbitMQ, Spark_local + Pulsar
# with 2 and 3 parties and serving; Spark + RabbitMQ with an exchange (the script renders and sends one
# that no party routes through; we do not render it: documented); Eggroll with a private registry; and
# Eggroll with algorithm NN on GPU (image suffix and the device reservation).

ERA_IDS=(10000 9999 8888)
ERA_EXCHANGE=192.168.7.100
ERA_REGISTRY=registry.example.com:5000
# shellcheck disable=SC2034 # read by conformance.sh's manifest()
ERA_COMPARE_EMPTY_DIRS=1

# Eggroll with 2 and 3 parties, without/with an exchange, without/with serving (v2.0.0 has the same).
era_eggroll_cases() {
    local n x s
    for n in 2 3; do
        for x in "" -exchange; do
            for s in "" -serving; do echo "eggroll-parties$n$x$s"; done
        done
    done
}

era_cases() {
    local n b
    era_eggroll_cases
    for b in spark-rabbitmq spark-pulsar sparklocal-rabbitmq sparklocal-pulsar; do
        for n in 2 3; do echo "$b-parties$n-serving"; done
    done
    echo spark-rabbitmq-parties2-exchange-serving
    echo eggroll-parties2-serving-registry
    echo eggroll-parties2-exchange-nn-gpu
}

era_parties() { local n=${1#*parties}; echo "${n%%-*}"; }
era_has() { case "$1" in *-"$2"|*-"$2"-*) return 0 ;; *) return 1 ;; esac; }
# computing federation storage of a case
era_engine() {
    case "$1" in
    eggroll-*) echo Eggroll Eggroll Eggroll ;;
    spark-rabbitmq-*) echo Spark RabbitMQ HDFS ;;
    spark-pulsar-*) echo Spark Pulsar HDFS ;;
    sparklocal-rabbitmq-*) echo Spark_local RabbitMQ LocalFS ;;
    sparklocal-pulsar-*) echo Spark_local Pulsar LocalFS ;;
    esac
}

era_describe() {
    local n engine; n=$(era_parties "$1"); read -ra engine <<< "$(era_engine "$1")"
    printf '%s parties (%s), computing %s, federation %s, storage %s' "$n" "${ERA_IDS[*]:0:$n}" "${engine[@]}"
    era_has "$1" exchange && printf ', exchange on %s' "$ERA_EXCHANGE"
    era_has "$1" serving && printf ', serving on each party host'
    era_has "$1" registry && printf ', RegistryURI=%s' "$ERA_REGISTRY"
    era_has "$1" gpu && printf ', algorithm NN on GPU (gpu_count 2)'
    echo
}

# Edits parties.conf and .env the way an admin does (README: party_list, party_ip_list, serving_ip_list,
# the engines, exchangeip; RegistryURI in .env). Every edit is checked, so a changed layout fails.
era_configure() {
    local case_name=$1 run=$2 n i ids=() ips=() serving=()
    n=$(era_parties "$case_name")
    for ((i = 0; i < n; i++)); do ids+=("${ERA_IDS[$i]}"); ips+=("192.168.7.$((i + 1))"); done
    era_has "$case_name" serving && serving=("${ips[@]}")
    local engine; read -ra engine <<< "$(era_engine "$case_name")"
    local conf="$run/docker-deploy/parties.conf" env="$run/docker-deploy/.env" lines=()
    lines+=("party_list=(${ids[*]})" "party_ip_list=(${ips[*]})" "serving_ip_list=(${serving[*]})")
    lines+=("computing=${engine[0]}" "federation=${engine[1]}" "storage=${engine[2]}")
    era_has "$case_name" exchange && lines+=("exchangeip=$ERA_EXCHANGE")
    era_has "$case_name" gpu && lines+=("algorithm=NN" "device=GPU" "gpu_count=2")
    local l
    for l in "${lines[@]}"; do
        sed -i -E "s#^${l%%=*}=.*#$l#" "$conf"
        grep -qxF "$l" "$conf" || { echo "  cannot set ${l%%=*} in $conf: the file's layout changed"; return 1; }
    done
    if era_has "$case_name" registry; then
        sed -i -E "s#^RegistryURI=.*#RegistryURI=$ERA_REGISTRY#" "$env"
        grep -qx "RegistryURI=$ERA_REGISTRY" "$env" || { echo "  cannot set RegistryURI in $env"; return 1; }
    fi
}

# KubeFATE's own scripts, unmodified: generate, then deploy everything (recorded by the stand-ins).
era_run() { bash docker-deploy/generate_config.sh && bash docker-deploy/docker_deploy.sh all; }

era_import() { "$cli" import --kubefate-config "$2/docker-deploy/parties.conf" -o "$3" --force; }

# The passwords are in parties.conf; they reach our render from there, in memory (never the project).
era_render_args() { echo --secrets-from "$2/docker-deploy/parties.conf"; }

era_bundles() {
    local n i; n=$(era_parties "$1")
    for ((i = 0; i < n; i++)); do echo "confs-${ERA_IDS[$i]}"; done
    era_has "$1" exchange && [ "$(era_engine "$1" | cut -d' ' -f2)" = Eggroll ] && echo confs-exchange
    if era_has "$1" serving; then for ((i = 0; i < n; i++)); do echo "serving-${ERA_IDS[$i]}"; done; fi
}

# Deliberate difference 2 of "v1.11.2" in docs/render.md: with a Spark federation no party routes through
# the exchange, so we do not render the one the script builds.
era_documented_bundle() {
    [ "$2" = confs-exchange ] && era_has "$1" exchange && [ "$(era_engine "$1" | cut -d' ' -f2)" != Eggroll ] &&
        echo "2. exchange only for the Eggroll federation (the script's is unused with $(era_engine "$1" | cut -d' ' -f2))"
}

era_upstream_archive() { ls "$FD_CONF_REC"/hosts/*/home/"$1.tar" 2>/dev/null; }
era_archive_root() { echo "$1"; }

# host:folder where the recorded remote commands unpack bundle $1 (the last `cd` before its tar -xzf).
era_upstream_placement() {
    local tars; tars=$(era_upstream_archive "$1")
    [ -n "$tars" ] && [ "$(printf '%s\n' "$tars" | wc -l)" = 1 ] || return 1
    local hostdir; hostdir=$(dirname "$(dirname "$tars")")
    local host; host=$(basename "$hostdir")
    local where
    where=$(cat "$hostdir"/ssh-*.sh | awk -v t="$1.tar" '$1 == "cd" { d = $2 } $1 == "tar" && $NF == t { print d; exit }')
    [ -n "$where" ] || return 1
    echo "$host:$where/$1"
}

# The deliberate differences of docs/render.md, "v1.11.2".
# documented PATH KUBEFATE_FILE OUR_FILE → prints "REASON|DETAIL", returns 0 when allowed.
documented() {
    local p=$1 up=$2 ours=$3
    # 3. With a private registry MySQL comes from it too: the script's pattern `image: "mysql:8"` no longer
    #    matches the template's mysql:8.0.28. Allowed only if exactly that line differs, as the script meant.
    if era_has "$case_name" registry && [[ "$p" == docker-compose.yml ]] && [ -f "$up" ] && [ -f "$ours" ] &&
        [ "$(stat -c %a "$up")" = "$(stat -c %a "$ours")" ]; then
        # shellcheck disable=SC2016 # ${RegistryURI} is literal text of the compose file
        if sed -E 's#^([[:space:]]*image: "?)mysql:#\1${RegistryURI}/federatedai/mysql:#' "$up" | cmp -s - "$ours"; then
            echo "3. MySQL from the private registry|$(diff "$up" "$ours" | grep -c '^>') image line(s)"
            return 0
        fi
    fi
    return 1
}
