#!/usr/bin/env bash
# Installs what the e2e run needs, offline-safe and idempotent:
#   Debian: chromium, build deps of code-server's native modules, ripgrep, a CJK font
#   npm:    code-server (into .vscode-test/code-server, git-ignored), built without its downloads
set -euo pipefail
cd "$(dirname "$0")/.."
CS_VERSION=4.100.3
CACHE=.vscode-test/code-server
STAMP="$CACHE/.ready-$CS_VERSION"

need_apt=0
for p in chromium pkg-config rg; do command -v "$p" >/dev/null 2>&1 || need_apt=1; done
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need_apt=1
dpkg -s libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev >/dev/null 2>&1 || need_apt=1
if [ "$need_apt" = 1 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config ripgrep fonts-noto-cjk >/dev/null
fi

if [ -f "$STAMP" ]; then
  echo "code-server $CS_VERSION ready in $CACHE"
  exit 0
fi

mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || echo '{"name":"e2e-code-server","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION" >/dev/null
VSC=node_modules/code-server/lib/vscode
(cd "$VSC" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VSC/node_modules/@vscode/ripgrep/bin/rg"
for m in node-pty @vscode/spdlog @parcel/watcher kerberos native-watchdog @vscode/deviceid; do
  if [ -d "$VSC/node_modules/$m" ]; then
    (cd "$VSC/node_modules/$m" && npx --yes node-gyp rebuild >/dev/null 2>&1) || { echo "build of $m failed"; exit 1; }
  fi
done
[ -e "$VSC/node_modules.asar" ] || ln -s node_modules "$VSC/node_modules.asar"
(cd "$VSC/extensions" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
npm rebuild argon2 >/dev/null
touch ".ready-$CS_VERSION"
echo "code-server $CS_VERSION installed in $CACHE"
