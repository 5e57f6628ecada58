"""Shared by the RDKit oracle scripts: RDKit's perceived heavy-atom graph in MolGraph's terms, so
our formulas can be tested on exactly the graph RDKit computed its values from."""
from rdkit import Chem

KIND = {Chem.BondType.SINGLE: 1, Chem.BondType.DOUBLE: 2, Chem.BondType.TRIPLE: 3, Chem.BondType.AROMATIC: 12}


def parse(smiles):
    """The sanitized molecule, or None when RDKit rejects it or it has bonds MolGraph cannot hold."""
    m = Chem.MolFromSmiles(smiles)
    return m if m is not None and all(b.GetBondType() in KIND for b in m.GetBonds()) else None


def graph(m):
    return {
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
    }
