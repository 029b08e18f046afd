#!/usr/bin/env bash
# The README's pictures of an exported Word document: examples/wuzhong-2023.txt exported with
# `gov-report-lint --export docx`, converted to PDF by LibreOffice (soffice must report no warning but
# its own about Java, which it does not need), and the two pages with tables 二, 三 and 四 rendered
# (docs/images/export-word-1.png, export-word-2.png). Needs libreoffice-writer-nogui and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp examples/wuzhong-2023.txt "$tmp/"
node dist/cli.js --export docx "$tmp/wuzhong-2023.txt" > /dev/null
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/wuzhong-2023.docx" > "$tmp/soffice.log" 2>&1
if grep -iv 'javaldx\|^convert ' "$tmp/soffice.log" | grep -i 'warn\|error'; then
  echo "LibreOffice warned while converting the exported document" >&2
  exit 1
fi
pages=$(pdfinfo "$tmp/wuzhong-2023.pdf" | awk '/^Pages:/ {print $2}')
n=0
for ((p = 1; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" "$tmp/wuzhong-2023.pdf" - | grep -q '申请人情况'; then
    n=$((n + 1))
    pdftoppm -r 90 -f "$p" -l "$p" -png -singlefile "$tmp/wuzhong-2023.pdf" "docs/images/export-word-$n"
    [ "$n" -ge 2 ] && break
  fi
done
echo "$pages pages; tables on docs/images/export-word-1.png and export-word-2.png"
