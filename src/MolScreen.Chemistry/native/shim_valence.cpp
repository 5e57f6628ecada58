// Valence limits. OpenBabel accepts any valence (C(C)(C)(C)(C)C reads as a
// pentavalent carbon); a screening library must reject such records the way RDKit
// does, so the shim checks bond orders + hydrogens against these limits.
#include "shim_internal.h"

namespace msob {

namespace {

struct MainGroup {
    int group;   // IUPAC group 13..18
    int period;  // 2..5
};

// Only main-group non-metals and metalloids are checked: metals form coordination
// bonds that SMILES writes as ordinary bonds, so any limit there would reject real
// complexes.
bool main_group(int z, MainGroup& out) {
    switch (z) {
        case 5: out = {13, 2}; return true;   // B
        case 6: out = {14, 2}; return true;   // C
        case 7: out = {15, 2}; return true;   // N
        case 8: out = {16, 2}; return true;   // O
        case 9: out = {17, 2}; return true;   // F
        case 14: out = {14, 3}; return true;  // Si
        case 15: out = {15, 3}; return true;  // P
        case 16: out = {16, 3}; return true;  // S
        case 17: out = {17, 3}; return true;  // Cl
        case 32: out = {14, 4}; return true;  // Ge
        case 33: out = {15, 4}; return true;  // As
        case 34: out = {16, 4}; return true;  // Se
        case 35: out = {17, 4}; return true;  // Br
        case 51: out = {15, 5}; return true;  // Sb
        case 52: out = {16, 5}; return true;  // Te
        case 53: out = {17, 5}; return true;  // I
        default: return false;
    }
}

}  // namespace

int max_valence(int z, int charge) {
    if (z == 1) return charge == 0 ? 1 : (charge == 1 || charge == -1 ? 0 : -1);
    MainGroup g;
    if (!main_group(z, g)) return -1;
    // A charged atom has the valence of its isoelectronic neighbour in the same
    // period: N+ like C (4), O- like F (1), B- like C (4), P- like S (6 for PF6-).
    int group = g.group - charge;
    if (group < 13) return -1;  // cations such as B+ or C2+: no reliable limit
    if (group > 18) return 0;
    if (g.period == 2) return group <= 14 ? group - 10 : 18 - group;
    // Period 3 and below expand their octet (SF6, PCl5, IF7). Group 15 gets 7 as in
    // RDKit, which reads neutral-written counterions such as F[P](F)(F)(F)(F)F.
    // Noble-gas-like anions (I- in triiodide) are left unchecked.
    switch (group) {
        case 15: return 7;
        case 18: return -1;
        default: return group - 10;
    }
}

int total_valence(OpenBabel::OBAtom* atom) {
    return static_cast<int>(atom->GetExplicitValence()) + static_cast<int>(atom->GetImplicitHCount());
}

}  // namespace msob
