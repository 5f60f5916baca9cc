#!/usr/bin/env bash
# Installs topodoc as a user would, from the packed tarball into a fresh global prefix, and runs
# the installed CLI: `--version`, then `check` on a copy of examples/node.topo. No PUPPETEER_*
# variable is set: the production dependencies (puppeteer-core) must not download a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in $(env | grep -o '^PUPPETEER_[A-Z_]*' || true); do unset "$name"; done

# `npm pack` runs the `prepare` script, so the tarball holds a freshly compiled dist/.
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
npm install --global --prefix "$work/prefix" --prefer-offline --no-audit --no-fund "$work/$tarball" >/dev/null
topodoc="$work/prefix/bin/topodoc"

version=$("$topodoc" --version)
expected=$(node -p 'require("./package.json").version')
[ "$version" = "$expected" ] || { echo "install-test: --version says '$version', package.json '$expected'"; exit 1; }
if [ -d "$work/prefix/lib/node_modules/topodoc/node_modules/puppeteer" ]; then
  echo "install-test: the full puppeteer was installed; only puppeteer-core belongs to the runtime"
  exit 1
fi

mkdir "$work/project"
cp examples/node.topo "$work/project/"
(cd "$work/project" && "$topodoc" check node.topo)
size=$(du -sm "$work/prefix" | cut -f1)
echo "install-test: topodoc $version installed from $tarball ($size MB) and checked examples/node.topo"
