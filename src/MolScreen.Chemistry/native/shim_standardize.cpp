// Standardization: keep the parent fragment, then neutralize charges.
//
// Fragment rule: among the fragments that contain carbon (all fragments when none
// does) keep the one with the most heavy atoms; ties go to the one with more carbons,
// then to the one that appears first in the input.
//
// Charge rules, applied to that fragment:
//  1. A charged atom bonded to an atom of opposite charge is left alone: nitro
//     N+/O-, N-oxides, azides and ylides are charge-separated neutral groups.
//  2. An onium cation (N, O, P, S, As, Se, Te) gives up one hydrogen per unit of
//     charge ([NH3+] -> N, [nH+] -> n) while it has hydrogens; what remains is fixed
//     (quaternary N+, N-alkylpyridinium). Carbocations are fixed.
//  3. An anion on a non-metal takes one hydrogen per unit of charge
//     ([O-]C=O -> OC=O, [n-] -> [nH]) when the neutral atom stays within its valence;
//     otherwise it is fixed (BF4- B-).
//  4. Charges that cannot be neutralized are balanced, not stranded: when fixed
//     cations outnumber fixed anions by k, k removable anionic charges stay (betaines
//     keep their carboxylate); symmetrically for fixed anions. Kept anions are taken
//     on O and S first, then in atom order; kept cations in atom order.
//  5. Metals keep their charges, and count as fixed in rule 4.
#include "shim_internal.h"

#include <openbabel/obiter.h>

#include <algorithm>
#include <vector>

using namespace OpenBabel;

