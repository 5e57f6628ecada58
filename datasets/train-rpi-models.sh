#!/usr/bin/env bash
# Re-trains the shipped RNA–protein interaction models (datasets/models/rpi-pair, datasets/models/rpi-interface)
# with their model cards, from ../shared/data (or MOLSCREEN_SHARED_DATA). Fixed seeds: the same data, libtorch
# and thread count give the same weights. About 10–20 minutes on a 2-core machine (most of it the 5-fold CV
# that fills the cards' figures; pass --no-cv to skip it).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
shared="${MOLSCREEN_SHARED_DATA:-$root/../shared/data}"
export MOLSCREEN_TORCH_THREADS="${MOLSCREEN_TORCH_THREADS:-1}"
# The pair model is trained on RPI1807 only: its pairs are PDB-derived (CC0 coordinates), while the NPInter
# subset (npinter-edlmfc) has no stated licence and must not shape a model we redistribute.
exec "$root/molscreen" rpi-train --shared-data "$shared" --out "$root/datasets/models" \
  --pair-sets RPI1807 --pair-epochs 20 --interface-epochs 8 --seed 20261123 "$@"
