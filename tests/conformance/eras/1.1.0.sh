# SPDX-License-Identifier: Apache-2.0
# Era A (KubeFATE 1.1.0): docker-deploy/docker-configuration.sh + repo-root .env, one script
# docker-auto-deploy.sh [useThirdParty] that renders and deploys (spec §2). Sourced by conformance.sh.
#
# Cases: 2, 3 and 8 parties; exchange on the first party's host or on a host of its own; with and
# without useThirdParty (a private registry in THIRDPARTYPREFIX).

ERA_IDS=(10000 9999 8888 7777 6666 5555 4444 3333)
ERA_REGISTRY=registry.example.com:5000/federatedai
ERA_SEPARATE_EXCHANGE=192.168.7.100
ERA_COMPARE_EMPTY_DIRS=0

era_cases() {
    local n x t
    for n in 2 3 8; do
        for x in first separate; do
            for t in "" -thirdparty; do echo "parties$n-exchange-$x$t"; done
        done
    done
}

era_parties() { local n=${1#parties}; echo "${n%%-*}"; }
era_thirdparty() { case "$1" in *-thirdparty) return 0 ;; *) return 1 ;; esac; }

era_describe() {
    local n; n=$(era_parties "$1")
    local ids=("${ERA_IDS[@]:0:$n}")
    printf '%s parties (%s), exchange on %s' "$n" "${ids[*]}" \
        "$(case "$1" in *separate*) echo "its own host $ERA_SEPARATE_EXCHANGE" ;; *) echo "the first party's host" ;; esac)"
    era_thirdparty "$1" && printf ', useThirdParty with THIRDPARTYPREFIX=%s' "$ERA_REGISTRY"
    echo
}

# Edits the tree's files the way an admin does (README: partylist, partyiplist, exchangeip; .env).
era_configure() {
    local case_name=$1 run=$2 n i ids=() ips=()
    n=$(era_parties "$case_name")
    for ((i = 0; i < n; i++)); do ids+=("${ERA_IDS[$i]}"); ips+=("192.168.7.$((i + 1))"); done
    local conf="$run/docker-deploy/docker-configuration.sh"
    sed -i -E "s/^partylist=.*/partylist=(${ids[*]})/; s/^partyiplist=.*/partyiplist=(${ips[*]})/" "$conf"
    case "$case_name" in
    *separate*) sed -i -E "s/^exchangeip=.*/exchangeip=$ERA_SEPARATE_EXCHANGE/" "$conf" ;;
    esac
    grep -qx "partylist=(${ids[*]})" "$conf" && grep -qx "partyiplist=(${ips[*]})" "$conf" ||
        { echo "  cannot set partylist/partyiplist in $conf: the file's layout changed"; return 1; }
    case "$case_name" in
    *separate*) grep -qx "exchangeip=$ERA_SEPARATE_EXCHANGE" "$conf" ||
        { echo "  cannot set exchangeip in $conf"; return 1; } ;;
    esac
    if era_thirdparty "$case_name"; then
        sed -i -E "s#^THIRDPARTYPREFIX=.*#THIRDPARTYPREFIX=$ERA_REGISTRY#" "$run/.env"
        grep -qx "THIRDPARTYPREFIX=$ERA_REGISTRY" "$run/.env" ||
            { echo "  cannot set THIRDPARTYPREFIX in $run/.env"; return 1; }
    fi
}

era_run() {
    if era_thirdparty "$1"; then bash docker-deploy/docker-auto-deploy.sh useThirdParty
    else bash docker-deploy/docker-auto-deploy.sh; fi
}

era_import() {
    "$cli" import --kubefate-config "$2/docker-deploy/docker-configuration.sh" -o "$3" --force
}

# No passwords in 1.1.0: nothing to add to `fate-deployer-cli render`.
era_render_args() { :; }

# 1.1.0 renders every archive the script sends.
era_documented_bundle() { return 1; }

era_bundles() {
    local n i; n=$(era_parties "$1")
    for ((i = 0; i < n; i++)); do echo "confs-${ERA_IDS[$i]}"; done
    echo exchange
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

# The deliberate differences of docs/render.md, "Deliberate differences from the script".
# documented PATH KUBEFATE_FILE OUR_FILE → prints "REASON|DETAIL", returns 0 when allowed.
documented() {
    local p=$1 up=$2 ours=$3
    # 1. No .bak files: sed -i.bak leaves the state before the last edit beside each edited file.
    if [[ "$p" == *.bak ]] && [ -f "$up" ] && [ ! -e "$ours" ] && [ -e "${ours%.bak}" ]; then
        echo "1. no .bak files|sed -i.bak leftover of ${p%.bak}"
        return 0
    fi
    # 2. A private registry applies to every image of every compose file: KubeFATE's useThirdParty
    #    rewrites only the party files' ${PREFIX} (its mysql/redis patterns never match) and never the
    #    exchange. Allowed only if applying exactly that rule to KubeFATE's file gives ours.
    if era_thirdparty "$case_name" && [[ "$p" == docker-compose*.yml ]] && [ -f "$up" ] && [ -f "$ours" ] &&
        [ "$(stat -c %a "$up")" = "$(stat -c %a "$ours")" ]; then
        if sed -E '/^[[:space:]]*image:/{ s#\$\{PREFIX\}/#${THIRDPARTYPREFIX}/#; /THIRDPARTYPREFIX/! s#(image:[[:space:]]*"?)#\1${THIRDPARTYPREFIX}/#; }' \
            "$up" | cmp -s - "$ours"; then
            echo "2. registry applied to every image|$(diff "$up" "$ours" | grep -c '^>') image line(s) KubeFATE leaves on Docker Hub or \${PREFIX}"
            return 0
        fi
    fi
    return 1
}
