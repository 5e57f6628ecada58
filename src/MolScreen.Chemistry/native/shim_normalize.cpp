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

bool terminal_partner(OpenBabel::OBAtom* atom, unsigned order, int element) {
    return atom->GetAtomicNum() == element && atom->GetFormalCharge() == 0 && atom->GetHvyDegree() == 1 &&
           atom->GetImplicitHCount() == 0 && order >= 2;
}

}  // namespace

int normalize_pentavalent_nitrogen(OpenBabel::OBMol& mol) {
    int changed = 0;
    FOR_ATOMS_OF_MOL(n, mol) {
        if (n->GetAtomicNum() != 7 || n->GetFormalCharge() != 0 || total_valence(&*n) != 5) continue;
        OpenBabel::OBBond* pick = nullptr;
        // Oxygen first: a nitro or N-oxide; then the terminal N of an azide or diazo group.
        for (int element : {8, 7}) {
            FOR_BONDS_OF_ATOM(b, &*n) {
                OpenBabel::OBAtom* other = b->GetNbrAtom(&*n);
                unsigned order = b->GetBondOrder();
                if (b->IsAromatic() || !terminal_partner(other, order, element)) continue;
                if (element == 7 && order != 3) continue;  // N=N with a terminal N is an imine-like diazene, not azide
                pick = &*b;
                break;
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
