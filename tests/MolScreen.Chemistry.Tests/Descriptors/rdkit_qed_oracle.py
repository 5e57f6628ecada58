"""RDKit oracle for MolScreen's QED tests: reads 'SMILES<TAB>id' lines on stdin and prints one JSON line per
molecule with RDKit's heavy-atom graph (in MolGraph's terms), rdkit.Chem.QED.qed and its eight properties.
Run with Debian's /usr/bin/python3 (python3-rdkit)."""
import json
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Oracle"))
from rdkit_graph import graph, parse  # noqa: E402

from rdkit import RDLogger
from rdkit.Chem import QED

RDLogger.DisableLog("rdApp.*")

for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if not parts[0]:
        continue
    m = parse(parts[0])
    if m is None:
        print(json.dumps({"id": parts[-1], "ok": False}))
        continue
    p = QED.properties(m)
    print(json.dumps({"id": parts[-1], "ok": True, **graph(m), "qed": QED.qed(m), "props": list(p)}))
