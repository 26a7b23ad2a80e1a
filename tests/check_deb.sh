#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CPack builds a .deb with the right metadata, computed dependencies and exactly the
# installed files. Usage: check_deb.sh BUILD_DIR VERSION
set -euo pipefail
build="$1"
version="$2"
app_id="ai.bem.CallInspector"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
fail() { echo "$*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >/dev/null
arch="$(dpkg --print-architecture)"
deb="$out/bem-call-inspector_${version}_${arch}.deb"
[ -f "$deb" ] || fail "no $deb; cpack made: $(ls "$out")"

echo "--- dpkg-deb -I"
dpkg-deb -I "$deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = "bem-call-inspector" ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = "devel" ] || fail "Section: $(field Section)"
[ "$(field Maintainer)" = "bem <support@bem.ai>" ] || fail "Maintainer: $(field Maintainer)"
[ "$(field Homepage)" = "https://bem.ai" ] || fail "Homepage: $(field Homepage)"
# (No early-exiting `grep -q` or `head` in pipes here: with pipefail, the writer's SIGPIPE
# would fail the test at random.)
description="$(field Description)"
[[ "${description%%$'\n'*}" == *"bem calls"* ]] || fail "Description: $description"
# Computed by dpkg-shlibdeps from what the binary links, plus Qt's SVG plugins (loaded at
# run time for the icons, so invisible to dpkg-shlibdeps).
depends="$(field Depends)"
depends_names="$(echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ (.*//')"
for lib in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 \
    libqt6dbus6 libqt6svg6 libqt6keychain1 libsimdjson14; do
    [[ $'\n'"$depends_names"$'\n' == *$'\n'"$lib"$'\n'* ]] || fail "Depends lacks $lib: $depends"
done

echo "--- dpkg-deb -c"
dpkg-deb -c "$deb"
files="$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | LC_ALL=C sort)"
expected="./usr/bin/bem-call-inspector
./usr/share/applications/$app_id.desktop
./usr/share/doc/bem-call-inspector/copyright
./usr/share/icons/hicolor/16x16/apps/$app_id.png
./usr/share/icons/hicolor/scalable/apps/$app_id.svg
./usr/share/metainfo/$app_id.metainfo.xml"
if [ "$files" != "$expected" ]; then
    echo "Packaged files differ from the expected list:" >&2
    diff <(echo "$expected") <(echo "$files") >&2 || true
    exit 1
fi
# Stripped: the debug information of the RelWithDebInfo build stays out of the package.
dpkg-deb -x "$deb" "$out/root"
kind="$(file -b "$out/root/usr/bin/bem-call-inspector")"
[[ "$kind" == *", stripped"* ]] || fail "binary not stripped: $kind"
echo "$deb: OK"
