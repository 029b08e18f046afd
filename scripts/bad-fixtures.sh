#!/usr/bin/env bash
# Makes the damaged and protected files in test/fixtures/bad/ from a rendering of a seed (Debian: qpdf).
# CI uses the committed files; run this again only to remake them.
set -euo pipefail
cd "$(dirname "$0")/.."
src=test/fixtures/renderings/wuzhong-2023.pdf
out=test/fixtures/bad
mkdir -p "$out"
# a password to open it (the user password), as some offices publish
qpdf --encrypt secret owner-secret 256 -- "$src" "$out/encrypted.pdf"
# cut short, as an interrupted download leaves it
head -c 60000 "$src" > "$out/truncated.pdf"
