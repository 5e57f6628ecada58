#!/usr/bin/python3
"""gemmi's reading of an mmCIF file and the geometric RNA interface of every protein chain: the peer of
MolScreen's MmcifReader + RnaInterface (`MolScreen.Bench mmcif`).

Reads the first model (author chain ids and residue numbers), counts atoms and residues, and for every chain with
amino-acid residues lists the residues with a heavy atom within CUTOFF Å of a heavy atom of an RNA residue (A, C, G,
U and the modified nucleotides gemmi's residue table calls RNA). Prints one JSON object:
{"read_seconds": s, "interface_seconds": s, "atoms": n, "residues": n, "interface": {"CHAIN": ["NUM[ICODE]", ...]}}.

usage: gemmi_mmcif.py FILE.cif [CUTOFF]    Run with Debian's /usr/bin/python3 (python3-gemmi).
"""
import json
import sys
import time

import gemmi

path = sys.argv[1]
cutoff = float(sys.argv[2]) if len(sys.argv) > 2 else 4.5

t0 = time.perf_counter()
st = gemmi.read_structure(path)
st.setup_entities()
model = st[0]
read_seconds = time.perf_counter() - t0


def kind(res):
    info = gemmi.find_tabulated_residue(res.name)
    if info is None:
        return "other"
    if info.is_amino_acid():
        return "protein"
    if info.is_nucleic_acid() and info.kind == gemmi.ResidueInfoKind.RNA:
        return "rna"
    return "other"


t0 = time.perf_counter()
ns = gemmi.NeighborSearch(model, st.cell, 5.0).populate()
rna = {}
interface = {}
for chain in model:
    hits = []
    for res in chain:
        if kind(res) != "protein":
            continue
        near = False
        for atom in res:
            if atom.element.name in ("H", "D"):
                continue
            for mark in ns.find_atoms(atom.pos, "\0", radius=cutoff):
                cra = mark.to_cra(model)
                if cra.atom.element.name in ("H", "D") or cra.atom.pos.dist(atom.pos) > cutoff:
                    continue
                key = (cra.chain.name, cra.residue.seqid.num, cra.residue.seqid.icode, cra.residue.name)
                if key not in rna:
                    rna[key] = kind(cra.residue) == "rna"
                if rna[key]:
                    near = True
                    break
            if near:
                break
        if near:
            hits.append(f"{res.seqid.num}{res.seqid.icode.strip()}")
    if hits:
        interface[chain.name] = hits
interface_seconds = time.perf_counter() - t0

print(json.dumps({
    "read_seconds": read_seconds,
    "interface_seconds": interface_seconds,
    "atoms": sum(1 for chain in model for res in chain for _ in res),
    "residues": sum(len(chain) for chain in model),
    "interface": interface,
}))
