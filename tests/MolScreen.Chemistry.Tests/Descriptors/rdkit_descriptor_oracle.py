"""RDKit oracle for MolScreen's descriptor tests: reads 'SMILES<TAB>id' lines on stdin and prints one JSON
line per molecule with the RDKit-perceived heavy-atom graph (in MolGraph's terms) and RDKit's values.
Run with Debian's /usr/bin/python3 (python3-rdkit)."""
import json
import sys

from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem, Crippen, Descriptors
from rdkit.Chem import rdMolDescriptors as rd

RDLogger.DisableLog("rdApp.*")
KIND = {Chem.BondType.SINGLE: 1, Chem.BondType.DOUBLE: 2, Chem.BondType.TRIPLE: 3, Chem.BondType.AROMATIC: 12}

for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if not parts[0]:
        continue
    m = Chem.MolFromSmiles(parts[0])
    if m is None or any(b.GetBondType() not in KIND for b in m.GetBonds()):
        print(json.dumps({"id": parts[-1], "ok": False}))
        continue
    print(json.dumps({
        "id": parts[-1], "ok": True,
        "z": [a.GetAtomicNum() for a in m.GetAtoms()],
        "q": [a.GetFormalCharge() for a in m.GetAtoms()],
        "iso": [a.GetIsotope() for a in m.GetAtoms()],
        "h": [a.GetTotalNumHs() for a in m.GetAtoms()],
        "arom": [a.GetIsAromatic() for a in m.GetAtoms()],
        "ring": [a.IsInRing() for a in m.GetAtoms()],
        "bb": [b.GetBeginAtomIdx() for b in m.GetBonds()],
        "be": [b.GetEndAtomIdx() for b in m.GetBonds()],
        "bk": [KIND[b.GetBondType()] for b in m.GetBonds()],
        "bring": [b.IsInRing() for b in m.GetBonds()],
        "tpsa": rd.CalcTPSA(m), "hbd": rd.CalcNumLipinskiHBD(m), "hba": rd.CalcNumLipinskiHBA(m),
        "rotb": rd.CalcNumRotatableBonds(m), "rings": rd.CalcNumRings(m), "arom_rings": rd.CalcNumAromaticRings(m),
        "heavy": m.GetNumHeavyAtoms(), "charge": Chem.GetFormalCharge(m), "fsp3": rd.CalcFractionCSP3(m),
        "mw": Descriptors.MolWt(m), "clogp": Crippen.MolLogP(m), "exact_mass": Descriptors.ExactMolWt(m),
        "ecfp4": list(AllChem.GetMorganFingerprintAsBitVect(m, 2, nBits=2048).GetOnBits()),
    }))
