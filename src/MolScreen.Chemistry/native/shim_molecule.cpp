// Reading molecules, writing identifiers and masses.
#include "shim_internal.h"

#include <openbabel/bond.h>
#include <openbabel/elements.h>
#include <openbabel/obconversion.h>
#include <openbabel/obiter.h>
#include <openbabel/stereo/cistrans.h>
#include <openbabel/stereo/stereo.h>
#include <openbabel/stereo/tetrahedral.h>

#include <cstdlib>
#include <cstring>
#include <memory>

using namespace OpenBabel;

namespace msob {

namespace {

// OBConversion construction looks plugins up by name; doing it once per process
// instead of per record is a measurable part of the per-molecule cost. The objects
// live until exit on purpose: destroying them from static destructors would race
// OpenBabel's own plugin tables being torn down.
OBConversion* make_reader(const char* format) {
    auto conv = std::make_unique<OBConversion>();
    return conv->SetInFormat(format) ? conv.release() : nullptr;
}

OBConversion* make_writer(const char* format) {
    auto conv = std::make_unique<OBConversion>();
    if (!conv->SetOutFormat(format)) return nullptr;
    conv->AddOption("n", OBConversion::OUTOPTIONS);  // no title after the identifier
    return conv.release();
}

OBConversion* smiles_reader() { static OBConversion* c = make_reader("smi"); return c; }
OBConversion* mdl_reader() { static OBConversion* c = make_reader("mol"); return c; }
OBConversion* canonical_writer() { static OBConversion* c = make_writer("can"); return c; }
OBConversion* inchi_writer() { static OBConversion* c = make_writer("inchi"); return c; }
// AuxNone: libinchi otherwise also builds the AuxInfo layer (atom numbering, coordinates),
// which the key never reads: about a quarter of the key's cost, and the keys are the same
// (InChIKeyTests compares them with the obabel command's on NCI first_5K).
OBConversion* make_inchikey_writer() {
    OBConversion* conv = make_writer("inchikey");
    if (conv) conv->AddOption("X", OBConversion::OUTOPTIONS, "AuxNone");
    return conv;
}
OBConversion* inchikey_writer() { static OBConversion* c = make_inchikey_writer(); return c; }
OBConversion* mdl_writer() { static OBConversion* c = make_writer("mol"); return c; }

std::string with_detail(const std::string& prefix, const char* fallback) {
    std::string detail = captured_messages();
    return prefix + (detail.empty() ? std::string(fallback) : detail);
}

// Coordinates fix every stereo unit, also those the input left open: the conformer of
// CC(Br)C(=O)O is one enantiomer. Each unit of the reread conformer takes the status of
// its counterpart in the molecule (same atom indices: hydrogens come after):
// kept when the input specified it, unspecified when the input had it unspecified,
// removed when the input had none. The comparison then tests the stereo that was asked for.
void mirror_input_stereo(OBMol& input, OBMol& conformer) {
    OBStereoFacade before(&input), after(&conformer);
    std::vector<OBGenericData*> drop;
    for (OBTetrahedralStereo* ts : after.GetAllTetrahedralStereo()) {
        OBTetrahedralStereo::Config cfg = ts->GetConfig();
        OBAtom* centre = conformer.GetAtomById(cfg.center);
        OBAtom* original = centre ? input.GetAtom(centre->GetIdx()) : nullptr;
        if (!original || !before.HasTetrahedralStereo(original->GetId())) {
            drop.push_back(ts);
        } else if (!before.GetTetrahedralStereo(original->GetId())->GetConfig().specified) {
            cfg.specified = false;
            ts->SetConfig(cfg);
        }
    }
    for (OBCisTransStereo* ct : after.GetAllCisTransStereo()) {
        OBCisTransStereo::Config cfg = ct->GetConfig();
        OBAtom* begin = conformer.GetAtomById(cfg.begin);
        OBAtom* end = conformer.GetAtomById(cfg.end);
        OBBond* original = nullptr;
        if (begin && end && begin->GetIdx() <= input.NumAtoms() && end->GetIdx() <= input.NumAtoms())
            original = input.GetBond((int)begin->GetIdx(), (int)end->GetIdx());
        if (!original || !before.HasCisTransStereo(original->GetId())) {
            drop.push_back(ct);
        } else if (!before.GetCisTransStereo(original->GetId())->GetConfig().specified) {
            cfg.specified = false;
            ct->SetConfig(cfg);
        }
    }
    for (OBGenericData* data : drop) conformer.DeleteData(data);
    // The InChI writer takes stereo objects only from 0D molecules, and hands any nonzero
    // coordinates to the InChI library, which perceives stereo from them again.
    conformer.SetDimension(0);
    FOR_ATOMS_OF_MOL(a, conformer) a->SetVector(0.0, 0.0, 0.0);
}

bool has_plain_hydrogen(OBMol& mol) {
    FOR_ATOMS_OF_MOL(a, mol)
        if (a->GetAtomicNum() == 1 && a->GetIsotope() == 0 && a->GetFormalCharge() == 0 &&
            a->GetHvyDegree() == 1)
            return true;
    return false;
}

int32_t read_molecule(OBConversion* reader, const char* format_name, const char* silent_failure,
                      const std::string& text, ms_mol** out) {
    std::string prefix = std::string(format_name) + " parse error: ";
    if (!reader) return fail(MS_E_PLUGIN, prefix + "OpenBabel format plugin not found");
    auto m = std::make_unique<ms_mol>();
    if (!reader->ReadString(&m->mol, text))
        return fail(MS_E_PARSE, with_detail(prefix, silent_failure));
    int32_t rc = sanitize(m->mol, format_name);
    if (rc != MS_OK) return rc;
    *out = m.release();
    return MS_OK;
}

int32_t write_identifier(OBConversion* writer, const char* what, ms_mol* mol, char** out) {
    if (!mol || !out) return fail(MS_E_ARGUMENT, std::string(what) + ": null argument");
    *out = nullptr;
    if (!writer)
        return fail(MS_E_PLUGIN, std::string(what) +
                    ": OpenBabel format plugin not found (is the openbabel plugin directory, "
                    "e.g. inchiformat.so, installed?)");
    std::string text = writer->WriteString(&mol->mol, true);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == '\t' ||
                             text.back() == ' '))
        text.pop_back();
    if (text.empty())
        return fail(MS_E_FAILED, with_detail(std::string(what) + " failed: ", "OpenBabel wrote nothing"));
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (!copy) return fail(MS_E_INTERNAL, std::string(what) + ": out of memory");
    std::memcpy(copy, text.c_str(), text.size() + 1);
    *out = copy;
    return MS_OK;
}

}  // namespace

