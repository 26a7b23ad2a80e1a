#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `cmake --install` into a fresh prefix installs exactly the app and its desktop files, and
# the freedesktop validators accept what it installed. Usage: check_install.sh BUILD_DIR VERSION
set -euo pipefail
build="$1"
version="$2"
app_id="ai.bem.CallInspector"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null

expected="bin/bem-call-inspector
share/applications/$app_id.desktop
share/doc/bem-call-inspector/copyright
share/icons/hicolor/16x16/apps/$app_id.png
share/icons/hicolor/scalable/apps/$app_id.svg
share/metainfo/$app_id.metainfo.xml"
actual="$(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort)"
if [ "$actual" != "$expected" ]; then
    echo "Installed files differ from the expected list:" >&2
    diff <(echo "$expected") <(echo "$actual") >&2 || true
    exit 1
fi

desktop="$prefix/share/applications/$app_id.desktop"
metainfo="$prefix/share/metainfo/$app_id.metainfo.xml"
echo "--- desktop-file-validate $app_id.desktop"
desktop-file-validate "$desktop"
echo "--- appstreamcli validate --no-net $app_id.metainfo.xml"
appstreamcli validate --no-net "$metainfo"

# The pieces name each other: the entry runs the installed binary with a URL, shows the
# installed icon and registers our scheme; the metainfo launches that entry.
fail() { echo "$*" >&2; exit 1; }
grep -qx "Exec=bem-call-inspector %u" "$desktop" || fail "Exec line wrong"
grep -qx "Icon=$app_id" "$desktop" || fail "Icon is not $app_id"
grep -qx "MimeType=x-scheme-handler/bem-call-inspector;" "$desktop" || fail "no URL scheme handler"
grep -qx "Categories=Development;Network;" "$desktop" || fail "Categories wrong"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "metainfo does not launch $app_id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version"
# (No `grep -q` at the end of a pipe: with pipefail, the writer's SIGPIPE fails at random.)
svg_kind="$(file -b "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg")"
[[ "$svg_kind" == *SVG* ]] || fail "icon is not SVG: $svg_kind"
png_kind="$(file -b "$prefix/share/icons/hicolor/16x16/apps/$app_id.png")"
[[ "$png_kind" == *"PNG image data, 16 x 16"* ]] || fail "16 px icon is not a 16x16 PNG: $png_kind"

# The installed binary runs from its new place.
out="$(QT_QPA_PLATFORM= "$prefix/bin/bem-call-inspector" --version)"
[ "$out" = "bem-call-inspector $version" ] || fail "--version printed: $out"
echo "install into $prefix: OK"
