#!/usr/bin/env bash
# Sets up a fresh Debian machine for topodoc: Chromium's headless shell (the browser topodoc
# prefers: it starts in half the time of the full Chromium; the full one where Debian has no
# shell) and the CJK/emoji fonts (apt, only when absent), the npm packages pinned by the lockfile,
# and the compiled CLI in dist/. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for pkg in fonts-noto-cjk fonts-noto-color-emoji; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
full_browser=false
if have chromium || have chromium-browser || have google-chrome; then full_browser=true; fi
if have chromium-headless-shell || have chrome-headless-shell; then
  shell_wanted=false
else
  shell_wanted=true
fi
if [ ${#missing[@]} -gt 0 ] || [ "$shell_wanted" = true ]; then
  if ! "${sudo_cmd[@]}" apt-get update -qq; then
    # Without apt, a full Chromium already here still renders (only slower to start).
    if [ ${#missing[@]} -eq 0 ] && [ "$full_browser" = true ]; then shell_wanted=false; else exit 1; fi
  fi
fi
if [ "$shell_wanted" = true ]; then
  if apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    missing+=(chromium-headless-shell)
  elif [ "$full_browser" = false ]; then
    missing+=(chromium)
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Puppeteer must not download a browser of its own (there is no network for it); it uses Chromium above.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
npm run --silent build
