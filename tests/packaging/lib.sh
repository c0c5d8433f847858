# Shared helpers of the packaging tests (sourced, POSIX sh).
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
note() {
    echo "-- $*"
}
need_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 ||
            fail "$tool is missing; install the packaging tools with: scripts/deps.sh package"
    done
}
# check_icons DIR CONTEXT NAME: the hicolor theme under DIR has CONTEXT/NAME at every fixed size with those pixels, and as SVG.
check_icons() {
    for size in 16 24 32 48 64 128 256; do
        png="$1/${size}x${size}/$2/$3.png"
        [ -f "$png" ] || fail "icon $png is missing"
        file -b "$png" | grep -q "^PNG image data, $size x $size," ||
            fail "icon $png is not a ${size}x$size PNG: $(file -b "$png")"
    done
    [ -f "$1/scalable/$2/$3.svg" ] || fail "icon $1/scalable/$2/$3.svg is missing"
}
# check_mime SHARE: the MIME package under SHARE/mime/packages maps *.fdproj once compiled.
check_mime() {
    mime="$work/mime"
    rm -rf "$mime"
    mkdir -p "$mime/packages"
    cp "$1"/mime/packages/*.xml "$mime/packages/"
    update-mime-database "$mime" >/dev/null || fail "update-mime-database rejected $1/mime/packages"
    grep -q ':application/x-fate-deployer-project:\*\.fdproj' "$mime/globs2" ||
        fail "*.fdproj is not mapped to application/x-fate-deployer-project"
}
# check_desktop SHARE BIN: desktop file and metainfo validate and name what exists.
check_desktop() {
    id=io.github.fate_deployer.FateDeployer
    desktop="$1/applications/$id.desktop"
    desktop-file-validate "$desktop" || fail "desktop-file-validate rejected $desktop"
    grep -q "^Exec=fate-deployer %f$" "$desktop" || fail "$desktop: Exec is not 'fate-deployer %f'"
    [ -x "$2/fate-deployer" ] || fail "$desktop: Exec names fate-deployer, which is not in $2"
    grep -q "^MimeType=application/x-fate-deployer-project;$" "$desktop" || fail "$desktop: MimeType missing"
    grep -q "^Name\[zh_CN\]=" "$desktop" || fail "$desktop: no Chinese name"
    metainfo="$1/metainfo/$id.metainfo.xml"
    appstreamcli validate --no-net "$metainfo" || fail "appstreamcli rejected $metainfo"
    grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
        fail "$metainfo: launchable does not name $id.desktop"
    grep -q "@[A-Z_]*@" "$metainfo" && fail "$metainfo: unconfigured @VARIABLE@ left"
    check_icons "$1/icons/hicolor" apps "$id"
    check_icons "$1/icons/hicolor" mimetypes application-x-fate-deployer-project
}
