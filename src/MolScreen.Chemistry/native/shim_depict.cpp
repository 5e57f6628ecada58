// 2D depiction coordinates: OpenBabel's gen2D operation (the MCDL layout), run on a copy of
// the molecule so its indexing and any 3D conformer stay as they were.
//
// ABI (declared here rather than in molscreen_ob.h so parallel shim additions do not collide):
//   int32_t ms_mol_coords2d(ms_mol* mol, double* xy, int32_t capacity);
// writes x,y (Angstrom-like units, bond length about 1) for each graph atom i (OpenBabel atom
// i+1): capacity counts doubles and must be at least 2 * atom count.
#include "shim_internal.h"

#include <openbabel/op.h>
#include <openbabel/plugin.h>

using namespace OpenBabel;

MS_API int32_t ms_mol_coords2d(ms_mol* mol, double* xy, int32_t capacity);

int32_t ms_mol_coords2d(ms_mol* mol, double* xy, int32_t capacity) {
    return msob::guarded("coords2d", [&]() -> int32_t {
        if (!mol || !xy) return msob::fail(MS_E_ARGUMENT, "coords2d: null argument");
        const int n = static_cast<int>(mol->mol.NumAtoms());
        if (capacity < 2 * n) return msob::fail(MS_E_BUFFER, "coords2d: buffer too small");
        // Not OBOp::FindType: its map is an inline function's static, private to the shim under
        // -fvisibility-inlines-hidden (see shim_conformer.cpp); GetPlugin uses libopenbabel's.
        auto* op = static_cast<OBOp*>(OBPlugin::GetPlugin("ops", "gen2D"));
        if (!op) return msob::fail(MS_E_PLUGIN, "coords2d: OpenBabel's gen2D operation is not available");
        OBMol copy(mol->mol);
        if (!op->Do(&copy, nullptr, nullptr, nullptr) || static_cast<int>(copy.NumAtoms()) != n)
            return msob::fail(MS_E_FAILED, "coords2d: gen2D could not lay out the molecule");
        for (int i = 0; i < n; ++i) {
            OBAtom* a = copy.GetAtom(i + 1);
            xy[2 * i] = a->GetX();
            xy[2 * i + 1] = a->GetY();
        }
        return MS_OK;
    });
}
