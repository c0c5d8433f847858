#!/bin/sh
# Installs the Debian 12 packages a group needs, only those missing. Usage: deps.sh build|test|run|sandbox|package|fuzz ...
set -eu
pkgs_build="cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libgl-dev libssh-dev libarchive-dev qtkeychain-qt6-dev clang-format"
pkgs_run="libqt6widgets6 qt6-qpa-plugins"
pkgs_test="xvfb xauth openssh-client openssh-server docker.io docker-compose iproute2 iptables busybox-static tini
  gcc libc6-dev tar gzip procps psmisc imagemagick gnome-keyring dbus dbus-x11 util-linux openssl
  docker-registry apache2-utils
  fonts-wqy-microhei"
pkgs_package="dpkg-dev desktop-file-utils appstream file"
pkgs_fuzz="clang-14 libclang-rt-14-dev"

want=""
for group in "$@"; do
    case "$group" in
        build) want="$want $pkgs_build" ;;
        run) want="$want $pkgs_build $pkgs_run" ;;
        test|sandbox) want="$want $pkgs_build $pkgs_test" ;;
        package) want="$want $pkgs_package" ;;
        fuzz) want="$want $pkgs_build $pkgs_fuzz" ;;
        *) echo "deps.sh: unknown group $group" >&2; exit 2 ;;
    esac
done

missing=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "Missing packages:$missing — run as root or install them with apt-get." >&2
    exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