int32_t sanitize(OBMol& mol, const char* what) {
    std::string prefix = std::string(what) + " parse error: ";
    if (mol.NumAtoms() == 0) return fail(MS_E_PARSE, prefix + "no atoms");
    // The SMILES reader only warns when aromatic atoms admit no Kekule structure and
    // then returns a molecule with guessed radicals; RDKit rejects such input.
    if (captured_contains("kekulize"))
        return fail(MS_E_PARSE, prefix + "cannot kekulize the aromatic system (" + captured_messages() + ")");
    FOR_ATOMS_OF_MOL(a, mol) {
        if (a->GetAtomicNum() == 0)
            return fail(MS_E_PARSE, prefix + "atom " + std::to_string(a->GetIdx()) +
                        " is a dummy or query atom (*, R, A, Q); only real elements are accepted");
    }
    // Fold explicit H into implicit counts so atom indices are heavy-atom indices
    // everywhere (graph export, SMARTS matches). OpenBabel converts stereo references
    // to the deleted H into implicit ones.
    if (has_plain_hydrogen(mol)) mol.DeleteHydrogens();
    normalize_pentavalent_nitrogen(mol);
    FOR_ATOMS_OF_MOL(a, mol) {
        int limit = max_valence(a->GetAtomicNum(), a->GetFormalCharge());
        int valence = total_valence(&*a);
        if (limit >= 0 && valence > limit) {
            int q = a->GetFormalCharge();
            std::string charge = q == 0 ? "" : q == 1 ? "+" : q == -1 ? "-" : (q > 0 ? "+" : "") + std::to_string(q);
            return fail(MS_E_PARSE, prefix + "valence error: atom " + std::to_string(a->GetIdx()) +
                        " (" + OBElements::GetSymbol(a->GetAtomicNum()) + charge + ") has valence " +
                        std::to_string(valence) + ", more than the " + std::to_string(limit) + " allowed");
        }
    }
    return MS_OK;
}

}  // namespace msob

