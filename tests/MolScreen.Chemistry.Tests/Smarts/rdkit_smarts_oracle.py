"""RDKit oracle for MolScreen's SMARTS, Crippen and PAINS tests. Run with Debian's /usr/bin/python3 (python3-rdkit).

  rdkit_smarts_oracle.py --catalog
      one JSON line per RDKit PAINS filter-catalog entry: {"name", "family"}
  rdkit_smarts_oracle.py '<JSON list of probe SMARTS>'  < 'SMILES<TAB>id' lines
      one JSON line per molecule: RDKit's perceived heavy-atom graph (MolGraph's terms), MolLogP and MR,
      the names of matching PAINS entries, and per probe SMARTS the number of unique matches. Lines are
      flushed one by one, so the script can also serve graphs on demand to a long-lived caller.

Probe SMARTS are parsed with mergeHs=True, the way RDKit's filter catalogs read explicit-hydrogen patterns."""
import json
import sys
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Oracle"))
from rdkit_graph import graph, parse  # noqa: E402

from rdkit import Chem, RDLogger
from rdkit.Chem import FilterCatalog, rdMolDescriptors as rd

RDLogger.DisableLog("rdApp.*")

params = FilterCatalog.FilterCatalogParams()
params.AddCatalog(FilterCatalog.FilterCatalogParams.FilterCatalogs.PAINS)
pains = FilterCatalog.FilterCatalog(params)

if sys.argv[1:] == ["--catalog"]:
    for i in range(pains.GetNumEntries()):
        entry = pains.GetEntryWithIdx(i)
        print(json.dumps({"name": entry.GetDescription(), "family": entry.GetProp("FilterSet")}))
    sys.exit(0)

probes = [Chem.MolFromSmarts(s, mergeHs=True) for s in json.loads(sys.argv[1])]
for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if not parts[0]:
        continue
    m = parse(parts[0])
    if m is None:
        print(json.dumps({"id": parts[-1], "ok": False}), flush=True)
        continue
    logp, mr = rd.CalcCrippenDescriptors(m)
    print(json.dumps({
        "id": parts[-1], "ok": True,
        **graph(m),
        "logp": logp, "mr": mr,
        "pains": sorted(e.GetDescription() for e in pains.GetMatches(m)),
        "probes": [len(m.GetSubstructMatches(p, uniquify=True, maxMatches=1000000)) for p in probes],
    }), flush=True)
