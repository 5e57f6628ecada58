// Export of the molecular graph into caller-provided arrays (MolGraph on the managed side).
#include "shim_internal.h"

#include <openbabel/bond.h>
#include <openbabel/obiter.h>

using namespace OpenBabel;

MS_API int32_t ms_mol_counts(ms_mol* mol, int32_t* atom_count, int32_t* bond_count) {
    return msob::guarded("graph export", [&]() -> int32_t {
        if (!mol || !atom_count || !bond_count) return msob::fail(MS_E_ARGUMENT, "graph export: null argument");
        *atom_count = static_cast<int32_t>(mol->mol.NumAtoms());
        *bond_count = static_cast<int32_t>(mol->mol.NumBonds());
        return MS_OK;
    });
}

MS_API int32_t ms_mol_graph(ms_mol* mol, int32_t atom_capacity,
                            int32_t* atomic_number, int32_t* formal_charge, int32_t* isotope,
                            int32_t* total_h, uint8_t* aromatic, uint8_t* in_ring,
                            int32_t bond_capacity,
                            int32_t* bond_begin, int32_t* bond_end, int32_t* bond_kind,
                            uint8_t* bond_in_ring) {
    return msob::guarded("graph export", [&]() -> int32_t {
        if (!mol || !atomic_number || !formal_charge || !isotope || !total_h || !aromatic || !in_ring ||
            (bond_capacity > 0 && (!bond_begin || !bond_end || !bond_kind || !bond_in_ring)))
            return msob::fail(MS_E_ARGUMENT, "graph export: null argument");
        OBMol& m = mol->mol;
        if (atom_capacity < static_cast<int32_t>(m.NumAtoms()) || bond_capacity < static_cast<int32_t>(m.NumBonds()))
            return msob::fail(MS_E_BUFFER, "graph export: buffers smaller than the atom and bond counts");

        // Bond kinds are checked before anything is written so a failure leaves the
        // caller's arrays untouched rather than half filled.
        FOR_BONDS_OF_MOL(b, m) {
            int order = static_cast<int>(b->GetBondOrder());
            if (!b->IsAromatic() && (order < 1 || order > 3))
                return msob::fail(MS_E_FAILED, "graph export: bond " + std::to_string(b->GetBeginAtomIdx()) + "-" +
                                  std::to_string(b->GetEndAtomIdx()) + " has order " + std::to_string(order) +
                                  ", which the molecule graph cannot represent");
        }
        FOR_ATOMS_OF_MOL(a, m) {
            int i = static_cast<int>(a->GetIdx()) - 1;
            atomic_number[i] = static_cast<int32_t>(a->GetAtomicNum());
            formal_charge[i] = a->GetFormalCharge();
            isotope[i] = static_cast<int32_t>(a->GetIsotope());
            // Plain explicit hydrogens were folded at read time, so the implicit count
            // is the whole count; hydrogens still present are atoms of the graph.
            total_h[i] = static_cast<int32_t>(a->GetImplicitHCount());
            aromatic[i] = a->IsAromatic() ? 1 : 0;
            in_ring[i] = a->IsInRing() ? 1 : 0;
        }
        // Counted rather than GetIdx(): bond indices are not renumbered on every deletion path.
        int i = 0;
        FOR_BONDS_OF_MOL(b, m) {
            bond_begin[i] = static_cast<int32_t>(b->GetBeginAtomIdx()) - 1;
            bond_end[i] = static_cast<int32_t>(b->GetEndAtomIdx()) - 1;
            bond_kind[i] = b->IsAromatic() ? 12 : static_cast<int32_t>(b->GetBondOrder());
            bond_in_ring[i] = b->IsInRing() ? 1 : 0;
            ++i;
        }
        return MS_OK;
    });
}
