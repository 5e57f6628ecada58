#!/usr/bin/env bash
# Cuts the ribosomal protein eS8 (6ZU5 author chain SI0) and the rRNA within 10 Å of it out of the 6ZU5 ribosome
# (datasets/targets/6zu5.cif, fetched by fetch-rna-targets.sh) for workflows/ribosome-6zu5.yaml. Writes
# datasets/targets/6zu5-eS8/{protein,rna,complex}.pdb and rna.fasta with `molscreen target cut` (builds the CLI on
# first use). Why eS8: docs/workflow.md#ribosome-target-6zu5.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cif="$root/datasets/targets/6zu5.cif"
out="$root/datasets/targets/6zu5-eS8"
[[ -f "$cif" ]] || "$root/datasets/fetch-rna-targets.sh"
if [[ -s "$out/protein.pdb" && "$out/protein.pdb" -nt "$cif" ]]; then echo "have $out"; exit 0; fi
"$root/molscreen" target cut --complex "$cif" --protein SI0 --rna-within 10 --out "$out"
