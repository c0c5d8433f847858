# SPDX-License-Identifier: Apache-2.0
# Era D (KubeFATE v2.0.0): the same parties.conf + .env flow as v1.11.2 (spec §6), so this file takes
# v1.11.2's functions (configure, run, import, placement) and changes the cases, the engines and the
# deliberate differences of docs/render.md, "v2.0.0". Sourced by conformance.sh.
#
# Cases (era_cases): Eggroll (OSX federation) with 2 and 3 parties, with and without an exchange (own
# host) and serving; Spark + RabbitMQ and Spark + Pulsar (HDFS) and STANDALONE (OSX) with 2 and 3 parties
# and serving; Spark + RabbitMQ with an exchange; Eggroll and Spark + Pulsar with a private registry;
# Eggroll with algorithm NN on GPU and an exchange; STANDALONE with algorithm ALL on IPCL.
# The script renders and sends an exchange whenever exchangeip is set; we never render one (difference 1).

# shellcheck source=v1.11.2.sh
. "$(dirname "${BASH_SOURCE[0]}")/v1.11.2.sh"

era_cases() {
    local n b
    era_eggroll_cases
    for b in spark-rabbitmq spark-pulsar standalone; do
        for n in 2 3; do echo "$b-parties$n-serving"; done
    done
    echo spark-rabbitmq-parties2-exchange-serving
    echo eggroll-parties2-serving-registry
    echo spark-pulsar-parties2-serving-registry
    echo eggroll-parties2-exchange-nn-gpu
    echo standalone-parties2-all-ipcl
}

# computing federation storage of a case
era_engine() {
    case "$1" in
    eggroll-*) echo Eggroll OSX Eggroll ;;
    spark-rabbitmq-*) echo Spark RabbitMQ HDFS ;;
    spark-pulsar-*) echo Spark Pulsar HDFS ;;
    standalone-*) echo STANDALONE OSX STANDALONE ;;
    esac
}

# v1.11.2's configure, plus algorithm ALL on IPCL for the case that asks for it.
eval "era_configure_v1_11() $(declare -f era_configure | tail -n +2)"
era_configure() {
    era_configure_v1_11 "$@" || return 1
    era_has "$1" ipcl || return 0
    local conf="$2/docker-deploy/parties.conf" l
    for l in algorithm=ALL device=IPCL; do
        sed -i -E "s#^${l%%=*}=.*#$l#" "$conf"
        grep -qxF "$l" "$conf" || { echo "  cannot set ${l%%=*} in $conf: the file's layout changed"; return 1; }
    done
}

eval "era_describe_v1_11() $(declare -f era_describe | tail -n +2)"
era_describe() {
    era_describe_v1_11 "$1" | tr -d '\n'
    era_has "$1" ipcl && printf ', algorithm ALL on IPCL'
    echo
}

era_bundles() {
    local n i; n=$(era_parties "$1")
    for ((i = 0; i < n; i++)); do echo "confs-${ERA_IDS[$i]}"; done
    if era_has "$1" serving; then for ((i = 0; i < n; i++)); do echo "serving-${ERA_IDS[$i]}"; done; fi
}

# Deliberate difference 1 of "v2.0.0" in docs/render.md: no exchange. No party's route table leads to
# it, and its compose file names ${TAG}, which v2.0.0's .env does not define.
era_documented_bundle() {
    [ "$2" = confs-exchange ] && era_has "$1" exchange &&
        echo "1. no exchange (no OSX route leads to it; its image needs the undefined \${TAG})"
}

# The deliberate differences of docs/render.md, "v2.0.0".
# documented PATH KUBEFATE_FILE OUR_FILE → prints "REASON|DETAIL", returns 0 when allowed.
documented() {
    local p=$1 up=$2 ours=$3
    [ -f "$up" ] && [ -f "$ours" ] && [ "$(stat -c %a "$up")" = "$(stat -c %a "$ours")" ] || return 1
    # 2. A party's .env: the script appends NOTEBOOK_HASHED_PASSWORD to the last line of a file without
    #    a final newline (`…IMAGE_TAG="2.0.0-release"NOTEBOOK_HASHED_PASSWORD=`); we end that line first.
    #    3. With a registry the script writes `RegistryURI=<uri>//` (its own slash after the one it adds);
    #    we write one slash. Allowed only if exactly these edits make the files equal.
    if [[ "$p" == .env ]] && grep -q '"NOTEBOOK_HASHED_PASSWORD=' "$up"; then
        # shellcheck disable=SC2016
        if sed -E -e 's#"NOTEBOOK_HASHED_PASSWORD=#"\nNOTEBOOK_HASHED_PASSWORD=#' -e 's#^(RegistryURI=.*/)/$#\1#' "$up" |
            cmp -s - "$ours"; then
            local why="2. NOTEBOOK_HASHED_PASSWORD on its own line"
            era_has "$case_name" registry && why="$why; 3. RegistryURI with one slash"
            echo "$why|.env"
            return 0
        fi
    fi
    # 4. With a registry every image of a party's compose file comes from it (the script's RegistryURI
    #    reaches only the OSX image): `${RegistryURI}` before each image variable, nothing else.
    if era_has "$case_name" registry && [[ "$p" == docker-compose.yml ]]; then
        # shellcheck disable=SC2016 # ${RegistryURI} is literal text of the compose file
        if sed -E '/image: "\$\{RegistryURI\}/! s#^([[:space:]]*image: ")\$\{#\1${RegistryURI}${#' "$up" |
            cmp -s - "$ours"; then
            echo "4. every image from the private registry|$(diff "$up" "$ours" | grep -c '^>') image line(s)"
            return 0
        fi
    fi
    return 1
}
