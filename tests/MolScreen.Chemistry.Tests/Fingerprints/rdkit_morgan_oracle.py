#!/usr/bin/python3
"""RDKit oracle for the Morgan fingerprint tests (run with Debian's /usr/bin/python3 + python3-rdkit).

Default mode: reads one SMILES per line on stdin (anything after the first whitespace, such as an
id, is ignored) and writes one JSON line per input line, in the same order:
  {"ok": true, "atoms": [[Z, charge, isotope, totalHs, aromatic, inRing], ...],
   "bonds": [[begin, end, bondType, inRing], ...], "bits": [on-bit, ...]}
or {"ok": false} when RDKit cannot parse or sanitize the SMILES. The graph is RDKit's own
perception after default sanitization with hydrogens implicit, in MolGraph's terms, so the C# side
sees exactly the molecule RDKit fingerprinted; "bits" are GetMorganFingerprintAsBitVect(m, 2, 2048).

--mass-deltas: writes {"z": Z, "deltas": [...]} per element 0..118, where deltas[i] is the
int(atom.GetMass() - atomicWeight) RDKit puts in the Morgan atom invariant for isotope i
(i = 0 means unlabelled), i in 0..MAX_ISOTOPE.
"""
import json
import sys

from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem

MAX_ISOTOPE = 400


def describe(smiles):
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return {"ok": False}
    atoms = [[a.GetAtomicNum(), a.GetFormalCharge(), a.GetIsotope(), a.GetTotalNumHs(),
              int(a.GetIsAromatic()), int(a.IsInRing())] for a in mol.GetAtoms()]
    bonds = [[b.GetBeginAtomIdx(), b.GetEndAtomIdx(), int(b.GetBondType()), int(b.IsInRing())]
             for b in mol.GetBonds()]
    bits = list(AllChem.GetMorganFingerprintAsBitVect(mol, 2, nBits=2048).GetOnBits())
    return {"ok": True, "atoms": atoms, "bonds": bonds, "bits": bits}


def mass_deltas():
    table = Chem.GetPeriodicTable()
    for z in range(0, 119):
        weight = table.GetAtomicWeight(z)
        deltas = []
        for isotope in range(0, MAX_ISOTOPE + 1):
            atom = Chem.Atom(z)
            atom.SetIsotope(isotope)
            deltas.append(int(atom.GetMass() - weight))
        print(json.dumps({"z": z, "deltas": deltas}))


def main():
    RDLogger.DisableLog("rdApp.*")
    if sys.argv[1:] == ["--mass-deltas"]:
        mass_deltas()
        return
    for line in sys.stdin:
        fields = line.split()
        print(json.dumps(describe(fields[0]) if fields else {"ok": False}, separators=(",", ":")))


if __name__ == "__main__":
    main()
