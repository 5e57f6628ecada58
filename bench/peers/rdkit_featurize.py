"""Peer for MolScreen's featurize benchmark: RDKit doing the same work per molecule in one process
(parse, largest fragment + uncharge, canonical SMILES, MW, exact mass, MolLogP, TPSA,
Lipinski HBD/HBA, rotatable bonds, rings, aromatic rings, heavy atoms, charge, Fsp3, Morgan r2/2048,
PAINS A/B/C). Debian's RDKit 2022.09 is built without InChI, so the peer computes no InChIKey while
MolScreen does: the ratio is conservative. Prints 'rdkit <molecules> <failed> <wall seconds> <CPU seconds>'. Run with Debian's /usr/bin/python3."""
import sys
import time

from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem, Crippen, Descriptors, rdMolDescriptors as rd
from rdkit.Chem.FilterCatalog import FilterCatalog, FilterCatalogParams
from rdkit.Chem.MolStandardize import rdMolStandardize

RDLogger.DisableLog("rdApp.*")
smiles = [l.split()[0] for l in open(sys.argv[1]) if l.strip() and not l.lower().startswith("smiles")]
params = FilterCatalogParams()
params.AddCatalog(FilterCatalogParams.FilterCatalogs.PAINS)
pains = FilterCatalog(params)
chooser = rdMolStandardize.LargestFragmentChooser()
uncharger = rdMolStandardize.Uncharger()

light = len(sys.argv) > 2 and sys.argv[2] == "light"
start = time.perf_counter()
cpu_start = time.process_time()
failed = 0
for s in smiles:
    if light:  # the lighter reference set quoted in issue 3: parse, canonical SMILES, Morgan, 3 descriptors
        m = Chem.MolFromSmiles(s)
        if m is None:
            failed += 1
            continue
        Chem.MolToSmiles(m)
        AllChem.GetMorganFingerprintAsBitVect(m, 2, nBits=2048)
        (Crippen.MolLogP(m), rd.CalcTPSA(m), Descriptors.MolWt(m))
        continue
    m = Chem.MolFromSmiles(s)
    if m is None:
        failed += 1
        continue
    m = uncharger.uncharge(chooser.choose(m))
    Chem.MolToSmiles(m)
    (Descriptors.MolWt(m), Descriptors.ExactMolWt(m), Crippen.MolLogP(m), rd.CalcTPSA(m), rd.CalcNumLipinskiHBD(m),
     rd.CalcNumLipinskiHBA(m), rd.CalcNumRotatableBonds(m), rd.CalcNumRings(m), rd.CalcNumAromaticRings(m),
     m.GetNumHeavyAtoms(), Chem.GetFormalCharge(m), rd.CalcFractionCSP3(m))
    AllChem.GetMorganFingerprintAsBitVect(m, 2, nBits=2048)
    [e.GetDescription() for e in pains.GetMatches(m)]
print(f"rdkit {len(smiles)} {failed} {time.perf_counter() - start:.3f} {time.process_time() - cpu_start:.3f}")
