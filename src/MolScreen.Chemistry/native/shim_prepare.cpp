// Docking preparation: protonation state at a given pH and Gasteiger-Marsili charges.
#include "shim_internal.h"

#include <openbabel/chargemodel.h>
#include <openbabel/obiter.h>
#include <openbabel/plugin.h>

using namespace OpenBabel;

namespace msob {

namespace {

// Looked up through OBPlugin for the same reason as the force fields (shim_conformer.cpp):
// OBChargeModel::FindType's map is a static local of an inline function, empty in the shim.
OBChargeModel* gasteiger() {
    static OBChargeModel* model = static_cast<OBChargeModel*>(OBPlugin::GetPlugin("charges", "gasteiger"));
    return model;
}

}  // namespace

}  // namespace msob

MS_API int32_t ms_mol_protonate(ms_mol* mol, double ph) {
    return msob::guarded("protonation", [&]() -> int32_t {
        if (!mol) return msob::fail(MS_E_ARGUMENT, "protonation: null molecule");
        if (!(ph >= 0.0 && ph <= 14.0)) return msob::fail(MS_E_ARGUMENT, "protonation: pH outside 0..14");
        mol->conformer.reset();
        // CorrectForPH does nothing on a molecule already flagged as corrected; the
        // readers never set the flag, and clearing it makes a second call apply the
        // model again at the new pH instead of silently keeping the first one.
        mol->mol.UnsetFlag(OB_PH_CORRECTED_MOL);
        mol->mol.CorrectForPH(ph);
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_charges(ms_mol* mol, int32_t capacity, int32_t* formal_charge,
                                    uint8_t* aromatic, double* partial_charge) {
    return msob::guarded("charges", [&]() -> int32_t {
        if (!mol || !formal_charge || !aromatic || !partial_charge)
            return msob::fail(MS_E_ARGUMENT, "charges: null argument");
        if (!mol->conformer) return msob::fail(MS_E_ARGUMENT, "charges: no conformer (call ms_mol_make3d first)");
        OBMol& conf = mol->conformer->mol;
        if (capacity < (int32_t)conf.NumAtoms()) return msob::fail(MS_E_BUFFER, "charges: buffer too small");
        OBChargeModel* model = msob::gasteiger();
        if (!model) return msob::fail(MS_E_PLUGIN, "charges: OpenBabel Gasteiger charge model not found");
        // OBGastChrg starts from each atom's current partial charge, which is 0 for a
        // molecule nobody charged: carboxylates and ammoniums then came out neutral. Seeding
        // with the formal charges, as the Gasteiger-Marsili method (and RDKit) does, keeps
        // the molecule's net charge.
        conf.SetPartialChargesPerceived();
        FOR_ATOMS_OF_MOL(a, conf) a->SetPartialCharge((double)a->GetFormalCharge());
        if (!model->ComputeCharges(conf))
            return msob::fail(MS_E_FAILED, "charges: Gasteiger charges could not be computed (" +
                                               msob::captured_messages() + ")");
        FOR_ATOMS_OF_MOL(a, conf) {
            size_t i = a->GetIdx() - 1;
            formal_charge[i] = (int32_t)a->GetFormalCharge();
            aromatic[i] = a->IsAromatic() ? 1 : 0;
            partial_charge[i] = a->GetPartialCharge();
        }
        return MS_OK;
    });
}
