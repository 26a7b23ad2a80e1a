#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what is missing, builds, then
# then starts the app (`run`), runs the whole test suite (`test`), takes pictures of
# the window under Xvfb (`screenshots [DIR]`), or builds the .deb (`deb [DIR]`). Idempotent: a
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
    # Desktop notifications: the tests start a session bus of their own (dbus-daemon).
    dbus
    # The response parsers read JSON with simdjson.
    libsimdjson-dev
    # The fuzzer (`fuzz`): clang and its libFuzzer/sanitizer runtimes.
    clang libclang-rt-14-dev
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
    exec "$build/bem-call-inspector" "$@"
    ;;
test)
    cd "$build"
    exec env QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$(nproc)" "$@"
    ;;
asan)
    # The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer, in its own
    # build directory (the `asan` preset: build-asan/). Any finding fails the test it is in.
    [ -f "$here/build-asan/build.ninja" ] || (cd "$here" && cmake --preset asan)
    cmake --build "$here/build-asan"
    cd "$here"
    exec ctest --preset asan -j "$(nproc)" "$@"
    ;;
fuzz)
    # The response-body fuzzer (tests/fuzz) for SECONDS (default 60) with ASan + UBSan, from
    # the committed seeds plus what earlier runs found (build-fuzz/corpus). A crash leaves
    # its input in build-fuzz/artifacts/ and fails this command.
    seconds="${1:-60}"
    fuzz="$here/build-fuzz"
    [ -f "$fuzz/build.ninja" ] || (cd "$here" && cmake --preset fuzz)
    cmake --build "$fuzz"
    mkdir -p "$fuzz/corpus" "$fuzz/artifacts"
    # Inputs up to 64 KiB keep executions fast enough for a short run to get somewhere;
    # larger seeds are replayed whole by the normal build's fuzz_corpus_replay test.
    exec "$fuzz/tests/fuzz/fuzz_callload" -max_total_time="$seconds" -timeout=20 -max_len=65536 \
        -dict="$here/tests/fuzz/bem.dict" -artifact_prefix="$fuzz/artifacts/" \
        -print_final_stats=1 "$fuzz/corpus" "$here/tests/fuzz/corpus"
    ;;
screenshots)
    # The window in the states a user meets, light and dark, and at 200% scale: the real
    # window against the local bem API (tests/screenshot_tour.cpp), under a real X server.
    out="${1:-$build/screenshots}"
    mkdir -p "$out/light" "$out/dark" "$out/scale200"
    xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/screenshot_tour" --out "$out/light"
    xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/screenshot_tour" --out "$out/dark" --dark
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 3000x2000x24" \
        "$build/tests/screenshot_tour" --out "$out/scale200"
    echo "Screenshots in $out"
    ;;
deb)
    # The Debian package of what was just built, with computed dependencies.
    out="${1:-$build/packages}"
    mkdir -p "$out"
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >/dev/null
    rm -rf "$out/_CPack_Packages"
    ls "$out"/*.deb
    ;;
*)
    echo "usage: $0 run [app arguments] | test [ctest arguments] | asan [ctest arguments] | fuzz [SECONDS] | screenshots [DIR] | deb [DIR]" >&2
    exit 2
    ;;
esac