MS_API int32_t ms_mol_from_smiles(const char* smiles, ms_mol** out) {
    return msob::guarded("SMILES parse", [&]() -> int32_t {
        if (!smiles || !out) return msob::fail(MS_E_ARGUMENT, "SMILES parse: null argument");
        *out = nullptr;
        std::string text(smiles);
        size_t b = text.find_first_not_of(" \t\r\n");
        if (b == std::string::npos) return msob::fail(MS_E_PARSE, "SMILES parse error: empty SMILES");
        text = text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
        // The smi reader takes everything after the first blank as the title, so
        // "CC O" would silently read as ethane.
        if (text.find_first_of(" \t\r\n") != std::string::npos)
            return msob::fail(MS_E_PARSE, "SMILES parse error: whitespace inside the SMILES");
        std::string structure = msob::smiles_structure_error(text);
        if (!structure.empty()) return msob::fail(MS_E_PARSE, "SMILES parse error: " + structure);
        return msob::read_molecule(msob::smiles_reader(), "SMILES",
                                   "OpenBabel rejected it without a reason (typically a malformed bracket atom)",
                                   text, out);
    });
}

MS_API int32_t ms_mol_from_molblock(const char* molblock, ms_mol** out) {
    return msob::guarded("molblock parse", [&]() -> int32_t {
        if (!molblock || !out) return msob::fail(MS_E_ARGUMENT, "molblock parse: null argument");
        *out = nullptr;
        std::string text(molblock);
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            return msob::fail(MS_E_PARSE, "molblock parse error: empty molblock");
        return msob::read_molecule(msob::mdl_reader(), "molblock", "OpenBabel rejected it without a reason",
                                   text, out);
    });
}

MS_API void ms_mol_free(ms_mol* mol) {
    try {
        delete mol;
    } catch (...) {
        // A destructor that throws leaves nothing to recover; swallowing keeps the
        // CLR's finalizer thread alive.
    }
}

MS_API int32_t ms_mol_canonical_smiles(ms_mol* mol, char** out) {
    return msob::guarded("canonical SMILES", [&] {
        return msob::write_identifier(msob::canonical_writer(), "canonical SMILES", mol, out);
    });
}

MS_API int32_t ms_mol_inchi(ms_mol* mol, char** out) {
    return msob::guarded("InChI", [&] {
        return msob::write_identifier(msob::inchi_writer(), "InChI", mol, out);
    });
}

MS_API int32_t ms_mol_inchikey(ms_mol* mol, char** out) {
    return msob::guarded("InChIKey", [&] {
        return msob::write_identifier(msob::inchikey_writer(), "InChIKey", mol, out);
    });
}

MS_API int32_t ms_mol_masses(ms_mol* mol, double* molecular_weight, double* exact_mass) {
    return msob::guarded("masses", [&]() -> int32_t {
        if (!mol || !molecular_weight || !exact_mass) return msob::fail(MS_E_ARGUMENT, "masses: null argument");
        *molecular_weight = mol->mol.GetMolWt(true);
        *exact_mass = mol->mol.GetExactMass(true);
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_inchikey(ms_mol* mol, char** out) {
    return msob::guarded("3D InChIKey", [&]() -> int32_t {
        if (!mol || !out) return msob::fail(MS_E_ARGUMENT, "3D InChIKey: null argument");
        *out = nullptr;
        if (!mol->conformer) return msob::fail(MS_E_ARGUMENT, "3D InChIKey: no conformer (call ms_mol_make3d first)");
        OBConversion* writer = msob::mdl_writer();
        OBConversion* reader = msob::mdl_reader();
        if (!writer || !reader) return msob::fail(MS_E_PLUGIN, "3D InChIKey: OpenBabel MDL format plugin not found");
        // The copy carries the stereo objects of the input; the round trip through a
        // molblock leaves only coordinates, from which the MDL reader perceives stereo.
        std::string block = writer->WriteString(&mol->conformer->mol, true);
        ms_mol reread;
        if (!reader->ReadString(&reread.mol, block))
            return msob::fail(MS_E_FAILED, msob::with_detail("3D InChIKey: rereading the conformer failed: ", "no reason"));
        msob::mirror_input_stereo(mol->mol, reread.mol);
        return msob::write_identifier(msob::inchikey_writer(), "3D InChIKey", &reread, out);
    });
}
