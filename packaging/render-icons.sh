#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the committed PNG of the app icon from its SVG drawing (needs librsvg2-bin). The
# PNG is committed so that the build needs no SVG renderer; rerun this after editing the
# drawing. Only 16 px has a PNG: larger sizes come from the scalable SVG, which is crisp
# from 24 px up, while the 16 px drawing is redrawn on whole pixels.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../resources/icons/app" && pwd)"
rsvg-convert -w 16 -h 16 "$dir/ai.bem.CallInspector-16.svg" -o "$dir/ai.bem.CallInspector-16.png"
