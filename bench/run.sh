#!/usr/bin/env bash
# bench/run.sh: measures scopels side by side with the tools it is held
# against, on this machine, in one run, and writes the results into
# docs/performance.md (a table) and docs/performance.svg (a chart).
# docs/performance.md says what each figure means.
#
#   bash bench/run.sh
#
# Needs Go. Installs what is missing: ripgrep, Node.js and npm from Debian
# (apt-get), cspell and vscode-languageserver-protocol from npm into a
# temporary folder. Every figure is the median of several runs; commands
# compared with each other run in turn, so that a shared machine's noise
# touches both. Environment:
#
#   RUNS          runs of each timed command (default 7)
#   SLOW_RUNS     runs of cspell (default 5)
#   LSP_RUNS      repetitions of each language-server measurement (default 40)
#   GO_COUNT      -count of the Go benchmarks (default 5)
#   NO_WRITE=1    print the results without touching docs/
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
SLOW_RUNS=${SLOW_RUNS:-5}
LSP_RUNS=${LSP_RUNS:-40}
GO_COUNT=${GO_COUNT:-5}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv
: >"$results"

# need CMD PKG...: install Debian packages when CMD is missing.
need() {
	local cmd=$1
	shift
	if ! command -v "$cmd" >/dev/null 2>&1; then
		echo "installing $* (for $cmd)"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	fi
}

# step NAME: print a header.
step() {
	echo
	echo "=== $1"
}

# record KEY VALUE UNIT: add a figure to the results.
record() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"
}

step "tools"
need rg ripgrep
need node nodejs
need npm npm
node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
# cspell 9 needs Node 20.18 or later; Debian 12 has Node 18.
if [ "$node_major" -gt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -ge 18 ]; }; then
	cspell_version=9.8.0
else
	cspell_version=8.19.4
fi
mkdir -p "$work/npm"
cp bench/lsp/package.json "$work/npm/package.json"
(cd "$work/npm" && npm install --no-audit --no-fund --loglevel=error "cspell@$cspell_version" >/dev/null)
go build -o "$work/scopels" ./cmd/scopels
go build -o "$work/benchtool" ./bench/cmd/benchtool
"$work/benchtool" inputs -out "$work"
goroot_src=$(go env GOROOT)/src
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown CPU)
machine="$cpu, $(nproc) cores, $(go version | cut -d' ' -f3), ripgrep $(rg --version | sed -n 1p | cut -d' ' -f2), cspell $cspell_version, Node $(node --version), $(date -u +%Y-%m-%d)"
echo "$machine"
record env.machine "$machine" -

# Throughputs are medians; the best run is kept too (noise only slows).
step "Go benchmarks, one core (median and best of $GO_COUNT)"
go test -run '^$' -bench 'AnalyzeMixed|AnalyzeWorstCase/go$' -benchtime=5x -count="$GO_COUNT" -cpu 1 ./analysis/ |
	"$work/benchtool" gobench -results "$results" \
		AnalyzeMixed/all=go.analyze.mixed AnalyzeMixed/oauth-files=go.analyze.oauth AnalyzeWorstCase/go=go.analyze.worst
go test -run '^$' -bench 'ExtractYAML(v3)?$' -benchtime=10x -count="$GO_COUNT" -cpu 1 ./analysis/extract/ |
	"$work/benchtool" gobench -results "$results" ExtractYAML=go.extract.yaml ExtractYAMLv3=go.extract.yamlv3

step "scopels check vs rg -c -i scope: the Go source tree ($goroot_src)"
"$work/benchtool" time -runs "$RUNS" -results "$results" -- \
	rg.goroot rg -c -i scope "$goroot_src" + \
	check.goroot "$work/scopels" check "$goroot_src"

step "scopels check vs rg -c -i scope: the generated corpus"
"$work/benchtool" time -runs "$RUNS" -results "$results" -- \
	rg.corpus rg -c -i scope "$work/corpus" + \
	check.corpus "$work/scopels" check "$work/corpus"

step "scopels check vs cspell $cspell_version (every catalog scope in its dictionary): the generated corpus"
"$work/scopels" catalog list --format json | "$work/benchtool" dict >"$work/scopes.txt"
cat >"$work/cspell.json" <<EOF
{
  "version": "0.2",
  "language": "en",
  "dictionaryDefinitions": [{ "name": "oauth-scopes", "path": "$work/scopes.txt" }],
  "dictionaries": ["oauth-scopes"]
}
EOF
echo "dictionary: $(wc -l <"$work/scopes.txt") scopes"
"$work/benchtool" time -runs "$SLOW_RUNS" -dir "$work/corpus" -results "$results" -- \
	cspell.corpus "$work/npm/node_modules/.bin/cspell" lint --config "$work/cspell.json" --no-progress --no-summary --no-exit-code --dot "**" + \
	check.corpus.cspell "$work/scopels" check "$work/corpus"

step "language server over stdio (vscode-languageserver-protocol, median of $LSP_RUNS)"
SCOPELS_BIN="$work/scopels" FILE_2000="$work/lsp/lines2000.go" FILE_1MB="$work/lsp/size1mb.go" \
	MARKER_FIXED=https://www.googleapis.com/auth/drive.readonly MARKER_TYPO=https://www.googleapis.com/auth/drive.readonyl \
	RUNS="$LSP_RUNS" NODE_PATH="$work/npm/node_modules" node bench/lsp/client.js >"$work/lsp.tsv"
if grep -q '^FAIL' "$work/lsp.tsv"; then
	cat "$work/lsp.tsv"
	exit 1
fi
cat "$work/lsp.tsv"
cat "$work/lsp.tsv" >>"$results"

step "results"
if [ "${NO_WRITE:-}" = 1 ]; then
	cat "$results"
	exit 0
fi
"$work/benchtool" report -results "$results" -doc docs/performance.md -svg docs/performance.svg
sed -n '/<!-- bench:results:begin -->/,/<!-- bench:results:end -->/p' docs/performance.md
