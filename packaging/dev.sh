#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what is missing, builds, then
# either starts the app (`run`) or runs the whole test suite (`test`). Idempotent: a
# second call with nothing changed only re-checks packages and lets ninja find no work.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BEM_BUILD_DIR:-$here/build}"
mode="${1:-run}"
[ $# -gt 0 ] && shift

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libgl-dev
    qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libqt6svg6
    jq xvfb xauth desktop-file-utils appstream dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DBEM_WARNINGS_AS_ERRORS=ON
fi
cmake --build "$build"

case "$mode" in
run)
    # With no arguments, a first-time user without an API key sees the built-in demo;
    # with a key (BEM_API_KEY or the keychain) the app starts normally.
    [ $# -eq 0 ] && set -- --demo-if-no-key
    exec "$build/bem-call-inspector" "$@"
    ;;
test)
    cd "$build"
    exec env QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$(nproc)" "$@"
    ;;
*)
    echo "usage: $0 run [app arguments] | test [ctest arguments]" >&2
    exit 2
    ;;
esac
