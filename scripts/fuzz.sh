#!/usr/bin/env bash
# fuzz.sh DURATION [REGEXP]: run every fuzz target of the module (each
# `func FuzzXxx` in a _test.go file), one after the other, for DURATION
# each (a -fuzztime value: 10s, 10m, 5000x). REGEXP, when given, keeps
# the targets whose "package/FuzzName" matches it (grep -E).
#
# A target that fails does not stop the others; its crasher is written by
# go test to the package's testdata/fuzz/FuzzName/ (commit it: it becomes a
# regression test that plain `go test` runs), and the script exits 1 after
# the summary. Environment: FUZZ_PARALLEL sets the workers per target
# (default: the number of CPUs), FUZZ_MINIMIZE how long a new input or a
# crasher is minimized (default 10s: long minimizations of large inputs
# otherwise eat the fuzzing time).
#
#   scripts/fuzz.sh 10m                 # all targets, ten minutes each
#   scripts/fuzz.sh 30s 'lsp'           # the language server's targets
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: scripts/fuzz.sh DURATION [REGEXP]" >&2
	exit 2
fi
duration=$1
filter=${2:-.}
parallel=${FUZZ_PARALLEL:-$(nproc)}
minimize=${FUZZ_MINIMIZE:-10s}

# targets prints "package-dir FuzzName" for every fuzz target.
targets() {
	git ls-files -- '*_test.go' 2>/dev/null | xargs -r grep -HoE '^func Fuzz[A-Za-z0-9_]*\(' |
		sed -E 's#^(.*)/[^/]+_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#\1 \2#; s#^[^/ ]+_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#. \1#' |
		sort -u
}

# The files may not be committed yet: fall back to the work tree.
list=$(targets)
if [ -z "$list" ] || [ "$(git status --porcelain -- '*_test.go' 2>/dev/null | wc -l)" -gt 0 ]; then
	list=$(find . -name '*_test.go' -not -path './.git/*' -not -path '*/node_modules/*' -print0 |
		xargs -0 grep -HoE '^func Fuzz[A-Za-z0-9_]*\(' |
		sed -E 's#^\./##; s#^(.*)/[^/]+_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#\1 \2#' | sort -u)
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=()
summary=()
while read -r dir name; do
	[ -n "$name" ] || continue
	grep -qE -- "$filter" <<<"$dir/$name" || continue
	echo "=== $dir $name ($duration)"
	log="$logs/$name.log"
	start=$(date +%s)
	status=0
	go test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" -fuzzminimizetime "$minimize" \
		-parallel "$parallel" "./$dir" >"$log" 2>&1 || status=$?
	secs=$(($(date +%s) - start))
	execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
	if [ "$status" -ne 0 ]; then
		grep -vE '^fuzz: elapsed: ' "$log" || true
		failed+=("$dir $name")
		summary+=("FAIL $dir $name: ${secs}s, $execs execs")
	else
		tail -n 2 "$log"
		summary+=("ok   $dir $name: ${secs}s, $execs execs")
	fi
done <<<"$list"

echo
printf '%s\n' "${summary[@]}"
if [ ${#summary[@]} -eq 0 ]; then
	echo "no fuzz target matches $filter"
	exit 2
fi
if [ ${#failed[@]} -gt 0 ]; then
	echo "${#failed[@]} fuzz target(s) failed; crashers are in their package's testdata/fuzz/"
	exit 1
fi
