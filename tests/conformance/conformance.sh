#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Upstream conformance check: runs KubeFATE's own, unmodified docker-deploy script for a tag with
# recording ssh/scp stand-ins, renders the same configuration with fate-deployer-cli, and compares
# what each would send to every host, file by file (sha256, mode) and as file sets.
# Only the differences documented in docs/render.md (and encoded in eras/<era>.sh) are allowed.
#
# usage: conformance.sh --cli PATH [--src DIR] [--tag TAG]... [--case NAME]... [--keep DIR] [--list] [-v]
#        conformance.sh [--src DIR] --tag TAG --extract DIR   (only write the tag's tree into DIR)
#   --src   KubeFATE git dir (bare or not) or checkout/release tree; default $FD_KUBEFATE_SRC
#   --tag   tag to check (repeatable); default every tag that has cases (eras/*.sh)
#   --case  only this case (repeatable); --list prints the cases
#   --keep  keep the work folder there (default: a temp dir, removed at the end)
#   -v      list every file with a documented difference (default: a count per documented reason)
#   --extract  write the tag's docker-deploy/ and .env into DIR (absent blobs as placeholders), then stop;
#           the integration test tests/conformance/tst_deploy_kubefate uses it
# Exit: 0 all cases conform, 1 a difference or an error, 77 skipped (no KubeFATE source given).
# KubeFATE's files are read from --src only; nothing of them is stored in this repository.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cli="" src="${FD_KUBEFATE_SRC:-}" keep="" list=0 extract="" verbose=0
tags=() only=()
while [ $# -gt 0 ]; do
    case "$1" in
    --cli) cli=$2; shift 2 ;;
    --src) src=$2; shift 2 ;;
    --tag) tags+=("$2"); shift 2 ;;
    --case) only+=("$2"); shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --list) list=1; shift ;;
    -v|--verbose) verbose=1; shift ;;
    --extract) extract=$2; shift 2 ;;
    -h|--help) sed -n '3,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "conformance: unknown argument $1" >&2; exit 2 ;;
    esac
done

# Tag → era file. Later eras add a line here and an eras/<era>.sh with their cases.
# An era file defines era_cases, era_describe, era_configure, era_run, era_import, era_render_args,
# era_bundles, era_upstream_archive, era_upstream_placement, era_archive_root, era_documented_bundle and
# documented.
era_of() {
    case "$1" in
    1.1.0) echo 1.1.0 ;;
    v1.11.2) echo v1.11.2 ;;
    v2.0.0) echo v2.0.0 ;;
    *) return 1 ;;
    esac
}
[ ${#tags[@]} -gt 0 ] || tags=(1.1.0 v1.11.2 v2.0.0)

if [ $list = 1 ]; then
    for tag in "${tags[@]}"; do
        era=$(era_of "$tag") || { echo "no cases for tag $tag" >&2; exit 1; }
        ( . "$here/eras/$era.sh"; for c in $(era_cases); do echo "$tag/$c"; done )
    done
    exit 0
fi
# --- recording stand-ins for every command that could leave the machine --------------------------
# scp copies the file into $FD_CONF_REC/hosts/<host>/<remote path>; ssh stores its stdin (the remote
# commands) as $FD_CONF_REC/hosts/<host>/ssh-<n>.sh. docker/docker-compose must not run locally at all.
make_standins() {
    local bin=$1
    mkdir -p "$bin"
    cat > "$bin/scp" <<'SCP'
#!/bin/bash
# recording stand-in: nothing is sent anywhere
echo "scp $*" >> "$FD_CONF_REC/commands.log"
args=(); skip=0
for a in "$@"; do
    if [ $skip = 1 ]; then skip=0; continue; fi
    case "$a" in -r|-q|-p) ;; -P) skip=1 ;; -*) echo "scp stand-in: unexpected option $a" >&2; exit 1 ;; *) args+=("$a") ;; esac
