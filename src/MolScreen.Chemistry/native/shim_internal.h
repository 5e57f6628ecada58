// Shared pieces of the shim's translation units; not part of the ABI.
#ifndef MOLSCREEN_OB_INTERNAL_H
#define MOLSCREEN_OB_INTERNAL_H

#include "molscreen_ob.h"

#include <openbabel/mol.h>
#include <openbabel/atom.h>
#include <openbabel/parsmart.h>

#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

// A 3D conformer is kept beside the molecule rather than replacing it: it carries explicit
// hydrogens, and the heavy-atom indexing of the graph export and SMARTS must not change.
struct ms_conformer {
    OpenBabel::OBMol mol;
    int32_t forcefield = 0;           // MS_FF_*
    std::vector<double> ideal_length; // per bond of mol, from the force field's bond term
    // Residual strain after the last minimization (kcal/mol and kcal/mol/A, UFF converted):
    // the settledness check of the prepare stage reads the largest per-atom gradient.
    double energy = 0;
    double max_gradient = 0;
    double rms_gradient = 0;
    // Seed of the build; every later step that can draw from Open Babel's generator (refinement,
    // relaxed lengths) reseeds it from this and refinements, so a conformer's history is a function
    // of the molecule and the seed (shim_conformer.cpp, seed_openbabel).
    uint32_t seed = 0;
    uint32_t refinements = 0;
};

struct ms_mol {
    OpenBabel::OBMol mol;
    std::unique_ptr<ms_conformer> conformer;
};

struct ms_smarts {
    OpenBabel::OBSmartsPattern pattern;
    int32_t atoms = 0;
};

namespace msob {

// Records message as this thread's last error and returns code, so call sites read
// `return fail(MS_E_PARSE, "...")`.
int32_t fail(int32_t code, const std::string& message);

// OpenBabel's error and warning messages since the current call began, cleaned of
// its banner lines and joined with "; ". Empty when OpenBabel said nothing.
std::string captured_messages();
bool captured_contains(const char* needle);

void ensure_init();
void begin_call();

// Every ABI entry point runs through this: OpenBabel signals some failures by
// throwing (bad_alloc, std::out_of_range from vector::at) and letting one unwind
// into the CLR would abort the process.
template <class Body>
int32_t guarded(const char* operation, Body&& body) noexcept {
    try {
        ensure_init();
        begin_call();
        return body();
    } catch (const std::bad_alloc&) {
        return fail(MS_E_INTERNAL, std::string(operation) + ": out of memory");
    } catch (const std::exception& e) {
        return fail(MS_E_INTERNAL, std::string(operation) + ": OpenBabel threw: " + e.what());
    } catch (...) {
        return fail(MS_E_INTERNAL, std::string(operation) + ": OpenBabel threw an unknown exception");
    }
}

// Largest valence (bond orders + hydrogens) allowed for a main-group non-metal with
// this formal charge, or -1 when the element is not checked (metals, noble gases
// beyond Ne, lanthanides...). See shim_valence.cpp.
int max_valence(int atomic_number, int formal_charge);
int total_valence(OpenBabel::OBAtom* atom);

// Rewrites pentavalent nitrogen as written in Daylight SMILES and old molfiles (nitro
// N(=O)=O, N-oxides R3N=O, azides N=N#N) into the charge-separated form the valence
// check accepts; returns the number of nitrogens changed. See shim_normalize.cpp.
int normalize_pentavalent_nitrogen(OpenBabel::OBMol& mol);

// Empty when fine; otherwise a reason for a structure error OpenBabel would accept.
std::string smiles_structure_error(const std::string& smiles);

// Post-read checks shared by every input format (see shim_molecule.cpp).
int32_t sanitize(OpenBabel::OBMol& mol, const char* what);

}  // namespace msob

#endif
