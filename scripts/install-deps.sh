#!/usr/bin/env bash
# Installs the Debian packages MolScreen builds against, runs with, or validates against.
# Idempotent: installs only what is missing. Safe to call from build.sh, test.sh and CI.
set -euo pipefail

# Product dependencies and the data/peers the tests and example use (all from Debian bookworm).
packages=(
  rdkit-data        # NCI compound sets (example workflow, validation) and PAINS/Crippen tables
  libopenbabel-dev openbabel   # chemistry perception: our C++ shim links libopenbabel (GPL-2.0)
  autodock-vina     # docking peer (score/redock agreement tests, `bench dock`) and PDBQT interop check (never used by the product)
  python3-rdkit     # the oracle our chemistry is validated against in tests (never used by the product)
  python3-sklearn   # the RandomForest baseline the property predictors are compared with (bench/peers, never the product)
  python3-gemmi     # mmCIF reading and RNA-interface peer (`bench mmcif`, bench/peers/gemmi_mmcif.py; never the product)
  g++ pkg-config    # builds the OpenBabel shim
  slurm-wlm munge   # `molscreen submit --scheduler slurm` is tested against a real throw-away cluster
  python3           # tests/slurm/cluster.sh picks free ports with it
  chromium          # renders report.html headless in the rank stage's tests (never used by the product)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing Debian packages: ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >&2
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