done
[ ${#args[@]} -eq 2 ] || { echo "scp stand-in: expected SRC USER@HOST:PATH" >&2; exit 1; }
target=${args[1]}; userhost=${target%%:*}; path=${target#*:}; host=${userhost#*@}
path=${path#\~/}; path=${path#\~}
dest="$FD_CONF_REC/hosts/$host/home/$path"
mkdir -p "$dest" && cp -r "${args[0]}" "$dest/"
SCP
    cat > "$bin/ssh" <<'SSH'
#!/bin/bash
# recording stand-in: stores the remote commands read from stdin; nothing is run or sent
echo "ssh $*" >> "$FD_CONF_REC/commands.log"
userhost=""; skip=0
for a in "$@"; do
    if [ $skip = 1 ]; then skip=0; continue; fi
    case "$a" in -p) skip=1 ;; -*) ;; *) [ -z "$userhost" ] && userhost=$a ;; esac
done
host=${userhost#*@}
mkdir -p "$FD_CONF_REC/hosts/$host"
n=$(ls "$FD_CONF_REC/hosts/$host" | grep -c '^ssh-')
cat > "$FD_CONF_REC/hosts/$host/ssh-$((n + 1)).sh"
SSH
    # hostname -I: no address of this machine is a party's, so v1.11's docker_deploy.sh never takes its
    # "deploy locally" shortcut and records every host's commands.
    printf '#!/bin/sh\necho 127.0.0.1\n' > "$bin/hostname"
    for tool in docker docker-compose rsync sftp curl wget; do
        printf '#!/bin/sh\necho "%s stand-in: the script tried to run %s $*" >&2\necho "%s $*" >> "$FD_CONF_REC/commands.log"\nexit 1\n' \
            "$tool" "$tool" "$tool" > "$bin/$tool"
    done
    chmod 755 "$bin"/*
}

# --- the tag's tree: docker-deploy/ and the repository-root .env ----------------------------------
# From a git dir: read into a temporary index (the repository is never written), drop the blobs a
# partial clone lacks, check the rest out; each absent blob becomes a one-line placeholder (the same
# file for both sides, since both read this tree).
extract_tree() {
    local tag=$1 out=$2 gitdir
    mkdir -p "$out"
    if gitdir=$(git -C "$src" rev-parse --absolute-git-dir 2>/dev/null) &&
        git --git-dir="$gitdir" rev-parse --verify -q "$tag^{commit}" >/dev/null; then
        (
            export GIT_DIR="$gitdir" GIT_WORK_TREE="$out" GIT_INDEX_FILE="$out.index"
            cd "$out" || exit 1
            git read-tree "$tag" || exit 1
            git ls-files -s -- docker-deploy .env > "$out.files" || exit 1
            awk '{ print $2 }' "$out.files" | git cat-file --batch-check='%(objectname)' |
                awk '$2 == "missing" { print $1 }' > "$out.missing"
            awk 'FILENAME == ARGV[1] { gone[$1] = 1; next } !($2 in gone) { sub(/^[^\t]*\t/, ""); print }' \
                "$out.missing" "$out.files" | git checkout-index --stdin -f || exit 1
            awk 'FILENAME == ARGV[1] { gone[$1] = 1; next } ($2 in gone) { print }' "$out.missing" "$out.files" |
                while IFS=$'\t' read -r meta path; do
                    set -- $meta
                    mkdir -p "$(dirname "$path")"
                    echo "placeholder for blob $2, absent from the KubeFATE repository" > "$path"
                done
        ) || { echo "conformance: cannot read $tag from $gitdir" >&2; return 1; }
        echo "tree: $tag from git dir $gitdir ($(find "$out" -type f | wc -l) files," \
            "$(wc -l < "$out.missing") absent blob(s) as placeholders)"
        rm -f "$out.index" "$out.files" "$out.missing"
    elif [ -d "$src/docker-deploy" ]; then
        cp -r "$src/docker-deploy" "$out/"
        [ -f "$src/.env" ] && cp "$src/.env" "$out/"
        echo "tree: $src (a checkout or release tree; --tag $tag names the era only)"
    else
        echo "conformance: $src has no tag $tag and no docker-deploy/ folder" >&2
        return 1
    fi
}

# --- comparison ------------------------------------------------------------------------------------
# manifest: "<type><mode> <sha256> <path>" for every file and link under a folder (type f or l),
# sorted by path; one find, one stat and one sha256sum pass, so 8-party cases stay fast.
manifest() {
    (
        cd "$1" || exit 1
        find . \( -type f -o -type l \) -printf '%P\0' | LC_ALL=C sort -z > "$1.list"
        paste -d ' ' <(xargs -0r stat -c '%F' -- < "$1.list" | sed 's/^regular.*/f/; s/^symbolic.*/l/') \
            <(xargs -0r stat -c '%a' -- < "$1.list") \
            <(xargs -0r sha256sum -- < "$1.list" | cut -c1-64) \
            <(tr '\0' '\n' < "$1.list") | sed -E 's/^([fl]) /\1/'
        rm -f "$1.list"
        # Eras whose bundles ship empty folders (v1.11: shared_dir/*, data/) compare those too, as type d.
        [ "${ERA_COMPARE_EMPTY_DIRS:-0}" = 0 ] || find . -mindepth 1 -type d -empty -printf 'd%m empty-folder %P\n'

    )
}