namespace msob {

namespace {

struct Fragment {
    std::vector<OBAtom*> atoms;
    int heavy = 0;
    int carbons = 0;
};

std::vector<Fragment> fragments(OBMol& mol) {
    std::vector<int> label(mol.NumAtoms() + 1, -1);
    std::vector<Fragment> result;
    std::vector<OBAtom*> stack;
    FOR_ATOMS_OF_MOL(seed, mol) {
        if (label[seed->GetIdx()] >= 0) continue;
        int id = static_cast<int>(result.size());
        result.emplace_back();
        Fragment& f = result.back();
        label[seed->GetIdx()] = id;
        stack.push_back(&*seed);
        while (!stack.empty()) {
            OBAtom* a = stack.back();
            stack.pop_back();
            f.atoms.push_back(a);
            if (a->GetAtomicNum() > 1) f.heavy++;
            if (a->GetAtomicNum() == 6) f.carbons++;
            FOR_NBORS_OF_ATOM(n, a) {
                if (label[n->GetIdx()] >= 0) continue;
                label[n->GetIdx()] = id;
                stack.push_back(&*n);
            }
        }
    }
    return result;
}

bool keep_parent_fragment(OBMol& mol) {
    std::vector<Fragment> frags = fragments(mol);
    if (frags.size() < 2) return false;
    bool any_organic = std::any_of(frags.begin(), frags.end(), [](const Fragment& f) { return f.carbons > 0; });
    const Fragment* best = nullptr;
    for (const Fragment& f : frags) {
        if (any_organic && f.carbons == 0) continue;
        // Fragments come in order of their first atom, so strict comparison keeps the first on ties.
        if (!best || f.heavy > best->heavy || (f.heavy == best->heavy && f.carbons > best->carbons))
            best = &f;
    }
    std::vector<OBAtom*> doomed;
    for (const Fragment& f : frags)
        if (&f != best) doomed.insert(doomed.end(), f.atoms.begin(), f.atoms.end());
    mol.BeginModify();
    for (OBAtom* a : doomed) mol.DeleteAtom(a);
    mol.EndModify();
    return true;
}

// Anions are protonated only on non-metals and metalloids; a metal's charge
// describes its oxidation state, not a missing proton.
bool protonatable(int z) {
    switch (z) {
        case 1: case 5: case 6: case 7: case 8: case 9: case 14: case 15: case 16: case 17:
        case 32: case 33: case 34: case 35: case 51: case 52: case 53:
            return true;
        default:
            return false;
    }
}

// Cations are deprotonated only where the neutral form keeps a lone pair (an onium
// ion's conjugate base); stripping H from a carbocation would make a carbene.
bool deprotonatable(int z) {
    switch (z) {
        case 7: case 8: case 15: case 16: case 33: case 34: case 52:
            return true;
        default:
            return false;
    }
}

bool next_to_opposite_charge(OBAtom* atom) {
    int q = atom->GetFormalCharge();
    FOR_NBORS_OF_ATOM(n, atom)
        if ((q > 0 && n->GetFormalCharge() < 0) || (q < 0 && n->GetFormalCharge() > 0)) return true;
    return false;
}

// Units of charge this atom can shed by moving hydrogens, following rules 2 and 3.
int removable_units(OBAtom* atom) {
    int q = atom->GetFormalCharge();
    int h = atom->GetImplicitHCount();
    int valence = total_valence(atom);
    int units = 0;
    if (q > 0) {
        // Losing H+ lowers valence and charge together, which never breaks a limit.
        if (deprotonatable(atom->GetAtomicNum())) units = std::min(q, h);
    } else if (protonatable(atom->GetAtomicNum())) {
        while (q + units < 0) {
            int limit = max_valence(atom->GetAtomicNum(), q + units + 1);
            if (limit < 0 || valence + units + 1 > limit) break;
            units++;
        }
    }
    return units;
}

struct Site {
    OBAtom* atom;
    int units;
};

void shift(OBAtom* atom, int charge_delta) {
    atom->SetFormalCharge(atom->GetFormalCharge() + charge_delta);
    atom->SetImplicitHCount(atom->GetImplicitHCount() + charge_delta);
}

// Neutralizes every site but the first `keep` charge units; returns units moved.
int neutralize(std::vector<Site>& sites, int keep, int direction) {
    int moved = 0;
    for (Site& s : sites) {
        int kept = std::min(keep, s.units);
        keep -= kept;
        for (int u = kept; u < s.units; ++u, ++moved) shift(s.atom, direction);
    }
    return moved;
}

bool neutralize_charges(OBMol& mol) {
    std::vector<Site> cations, anions;
    int fixed_positive = 0, fixed_negative = 0;
    FOR_ATOMS_OF_MOL(a, mol) {
        int q = a->GetFormalCharge();
        if (q == 0 || next_to_opposite_charge(&*a)) continue;
        int units = removable_units(&*a);
        if (q > 0) {
            fixed_positive += q - units;
            if (units > 0) cations.push_back({&*a, units});
        } else {
            fixed_negative += -q - units;
            if (units > 0) anions.push_back({&*a, units});
        }
    }
    if (cations.empty() && anions.empty()) return false;
    std::stable_sort(anions.begin(), anions.end(), [](const Site& x, const Site& y) {
        auto chalcogen = [](const Site& s) { int z = s.atom->GetAtomicNum(); return z == 8 || z == 16; };
        return chalcogen(x) && !chalcogen(y);
    });
    int surplus = fixed_positive - fixed_negative;
    int moved = neutralize(anions, std::max(0, surplus), +1);
    moved += neutralize(cations, std::max(0, -surplus), -1);
    return moved > 0;
}

}  // namespace

}  // namespace msob

MS_API int32_t ms_mol_standardize(ms_mol* mol, int32_t* changes) {
    return msob::guarded("standardize", [&]() -> int32_t {
        if (!mol) return msob::fail(MS_E_ARGUMENT, "standardize: null molecule");
        int32_t done = 0;
        if (msob::keep_parent_fragment(mol->mol)) done |= MS_STD_FRAGMENTS_REMOVED;
        if (msob::neutralize_charges(mol->mol)) done |= MS_STD_CHARGES_NEUTRALIZED;
        if (done) {
            // Charges and hydrogens feed aromaticity, hybridisation and atom typing;
            // drop the cached perceptions so the next reader recomputes them.
            OBMol& m = mol->mol;
            m.SetAromaticPerceived(false);
            m.SetHybridizationPerceived(false);
            m.SetAtomTypesPerceived(false);
            m.SetRingAtomsAndBondsPerceived(false);
            m.SetSSSRPerceived(false);
            m.SetLSSRPerceived(false);
        }
        // A conformer of the unstandardized structure would no longer describe this molecule.
        if (done) mol->conformer.reset();
        if (changes) *changes = done;
        return MS_OK;
    });
}
