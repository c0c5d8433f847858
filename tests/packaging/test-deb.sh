#!/bin/sh
# Builds the Debian package with CPack, installs it into a clean dpkg root (never the system's), runs
# the installed CLI and GUI (offscreen --smoke on the installed example), validates the installed
# desktop files, purges the package and checks nothing is left. The machine is not changed: the
# system's dpkg database, log and any installed fate-deployer are only read.
# Usage: test-deb.sh BUILD_DIR CPACK_COMMAND VERSION
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="$1"
cpack="$2"
version="$3"
need_tools dpkg dpkg-deb dpkg-query readelf desktop-file-validate appstreamcli update-mime-database file timeout
work="$(mktemp -d "${TMPDIR:-/tmp}/fd-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT INT TERM
root="$work/root"
admin="$root/var/lib/dpkg"

# What the machine looks like before, to prove it unchanged at the end.
system_state() {
    dpkg-query -W -f='${Package} ${Version} ${Status}\n' fate-deployer 2>/dev/null || true
    ls -l --time-style=+%s /var/log/dpkg.log 2>/dev/null || true
    ls -l --time-style=+%s /usr/share/applications/io.github.fate_deployer.FateDeployer.desktop 2>/dev/null || true
}
system_state >"$work/before"

note "cpack -G DEB"
(cd "$bin" && "$cpack" -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    fail "cpack could not build the package"
}
arch="$(dpkg --print-architecture)"
deb="$work/out/fate-deployer_${version}_${arch}.deb"
[ -f "$deb" ] || fail "expected $deb; cpack made: $(ls "$work/out")"
dpkg-deb -I "$deb" >"$work/info" || fail "dpkg-deb cannot read $deb"
[ "$(dpkg-deb -f "$deb" Package)" = fate-deployer ] || fail "package name is not fate-deployer"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not $version"
depends="$(dpkg-deb -f "$deb" Depends)"
note "Depends: $depends"
for field in Maintainer Section Description Homepage; do
    [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "control field $field is empty"
done

# Depends must be computed: every shared library the binaries need is owned by a package in Depends.
dpkg-deb -x "$deb" "$work/x"
for exe in "$work"/x/usr/bin/*; do
    for soname in $(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        path="$(ldconfig -p | awk -v s="$soname" '$1 == s { print $NF; exit }')"
        [ -n "$path" ] || fail "$(basename "$exe") needs $soname, which this machine does not have"
        owner="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1)" ||
            owner=""
        [ -n "$owner" ] || owner="$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1)" || owner=""
        [ -n "$owner" ] || fail "no package owns $path ($soname)"
        echo "$depends" | tr ',' '\n' | sed 's/(.*)//; s/ //g' | tr '|' '\n' | grep -qx "$owner" ||
            fail "$(basename "$exe") needs $soname from $owner, but Depends does not name $owner"
    done
done
# ... and be satisfiable here (the libraries we linked against are installed).
echo "$depends" | tr ',' '\n' | while IFS= read -r clause; do
    ok=""
    for alt in $(echo "$clause" | sed 's/([^)]*)//g' | tr '|' ' '); do
        dpkg-query -W -f='${Status}' "$alt" 2>/dev/null | grep -q "ok installed" && ok=yes
    done
    [ -n "$ok" ] || fail "dependency '$clause' is not installed on this machine"
done

note "install into the clean root $root"
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers"
: >"$admin/status"
: >"$admin/available"
asroot=""
[ "$(id -u)" = 0 ] || asroot="--force-not-root"
# The root has no libraries, so Depends (checked above against this machine) cannot be met there.
# shellcheck disable=SC2086
dpkg --root="$root" --log="$work/dpkg.log" $asroot --force-depends --install "$deb" >"$work/install.log" 2>&1 || {
    cat "$work/install.log" >&2
    fail "dpkg could not install $deb"
}
dpkg-query --admindir="$admin" -W -f='${Status}' fate-deployer | grep -q "install ok installed" ||
    fail "fate-deployer is not 'install ok installed' in the clean root"

usr="$root/usr"
check_desktop "$usr/share" "$usr/bin"
check_mime "$usr/share"
for page in fate-deployer fate-deployer-cli; do
    [ -f "$usr/share/man/man1/$page.1.gz" ] || fail "manual page $page.1.gz missing"
done
[ -f "$usr/share/doc/fate-deployer/copyright" ] || fail "/usr/share/doc/fate-deployer/copyright missing"

# Run the installed programs with the system's libraries and a throw-away home.
example="$usr/share/fate-deployer/examples/two-party.fdproj"
[ -f "$example" ] || fail "the example project is not installed"
mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
run() {
    env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
        XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache" \
        XDG_RUNTIME_DIR="$work/runtime" LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
note "fate-deployer-cli --version"
out="$(run timeout 60 "$usr/bin/fate-deployer-cli" --version)" || fail "fate-deployer-cli --version failed"
[ "$out" = "fate-deployer-cli $version" ] || fail "fate-deployer-cli --version printed '$out'"
note "fate-deployer-cli validate on the installed example"
run timeout 60 "$usr/bin/fate-deployer-cli" validate "$example" ||
    fail "the installed example does not validate"
note "fate-deployer --smoke on the installed example (offscreen)"
run timeout 120 "$usr/bin/fate-deployer" --smoke "$example" || fail "fate-deployer --smoke exited with $?"

note "purge"
# shellcheck disable=SC2086
dpkg --root="$root" --log="$work/dpkg.log" $asroot --purge fate-deployer >"$work/purge.log" 2>&1 || {
    cat "$work/purge.log" >&2
    fail "dpkg could not purge fate-deployer"
}
if dpkg-query --admindir="$admin" -W -f='${Status}' fate-deployer 2>/dev/null | grep -q "installed"; then
    fail "fate-deployer is still installed in the clean root after purge"
fi
left="$(cd "$root" && find . -mindepth 1 ! -path './var' ! -path './var/lib' ! -path './var/lib/dpkg' \
    ! -path './var/lib/dpkg/*')"
[ -z "$left" ] || fail "purge left files behind: $left"
ls "$admin/info" | grep -q '^fate-deployer' && fail "purge left dpkg info files"

system_state >"$work/after"
cmp -s "$work/before" "$work/after" || {
    diff "$work/before" "$work/after" >&2
    fail "the system's dpkg state changed during the test"
}
note "package built, installed, ran, purged cleanly: $(basename "$deb")"
