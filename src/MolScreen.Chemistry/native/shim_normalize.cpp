// Pentavalent nitrogen. Daylight's SMILES valence model allows N with valence 5, so
// nitro groups are still often written N(=O)=O (59 of ESOL's 1,128 compounds), N-oxides
// R3N=O or c1cc[n](=O)cc1, and azides N=N#N; old molfiles do the same. The valence check
// would reject them, and RDKit's standardizer rewrites them the same way as here: one
// double (or triple) bond to a terminal O or N becomes single (double), the nitrogen +1
// and the terminal atom -1. Only nitrogens the valence check would reject are touched,
// so valid input is never changed.
#include "shim_internal.h"

#include <openbabel/atom.h>
#include <openbabel/bond.h>
#include <openbabel/obiter.h>

namespace msob {

namespace {

// A terminal, uncharged, hydrogen-free O (bonded by a double bond: nitro, N-oxide) or N (by a
// triple bond: azide, diazo) that can take the negative charge.
bool takes_charge(OpenBabel::OBAtom* atom, OpenBabel::OBBond* bond) {
    unsigned element = atom->GetAtomicNum();
    unsigned wanted = element == 8 ? 2 : element == 7 ? 3 : 0;
    return wanted != 0 && bond->GetBondOrder() == wanted && !bond->IsAromatic() && atom->GetFormalCharge() == 0 &&
           atom->GetHvyDegree() == 1 && atom->GetImplicitHCount() == 0;
}

}  // namespace

int normalize_pentavalent_nitrogen(OpenBabel::OBMol& mol) {
    int changed = 0;
    FOR_ATOMS_OF_MOL(n, mol) {
        if (n->GetAtomicNum() != 7 || n->GetFormalCharge() != 0 || total_valence(&*n) != 5) continue;
        OpenBabel::OBBond* pick = nullptr;
        // Oxygen first: a nitro or N-oxide; then the terminal N of an azide or diazo group.
        for (unsigned element : {8u, 7u}) {
            FOR_BONDS_OF_ATOM(b, &*n) {
                OpenBabel::OBAtom* other = b->GetNbrAtom(&*n);
                if (other->GetAtomicNum() == element && takes_charge(other, &*b)) { pick = &*b; break; }
            }
            if (pick) break;
        }
        if (!pick) continue;
        OpenBabel::OBAtom* other = pick->GetNbrAtom(&*n);
        pick->SetBondOrder(pick->GetBondOrder() - 1);
        n->SetFormalCharge(1);
        other->SetFormalCharge(-1);
        ++changed;
    }
    return changed;
}

}  // namespace msob
