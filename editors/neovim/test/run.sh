#!/usr/bin/env bash
# Runs the Neovim end-to-end test (e2e.lua) in a headless Neovim with a clean
# home: builds scopels from this checkout (or takes the binary given), puts
# it on PATH, copies the fixture (testdata/) to a temporary folder and starts Neovim
# with init.lua, which loads editors/neovim the way the README says.
#
#   editors/neovim/test/run.sh [path/to/scopels]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/bin" "$tmp/ws"
if [ $# -gt 0 ]; then
	cp "$1" "$tmp/bin/scopels"
else
	(cd "$repo" && go build -o "$tmp/bin/scopels" ./cmd/scopels)
fi
cp -R "$here/testdata/." "$tmp/ws/"
ws=$(cd "$tmp/ws" && pwd -P)

for d in config data state cache; do mkdir -p "$tmp/xdg/$d"; done
status=0
PATH="$tmp/bin:$PATH" \
	SCOPELS_PLUGIN="$repo/editors/neovim" SCOPELS_WS="$ws" SCOPELS_BIN="$tmp/bin/scopels" \
	XDG_CONFIG_HOME="$tmp/xdg/config" XDG_DATA_HOME="$tmp/xdg/data" \
	XDG_STATE_HOME="$tmp/xdg/state" XDG_CACHE_HOME="$tmp/xdg/cache" \
	timeout 90 nvim --headless -i NONE -n -u "$here/init.lua" -c "luafile $here/e2e.lua" </dev/null || status=$?
echo
if [ "$status" -ne 0 ]; then
	echo "neovim end-to-end test failed (exit status $status); LSP log:"
	find "$tmp/xdg" -name 'lsp.log' -exec tail -n 40 {} \; 2>/dev/null || true
	exit 1
fi
