#!/usr/bin/env bash
# Quick start, step 1: install what is needed, build everything, run the example workflow.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
scripts/install-deps.sh
datasets/fetch-rna-targets.sh   # the example's RNA–protein target, from Debian's apbs-data
dotnet build MolScreen.sln -c Release --nologo -v q -clp:ErrorsOnly
./molscreen run workflows/example.yaml --out out/example "$@"
echo
echo "Example done. Try: ./molscreen status --out out/example   and   ./molscreen inspect out/example/ranked.parquet"
