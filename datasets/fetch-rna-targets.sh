#!/usr/bin/env bash
# Installs the RNA–protein target of the shipped example from a Debian package (apbs-data, BSD-3-Clause):
# the λN peptide (22 aa) bound to the boxB RNA hairpin (19 nt), an energy-minimised model
# (García-García & Draper, J Mol Biol 2003). The package's PDB is non-standard (no chain ids, charged
# residue names such as AR+/LY+/GL-, radius and charge in the occupancy/B columns); we write a standard PDB:
#   datasets/targets/lambdaN-boxB/complex.pdb   chain A = peptide, chain B = RNA
#   datasets/targets/lambdaN-boxB/protein.pdb   chain A only (the docking receptor; the RNA is the partner)
#   datasets/targets/lambdaN-boxB/rna.fasta     the boxB sequence
# Idempotent: does nothing when the files exist and match. Needs apt-get (the .deb is fetched, not installed).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
dest="$here/targets/lambdaN-boxB"
member=./usr/share/apbs/examples/protein-rna/PDB/model_outNB.pdb
sha=7e95a2eddf6dd815cab3efdaa0d5d1844d2e454187e1bc311fe2e86c66063272
[[ -s "$dest/complex.pdb" && -s "$dest/protein.pdb" && -s "$dest/rna.fasta" && -s "$dest/.source.sha256" ]] &&
  [[ "$(cat "$dest/.source.sha256")" == "$sha" ]] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"   # apt's _apt user must be able to write the download there
(cd "$work" && apt-get download -q apbs-data >/dev/null 2>&1) ||
  { echo "fetch-rna-targets: 'apt-get download apbs-data' failed (no Debian mirror reachable?)" >&2; exit 1; }
dpkg --fsys-tarfile "$work"/apbs-data_*.deb | tar -xO "$member" > "$work/model.pdb"
echo "$sha  $work/model.pdb" | sha256sum -c --quiet - ||
  { echo "fetch-rna-targets: $member in apbs-data does not have the expected sha256 $sha" >&2; exit 1; }

mkdir -p "$dest"
python3 - "$work/model.pdb" "$dest" <<'PY'
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
echo "$sha" > "$dest/.source.sha256"
echo "fetch-rna-targets: wrote $dest (complex.pdb, protein.pdb, rna.fasta)" >&2