show_diff() {
    local a=$1 b=$2
    if grep -Iq . "$a" 2>/dev/null && grep -Iq . "$b" 2>/dev/null || [ ! -s "$a" ] || [ ! -s "$b" ]; then
        diff -u --label "kubefate/$3" --label "ours/$3" "$a" "$b" | sed -n '1,60p' | cat -A | sed 's/\$$//; s/^/    | /'
    else
        echo "    | binary: kubefate $(stat -c %s "$a") bytes, ours $(stat -c %s "$b") bytes"
    fi
}

# compare UP OURS CASE: prints every difference, returns the number of undocumented ones.
# The era's `documented PATH UPFILE OURFILE` prints a reason and returns 0 when a difference is one
# of the documented deliberate ones (docs/render.md), 1 otherwise.
total_files=0 total_same=0 total_doc=0 total_bad=0
compare() {
    local up=$1 ours=$2 name=$3 files same doc=0 bad=0 p a b reason r
    local -A reasons=()
    manifest "$up" > "$up.manifest" && manifest "$ours" > "$ours.manifest" || return 1
    # one line per path in either tree: path TAB kubefate "mode sha" TAB ours "mode sha"
    awk 'NR == FNR { m = $1 " " $2; sub(/^[^ ]+ [^ ]+ /, ""); up[$0] = m; all[$0] = 1; next }
         { m = $1 " " $2; sub(/^[^ ]+ [^ ]+ /, ""); ours[$0] = m; all[$0] = 1 }
         END { for (p in all) printf "%s\t%s\t%s\n", p, up[p], ours[p] }' \
        "$up.manifest" "$ours.manifest" | LC_ALL=C sort > "$ours.joined"
    files=$(wc -l < "$ours.joined")
    same=$(awk -F '\t' '$2 != "" && $2 == $3' "$ours.joined" | wc -l)
    while IFS=$'\t' read -r p a b; do
        if reason=$(documented "$p" "$up/$p" "$ours/$p"); then
            doc=$((doc + 1))
            reasons[${reason%%|*}]=$((${reasons[${reason%%|*}]:-0} + 1))
            [ $verbose = 0 ] || echo "  documented  $p: ${reason%%|*} (${reason#*|})"
            continue
        fi
        bad=$((bad + 1))
        if [ -z "$a" ]; then echo "  DIFFERENT   $p: only in ours (mode ${b%% *})"
        elif [ -z "$b" ]; then echo "  DIFFERENT   $p: only in KubeFATE's output (mode ${a%% *})"
        elif [ "${a#* }" = "${b#* }" ]; then echo "  DIFFERENT   $p: mode kubefate ${a%% *}, ours ${b%% *}"
        else
            [ "${a%% *}" = "${b%% *}" ] || echo "  DIFFERENT   $p: mode kubefate ${a%% *}, ours ${b%% *}"
            echo "  DIFFERENT   $p: content"
            show_diff "$up/$p" "$ours/$p" "$p"
        fi
    done < <(awk -F '\t' '!($2 != "" && $2 == $3)' "$ours.joined")
    echo "  $name: $files files compared, $same identical, $doc documented differences, $bad undocumented"
    for r in "${!reasons[@]}"; do echo "    documented: ${reasons[$r]} × $r"; done | LC_ALL=C sort -k4
    total_files=$((total_files + files)) total_same=$((total_same + same))
    total_doc=$((total_doc + doc)) total_bad=$((total_bad + bad))
    return $((bad > 0))
}

