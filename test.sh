#!/usr/bin/env bash
# Quick start, step 2: run the whole test suite. Ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")"
scripts/install-deps.sh || exit 1
datasets/fetch-rna-targets.sh || exit 1
log=$(mktemp)
dotnet test MolScreen.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Each test assembly prints "Passed!|Failed!  - Failed: F, Passed: P, Skipped: S, Total: T, ...".
read -r passed failed skipped < <(grep -aoE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
  awk -F'[:,] *' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; echo "test run failed before reporting results (exit $status)"; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
