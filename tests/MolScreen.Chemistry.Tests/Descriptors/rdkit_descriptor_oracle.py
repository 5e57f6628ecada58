"""RDKit oracle for MolScreen's descriptor tests: reads 'SMILES<TAB>id' lines on stdin and prints one JSON
line per molecule with the RDKit-perceived heavy-atom graph (in MolGraph's terms) and RDKit's values.
Run with Debian's /usr/bin/python3 (python3-rdkit)."""
import json
import sys
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Oracle"))
from rdkit_graph import graph, parse  # noqa: E402

from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem, Crippen, Descriptors
from rdkit.Chem import rdMolDescriptors as rd

RDLogger.DisableLog("rdApp.*")

for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if not parts[0]:
        continue
    m = parse(parts[0])
    if m is None:
        print(json.dumps({"id": parts[-1], "ok": False}))
        continue
    print(json.dumps({
        "id": parts[-1], "ok": True,
        **graph(m),
        "tpsa": rd.CalcTPSA(m), "hbd": rd.CalcNumLipinskiHBD(m), "hba": rd.CalcNumLipinskiHBA(m),
        "rotb": rd.CalcNumRotatableBonds(m), "rings": rd.CalcNumRings(m), "arom_rings": rd.CalcNumAromaticRings(m),
        "heavy": m.GetNumHeavyAtoms(), "charge": Chem.GetFormalCharge(m), "fsp3": rd.CalcFractionCSP3(m),
        "mw": Descriptors.MolWt(m), "clogp": Crippen.MolLogP(m), "exact_mass": Descriptors.ExactMolWt(m),
        "ecfp4": list(AllChem.GetMorganFingerprintAsBitVect(m, 2, nBits=2048).GetOnBits()),
    }))