# --- main -----------------------------------------------------------------------------------------
if [ -z "$src" ]; then
    echo "SKIPPED: FD_KUBEFATE_SRC is not set (the path of a KubeFATE git dir or checkout); nothing compared"
    exit 77
fi
[ -e "$src" ] || { echo "conformance: $src does not exist" >&2; exit 1; }
if [ -n "$extract" ]; then
    [ ${#tags[@]} = 1 ] || { echo "conformance: --extract needs exactly one --tag" >&2; exit 2; }
    [ ! -e "$extract" ] || [ -z "$(ls -A "$extract")" ] || { echo "conformance: $extract is not empty" >&2; exit 1; }
    extract_tree "${tags[0]}" "$(mkdir -p "$extract" && cd "$extract" && pwd)"
    exit
fi
[ -n "$cli" ] && [ -x "$cli" ] || { echo "conformance: --cli must name the built fate-deployer-cli" >&2; exit 1; }
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
for tool in git tar gzip sha256sum diff cmp find sed awk; do
    command -v $tool >/dev/null || { echo "conformance: $tool is missing" >&2; exit 1; }
done

if [ -n "$keep" ]; then
    mkdir -p "$keep" && work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d /tmp/fd-conformance.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
export LC_ALL=C LANGUAGE=en TZ=UTC
umask 022

failed_cases=()
ran=0
for tag in "${tags[@]}"; do
    era=$(era_of "$tag") || { echo "conformance: no cases for tag $tag yet (add one in eras/)" >&2; exit 1; }
    tree="$work/$tag/tree"
    rm -rf "$work/$tag" && mkdir -p "$work/$tag"
    extract_tree "$tag" "$tree" || exit 1
    # shellcheck source=eras/1.1.0.sh
    . "$here/eras/$era.sh"
    for case_name in $(era_cases); do
        if [ ${#only[@]} -gt 0 ]; then
            wanted=0; for o in "${only[@]}"; do [ "$o" = "$case_name" ] || [ "$o" = "$tag/$case_name" ] && wanted=1; done
            [ $wanted = 1 ] || continue
        fi
        ran=$((ran + 1))
        dir="$work/$tag/$case_name"
        mkdir -p "$dir"
        start=$(date +%s%N)
        echo "== $tag/$case_name: $(era_describe "$case_name")"
        ok=1
        # 1. KubeFATE's own script in a copy of the tree, with the stand-ins first on PATH.
        cp -r "$tree" "$dir/run"
        make_standins "$dir/bin"
        export FD_CONF_REC="$dir/rec"
        mkdir -p "$FD_CONF_REC/hosts"
        if ! era_configure "$case_name" "$dir/run"; then ok=0; fi
        if [ $ok = 1 ] && ! (cd "$dir/run" && HOME="$dir/home" PATH="$dir/bin:$PATH" era_run "$case_name" "$dir/run" \
                > "$dir/script.log" 2>&1 < /dev/null); then
            echo "  KubeFATE's script failed; its output:"; sed 's/^/    | /' "$dir/script.log" | tail -20; ok=0
        fi
        # 2. The same configuration through fate-deployer-cli import + render (bundles and archives).
        if [ $ok = 1 ]; then
            if ! era_import "$case_name" "$dir/run" "$dir/project.fdproj" > "$dir/import.log" 2>&1; then
                echo "  fate-deployer-cli import failed:"; sed 's/^/    | /' "$dir/import.log"; ok=0
            elif ! "$cli" render "$dir/project.fdproj" --templates "$tree" --out "$dir/ours" --archives \
                    $(era_render_args "$case_name" "$dir/run") > "$dir/render.log" 2>&1; then
                echo "  fate-deployer-cli render failed:"; sed 's/^/    | /' "$dir/render.log"; ok=0
            fi
        fi
        # 3. What each side would put on each host: unpack both sides' archives per bundle and compare.
        if [ $ok = 1 ]; then
            mkdir -p "$dir/up-out" "$dir/ours-out"
            bundles=$(era_bundles "$case_name")
            for b in $bundles; do
                if ! placed=$(era_upstream_placement "$b"); then
                    echo "  DIFFERENT   $b: KubeFATE's script sent no archive for it"; ok=0; total_bad=$((total_bad + 1)); continue
                fi
                ours_placed=$(sed -n "s#^.*/$b: [0-9]* files → \(.*\)\$#\1#p" "$dir/render.log")
                if [ "$placed" != "$ours_placed" ]; then
                    echo "  DIFFERENT   $b: KubeFATE puts it at $placed, ours at ${ours_placed:-nowhere}"
                    ok=0; total_bad=$((total_bad + 1))
                fi
                mkdir -p "$dir/up-out/$b" "$dir/ours-out/$b"
                tar -xzpf "$(era_upstream_archive "$b")" -C "$dir/up-out/$b" --no-same-owner || ok=0
                tar -xzpf "$dir/ours/$b.tar.gz" -C "$dir/ours-out/$b" --no-same-owner || ok=0
                compare "$dir/up-out/$b/$(era_archive_root "$b")" "$dir/ours-out/$b/$b" "$b → $placed" || ok=0
            done
            extra=$(cd "$dir/ours" && ls *.tar.gz | sed 's/\.tar\.gz$//' | grep -vxF -f <(printf '%s\n' $bundles))
            [ -z "$extra" ] || { echo "  DIFFERENT   ours renders bundles KubeFATE does not: $extra"; ok=0; }
            extra=$(cd "$FD_CONF_REC/hosts" && ls -d */home/* 2>/dev/null | grep -vxF -f <(for b in $bundles; do
                era_upstream_archive "$b" | sed "s#^$FD_CONF_REC/hosts/##"; done))
            for x in $extra; do
                # An archive the script sends that we deliberately do not render (docs/render.md).
                if reason=$(era_documented_bundle "$case_name" "$(basename "$x" .tar)"); then
                    echo "  documented  $x: $reason"; total_doc=$((total_doc + 1))
                else
                    echo "  DIFFERENT   KubeFATE sends what ours does not render: $x"; ok=0
                fi
            done
        fi
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        if [ $ok = 1 ]; then printf "   ok (%d.%d s)\n" $((ms / 1000)) $((ms % 1000 / 100)); else echo "   FAILED"; failed_cases+=("$tag/$case_name"); fi
        [ -n "$keep" ] || rm -rf "$dir"
    done
done
[ $ran -gt 0 ] || { echo "conformance: no case matched" >&2; exit 1; }
echo "== summary: $ran cases, $total_files files compared, $total_same identical, $total_doc documented differences, $total_bad undocumented"
if [ ${#failed_cases[@]} -gt 0 ]; then
    echo "FAILED: ${failed_cases[*]}"
    exit 1
fi
echo "PASSED"
