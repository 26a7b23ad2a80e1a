#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The committed .ts holds exactly the strings the sources pass to tr() today: lupdate, run
# as update_translations runs it (same options) on a copy, leaves the copy unchanged. And
# the build compiled it into the .qm that the app embeds.
# Usage: check_translations.sh BUILD_DIR SOURCE_DIR LUPDATE LINGUIST_CMAKE_DIR
set -euo pipefail
build="$1"
source="$2"
lupdate="$3"
linguist="$4"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ts="$source/resources/translations/bem-call-inspector_en.ts"

[ -s "$build/bem-call-inspector_en.qm" ] || { echo "the build made no .qm" >&2; exit 1; }
cmake -DIN_FILE="$build/.lupdate/bem-call-inspector_project.cmake" -DOUT_FILE="$tmp/project.json" \
    -P "$linguist/GenerateLUpdateProject.cmake"
cp "$ts" "$tmp/updated.ts"
"$lupdate" -project "$tmp/project.json" -locations none -no-obsolete -target-language en_US \
    -ts "$tmp/updated.ts" >/dev/null 2>&1
grep -q "<source>Call ID </source>" "$tmp/updated.ts" || { echo "lupdate found no window strings" >&2; exit 1; }
if ! cmp -s "$tmp/updated.ts" "$ts"; then
    echo "$ts is out of date; run: cmake --build build --target update_translations" >&2
    diff "$ts" "$tmp/updated.ts" >&2 || true
    exit 1
fi
echo "$(grep -c '<message' "$ts") messages, up to date"
