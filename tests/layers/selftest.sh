#!/bin/sh
# check_layers_selftest: scripts/check-layers passes on the real tree and fails, naming the file and the edge,
# on copies of it with one deliberate violation each (a back edge, a cycle inside a layer, remote -> model,
# core -> gui, a GUI header in core, an unknown module).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

"$src/scripts/check-layers" "$src" || { echo "FAIL: check-layers rejects the real tree" >&2; exit 1; }
echo "PASS: the real tree"

# expect_failure NAME FILE LINE EXPECTED: a fresh copy with LINE appended to FILE must fail with EXPECTED in stderr.
expect_failure() {
    name=$1 file=$2 line=$3 expected=$4
    rm -rf "$tmp/tree"
    mkdir -p "$tmp/tree"
    cp -R "$src/src" "$tmp/tree/src"
    mkdir -p "$(dirname "$tmp/tree/$file")"
    printf '%s\n' "$line" >>"$tmp/tree/$file"
    if "$src/scripts/check-layers" "$tmp/tree" >"$tmp/out" 2>&1; then
        echo "FAIL: $name: check-layers passed with $line in $file" >&2
        fails=$((fails + 1))
    elif ! grep -qF "$expected" "$tmp/out"; then
        echo "FAIL: $name: the message does not say \"$expected\":" >&2
        cat "$tmp/out" >&2
        fails=$((fails + 1))
    else
        echo "PASS: $name"
    fi
}

expect_failure "model -> jobs" src/core/model/validation.cpp '#include "jobs/plan.h"' \
    "src/core/model/validation.cpp: model -> jobs"
expect_failure "remote -> model" src/core/remote/sshendpoint.h '#include "model/project.h"' \
    "src/core/remote/sshendpoint.h: remote -> model"
expect_failure "templates -> render (cycle)" src/core/templates/templatesource.cpp '#include "render/bundle.h"' \
    "src/core/templates/templatesource.cpp: templates -> render"
expect_failure "jobs -> session" src/core/jobs/runner.cpp '#include "session/runsession.h"' \
    "src/core/jobs/runner.cpp: jobs -> session"
expect_failure "core -> cli" src/core/session/runsession.cpp '#include "cli/cliapp.h"' \
    "src/core/session/runsession.cpp: session -> cli"
expect_failure "gui -> cli" src/gui/mainwindow.cpp '#include "cli/consoleprompter.h"' \
    "src/gui/mainwindow.cpp: gui -> cli"
expect_failure "widgets in core" src/core/history/historystore.cpp '#include <QWidget>' \
    "src/core/history/historystore.cpp"
expect_failure "unknown module" src/core/newmodule/thing.h '#include "util/result.h"' \
    'module "newmodule" is not in scripts/check-layers'

[ "$fails" -eq 0 ] || exit 1
