#!/bin/sh
# Validates the desktop integration files as `cmake --install` lays them out: desktop file,
# AppStream metainfo, MIME package (compiled with update-mime-database), icons, example project.
# Usage: check-metadata.sh BUILD_DIR
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
need_tools cmake desktop-file-validate appstreamcli update-mime-database file
work="$(mktemp -d "${TMPDIR:-/tmp}/fd-metadata.XXXXXX")"
trap 'rm -rf "$work"' EXIT INT TERM

note "cmake --install into $work/prefix"
cmake --install "$1" --prefix "$work/prefix" >"$work/install.log" 2>&1 || {
    cat "$work/install.log" >&2
    fail "cmake --install failed"
}
check_desktop "$work/prefix/share" "$work/prefix/bin"
check_mime "$work/prefix/share"
[ -f "$work/prefix/share/fate-deployer/examples/two-party.fdproj" ] || fail "example project not installed"
[ -f "$work/prefix/share/doc/fate-deployer/copyright" ] || fail "copyright not installed"
note "desktop file, metainfo, MIME type and icons are valid"
