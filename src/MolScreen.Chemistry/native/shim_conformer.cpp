// 3D conformers: hydrogens, OBBuilder coordinates, force-field minimization, and the
// force field's own reference bond lengths for checking the result.
#include "shim_internal.h"

#include <openbabel/bond.h>
#include <openbabel/builder.h>
#include <openbabel/forcefield.h>
#include <openbabel/math/vector3.h>
#include <openbabel/obiter.h>

#include <dlfcn.h>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <random>
#include <sstream>

using namespace OpenBabel;

namespace msob {

namespace {

// One instance per force field for the process, like the OBConversion objects: finding
// the plugin and building its parameter tables per molecule would dominate small
// molecules. MakeNewInstance leaves the log stream unset and OpenBabel then crashes in
// PrintTypes; the stream is set before anything else is called (DEPENDENCIES.md).
OBForceField* make_forcefield(const char* name) {
    // Not OBForceField::FindForceField: its plugin map is a static local of an inline
    // function, and with -fvisibility-inlines-hidden the shim gets its own, empty copy.
    // OBPlugin::GetPlugin looks in libopenbabel's map (and loads the plugins).
    auto* plugin = static_cast<OBForceField*>(OBPlugin::GetPlugin("forcefields", name));
    if (!plugin) return nullptr;
    OBForceField* ff = plugin->MakeNewInstance();
    if (!ff) return nullptr;
    ff->SetLogFile(&std::cerr);
    ff->SetLogLevel(OBFF_LOGLVL_NONE);
    return ff;
}

OBForceField* mmff94() { static OBForceField* ff = make_forcefield("MMFF94"); return ff; }
OBForceField* uff() { static OBForceField* ff = make_forcefield("UFF"); return ff; }

// Debian's libopenbabel runs the bond term as an OpenMP loop whose threads share one
// message buffer, so its log rows come garbled and out of order. The minimizations run
// serial too: OpenBabel is one thread per process by design (the engine also sets
// OMP_NUM_THREADS=1), and in a test run without that variable on a busy 2-core machine the
// spinning OpenMP team made each minimization about ten times slower. The shim does not link
// OpenMP itself; the runtime libopenbabel loaded is found by name, and when it is absent
// the loop is serial anyway. Restores the previous team size when it goes out of scope.
class SerialOpenMp {
public:
    SerialOpenMp() {
        set_ = reinterpret_cast<void (*)(int)>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
        auto get = reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "omp_get_max_threads"));
        if (!set_ || !get) return;
        previous_ = get();
        set_(1);
    }
    ~SerialOpenMp() {
        if (set_ && previous_ > 0) set_(previous_);
    }
    SerialOpenMp(const SerialOpenMp&) = delete;
    SerialOpenMp& operator=(const SerialOpenMp&) = delete;

private:
    void (*set_)(int) = nullptr;
    int previous_ = 0;
};

// Open Babel draws every random step it takes here from vector3::randomUnitVector: OBBuilder's
// directions for chain atoms and fragments, the force fields' nudges apart of atoms closer than
// 0.1 A and of straight angles (UFF), OBBond::SetLength on coincident atoms. Its generator is a
// function-local static OBRandom that returns the C library's rand() and, on construction, calls
// srand() with the microsecond clock; nothing in the API seeds it. So rand() is seeded here before
// every call that can reach it, once that static exists (constructing it later would overwrite our
// seed with the clock). One Open Babel thread per process and nothing else in it calling rand()
// make the draws a function of the seed alone.
void seed_openbabel(uint32_t seed) {
    static const bool generator_made = [] {
        vector3 v;
        v.randomUnitVector();
        return true;
    }();
    (void)generator_made;
    std::srand(seed);
}

// Seed of the n-th draw sequence of a conformer (n = 0: its build): splitmix32-style mixing, so
// consecutive refinements do not start from neighbouring rand() seeds.
uint32_t derived_seed(uint32_t seed, uint32_t n) {
    uint32_t z = seed + 0x9E3779B9u * (n + 1);
    z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
    z = (z ^ (z >> 13)) * 0xC2B2AE35u;
    return z ^ (z >> 16);
}

// OpenBabel does not expose a bond term's reference length, but both MMFF94 and UFF print
// it, with the current length, in their high-verbosity bond-stretch table: one row per
// bond in the molecule's bond order, columns "type type class|order length ideal ...".
// Rows are matched to bonds by position and checked against the measured length, so a
// format change or a skipped bond fails loudly instead of misaligning silently.
bool read_ideal_lengths(OBForceField* ff, OBMol& mol, std::vector<double>& ideal, std::string& why) {
    std::ostringstream log;
    {
        SerialOpenMp serial;
        ff->SetLogFile(&log);
        ff->SetLogLevel(OBFF_LOGLVL_HIGH);
        ff->E_Bond(false);
    }
    ff->SetLogLevel(OBFF_LOGLVL_NONE);
    ff->SetLogFile(&std::cerr);
    ideal.clear();
    std::istringstream lines(log.str());
    std::string line;
    std::vector<double> measured;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::vector<std::string> t;
        std::string f;
        while (fields >> f) t.push_back(f);
        if (t.size() != 8) continue;
        char* end1 = nullptr;
        char* end2 = nullptr;
        double length = std::strtod(t[3].c_str(), &end1);
        double r0 = std::strtod(t[4].c_str(), &end2);
        if (*end1 != '\0' || *end2 != '\0' || end1 == t[3].c_str() || end2 == t[4].c_str()) continue;
        measured.push_back(length);
        ideal.push_back(r0);
    }
    if (ideal.size() != mol.NumBonds()) {
        why = "the force field listed " + std::to_string(ideal.size()) + " bond terms for " +
              std::to_string(mol.NumBonds()) + " bonds";
        return false;
    }
    FOR_BONDS_OF_MOL(b, mol) {
        size_t i = b->GetIdx();
        // The table prints three decimals.
        if (std::fabs(b->GetLength() - measured[i]) > 0.0015) {
            why = "bond-stretch row " + std::to_string(i + 1) + " does not match bond " +
                  std::to_string(i + 1) + " of the molecule";
            return false;
        }
    }
    return true;
}

// Types conf and builds ff's terms for it; false (and why) when ff has no parameters for it.
bool setup_fresh(OBForceField* ff, OBMol& conf, std::string& why) {
    if (!ff) {
        why = "force field plugin not found";
        return false;
    }
    // Setup skips typing and rebuilding its terms when the molecule has the same atom
    // and bond counts and elements as the previous one (IsSetupNeeded), so the meta
    // isomer of a para compound was minimized with the para compound's bonds. Setting up
    // an empty molecule first makes every molecule count as new.
    OBMol empty;
    ff->Setup(empty);
    if (!ff->Setup(conf)) {
        std::string detail = captured_messages();
        why = detail.empty() ? "cannot set up the molecule" : detail;
        return false;
    }
    return true;
}

// Minimizes conf with ff; false (and why) when ff has no parameters for it.
bool minimize(OBForceField* ff, OBMol& conf, int32_t steps, std::string& why) {
    if (!setup_fresh(ff, conf, why)) return false;
    // OBBuilder places the neighbours of sp atoms exactly collinear, where the angle
    // term's gradient is 0/0. Started there, nitriles kept the builder's 1.26 A triple
    // bond (MMFF94 reference 1.16) even after 5,000 steps. A fixed displacement of under
    // 0.01 A per atom, deterministic so it adds no run-to-run variation of its own,
    // lifts the degeneracy.
    FOR_ATOMS_OF_MOL(a, conf) {
        double i = (double)a->GetIdx();
        a->SetVector(a->GetX() + 0.005 * std::sin(1.3 * i), a->GetY() + 0.005 * std::sin(2.1 * i + 1.0),
                     a->GetZ() + 0.005 * std::sin(3.7 * i + 2.0));
    }
    ff->SetCoordinates(conf);
    ff->ConjugateGradients(steps);
    return ff->GetCoordinates(conf);
}

// Energy and per-atom gradient norms at ff's current coordinates, into c. ff must be set up
// for c.mol. A conformer whose minimization stopped short of a minimum still has large forces
// on some atom; one sitting at a strained but balanced centre does not.
void measure_strain(OBForceField* ff, ms_conformer& c) {
    // UFF works in kJ/mol; the settledness threshold is one number in kcal/mol.
    double scale = ff->GetUnit() == "kJ/mol" ? 1.0 / 4.184 : 1.0;
    c.energy = scale * ff->Energy(true);
    const double* g = ff->GetGradientPtr();
    double max = 0, sum = 0;
    int n = (int)c.mol.NumAtoms();
    for (int i = 0; g && i < n; i++) {
        double norm2 = g[3 * i] * g[3 * i] + g[3 * i + 1] * g[3 * i + 1] + g[3 * i + 2] * g[3 * i + 2];
        sum += norm2;
        max = std::max(max, norm2);
    }
    c.max_gradient = scale * std::sqrt(max);
    c.rms_gradient = n > 0 ? scale * std::sqrt(sum / n) : 0.0;
}

// Sets every rotatable bond to a torsion drawn from seed's generator. Rotating about a
// non-ring single bond moves one side of the molecule rigidly, so stereocentres and double-bond
// geometry stay as built; it only changes how the pieces are arranged, which is what a tangled
// build (rings folded onto each other) needs.
void perturb_rotors(OBMol& conf, uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> angle(-M_PI, M_PI);
    std::vector<OBBond*> rotors;
    FOR_BONDS_OF_MOL(b, conf)
        if (b->IsRotor()) rotors.push_back(&*b);
    for (OBBond* b : rotors) {
        OBAtom* bgn = b->GetBeginAtom();
        OBAtom* end = b->GetEndAtom();
        OBAtom* a = nullptr;
        OBAtom* d = nullptr;
        FOR_NBORS_OF_ATOM(n, bgn) if (&*n != end) { a = &*n; break; }
        FOR_NBORS_OF_ATOM(n, end) if (&*n != bgn) { d = &*n; break; }
        if (a && d) conf.SetTorsion(a, bgn, end, d, angle(rng));
    }
}

ms_conformer* conformer_of(ms_mol* mol, const char* what) {
    if (!mol) {
        fail(MS_E_ARGUMENT, std::string(what) + ": null molecule");
        return nullptr;
    }
    if (!mol->conformer) {
        fail(MS_E_ARGUMENT, std::string(what) + ": no conformer (call ms_mol_make3d first)");
        return nullptr;
    }
    return mol->conformer.get();
}

}  // namespace

}  // namespace msob

MS_API int32_t ms_mol_make3d(ms_mol* mol, int32_t steps, int32_t* forcefield_used) {
    return ms_mol_make3d_with(mol, steps, MS_FF_MMFF94, forcefield_used);
}

MS_API int32_t ms_mol_make3d_with(ms_mol* mol, int32_t steps, int32_t preferred, int32_t* forcefield_used) {
    return ms_mol_make3d_seeded(mol, steps, preferred, 0, 0, forcefield_used);
}

MS_API int32_t ms_mol_make3d_seeded(ms_mol* mol, int32_t steps, int32_t preferred, uint32_t seed,
                                    int32_t perturb_rotors, int32_t* forcefield_used) {
    return msob::guarded("3D", [&]() -> int32_t {
        msob::SerialOpenMp serial;
        if (!mol || !forcefield_used) return msob::fail(MS_E_ARGUMENT, "3D: null argument");
        if (steps < 0) return msob::fail(MS_E_ARGUMENT, "3D: negative step count");
        if (preferred != MS_FF_MMFF94 && preferred != MS_FF_UFF) return msob::fail(MS_E_ARGUMENT, "3D: unknown force field");
        *forcefield_used = 0;
        mol->conformer.reset();
        auto c = std::make_unique<ms_conformer>();
        c->mol = mol->mol;
        c->seed = seed;
        OBMol& conf = c->mol;
        // From here on every random draw (hydrogen placement included) comes from this seed.
        msob::seed_openbabel(msob::derived_seed(seed, 0));
        conf.AddHydrogens(false, false);
        // OBBuilder assembles ring systems from fragment templates and cannot invert a
        // stereocentre shared by fused rings (morphine); it then returns false with the
        // coordinates built but the stereo wrong. obabel --gen3d switches to distance
        // geometry there, but OBDistanceGeometry's header needs Eigen, which Debian's
        // libopenbabel-dev does not pull in; a conformer of another stereoisomer would
        // mislead docking, so the molecule fails instead.
        OBBuilder builder;
        if (!builder.Build(conf))
            return msob::fail(MS_E_FAILED, "3D failed: OBBuilder cannot place the specified stereo (" +
                                               msob::captured_messages() + ")");
        conf.SetDimension(3);
        if (perturb_rotors != 0) msob::perturb_rotors(conf, seed);
        std::string mmff_why, uff_why;
        OBForceField* ff = nullptr;
        if (preferred == MS_FF_MMFF94) {
            ff = msob::mmff94();
            c->forcefield = MS_FF_MMFF94;
            if (!msob::minimize(ff, conf, steps, mmff_why)) ff = nullptr;
        }
        if (!ff) {
            ff = msob::uff();
            c->forcefield = MS_FF_UFF;
            if (!msob::minimize(ff, conf, steps, uff_why))
                return msob::fail(MS_E_FAILED, preferred == MS_FF_MMFF94
                    ? "3D failed: MMFF94: " + mmff_why + "; UFF: " + uff_why
                    : "3D failed: UFF: " + uff_why);
        }
        msob::measure_strain(ff, *c);
        std::string why;
        if (!msob::read_ideal_lengths(ff, conf, c->ideal_length, why))
            return msob::fail(MS_E_INTERNAL, "3D: reading ideal bond lengths: " + why);
        *forcefield_used = c->forcefield;
        mol->conformer = std::move(c);
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_refine(ms_mol* mol, int32_t steps) {
    return msob::guarded("refine conformer", [&]() -> int32_t {
        msob::SerialOpenMp serial;
        ms_conformer* c = msob::conformer_of(mol, "refine conformer");
        if (!c) return MS_E_ARGUMENT;
        if (steps < 0) return msob::fail(MS_E_ARGUMENT, "refine conformer: negative step count");
        OBForceField* ff = c->forcefield == MS_FF_UFF ? msob::uff() : msob::mmff94();
        std::string why;
        if (!msob::setup_fresh(ff, c->mol, why)) return msob::fail(MS_E_FAILED, "refine conformer: " + why);
        msob::seed_openbabel(msob::derived_seed(c->seed, ++c->refinements));
        ff->SetCoordinates(c->mol);
        ff->ConjugateGradients(steps);
        ff->GetCoordinates(c->mol);
        msob::measure_strain(ff, *c);
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_strain(ms_mol* mol, double* energy, double* max_gradient, double* rms_gradient) {
    return msob::guarded("conformer strain", [&]() -> int32_t {
        ms_conformer* c = msob::conformer_of(mol, "conformer strain");
        if (!c) return MS_E_ARGUMENT;
        if (!energy || !max_gradient || !rms_gradient) return msob::fail(MS_E_ARGUMENT, "conformer strain: null argument");
        *energy = c->energy;
        *max_gradient = c->max_gradient;
        *rms_gradient = c->rms_gradient;
        return MS_OK;
    });
}

MS_API int32_t ms_mol_conformer_from_input(ms_mol* mol, int32_t* forcefield_used) {
    return msob::guarded("input conformer", [&]() -> int32_t {
        msob::SerialOpenMp serial;
        if (!mol || !forcefield_used) return msob::fail(MS_E_ARGUMENT, "input conformer: null argument");
        *forcefield_used = 0;
        mol->conformer.reset();
        if (mol->mol.GetDimension() != 3 || mol->mol.NumAtoms() == 0)
            return msob::fail(MS_E_FAILED, "input conformer: the record has no 3D coordinates");
        auto c = std::make_unique<ms_conformer>();
        c->mol = mol->mol;
        OBMol& conf = c->mol;
        // Hydrogens the reader folded into counts come back at ideal positions on the
        // kept heavy-atom frame; crystal ligands rarely carry them anyway. Placing them can
        // draw random directions, and so can the strain's gradient (coincident atoms).
        msob::seed_openbabel(msob::derived_seed(0, 0));
        conf.AddHydrogens(false, false);
        // The force field only types the molecule here, for the reference bond lengths
        // reported with the conformer: nothing moves.
        std::string mmff_why, uff_why;
        OBForceField* ff = msob::mmff94();
        c->forcefield = MS_FF_MMFF94;
        if (!msob::setup_fresh(ff, conf, mmff_why)) {
            ff = msob::uff();
            c->forcefield = MS_FF_UFF;
            if (!msob::setup_fresh(ff, conf, uff_why))
                return msob::fail(MS_E_FAILED, "input conformer: MMFF94: " + mmff_why + "; UFF: " + uff_why);
        }
        msob::measure_strain(ff, *c);
        std::string why;
        if (!msob::read_ideal_lengths(ff, conf, c->ideal_length, why))
            return msob::fail(MS_E_INTERNAL, "input conformer: reading ideal bond lengths: " + why);
        *forcefield_used = c->forcefield;
        mol->conformer = std::move(c);
        return MS_OK;
    });
}

MS_API int32_t ms_mol_atom_count_all(ms_mol* mol, int32_t* atom_count, int32_t* bond_count) {
    return msob::guarded("conformer counts", [&]() -> int32_t {
        ms_conformer* c = msob::conformer_of(mol, "conformer counts");
        if (!c) return MS_E_ARGUMENT;
        if (!atom_count || !bond_count) return msob::fail(MS_E_ARGUMENT, "conformer counts: null argument");
        *atom_count = (int32_t)c->mol.NumAtoms();
        *bond_count = (int32_t)c->mol.NumBonds();
        return MS_OK;
    });
}

MS_API int32_t ms_mol_coordinates(ms_mol* mol, double* xyz, int32_t capacity) {
    return msob::guarded("coordinates", [&]() -> int32_t {
        ms_conformer* c = msob::conformer_of(mol, "coordinates");
        if (!c) return MS_E_ARGUMENT;
        if (!xyz) return msob::fail(MS_E_ARGUMENT, "coordinates: null buffer");
        if (capacity < 3 * (int32_t)c->mol.NumAtoms())
            return msob::fail(MS_E_BUFFER, "coordinates: buffer too small");
        FOR_ATOMS_OF_MOL(a, c->mol) {
            size_t i = a->GetIdx() - 1;
            xyz[3 * i] = a->GetX();
            xyz[3 * i + 1] = a->GetY();
            xyz[3 * i + 2] = a->GetZ();
        }
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_atoms(ms_mol* mol, int32_t* atomic_number, int32_t capacity) {
    return msob::guarded("conformer atoms", [&]() -> int32_t {
        ms_conformer* c = msob::conformer_of(mol, "conformer atoms");
        if (!c) return MS_E_ARGUMENT;
        if (!atomic_number) return msob::fail(MS_E_ARGUMENT, "conformer atoms: null buffer");
        if (capacity < (int32_t)c->mol.NumAtoms())
            return msob::fail(MS_E_BUFFER, "conformer atoms: buffer too small");
        FOR_ATOMS_OF_MOL(a, c->mol) atomic_number[a->GetIdx() - 1] = (int32_t)a->GetAtomicNum();
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_bonds(ms_mol* mol, int32_t capacity, int32_t* bond_begin,
                                  int32_t* bond_end, int32_t* bond_order) {
    return msob::guarded("conformer bonds", [&]() -> int32_t {
        ms_conformer* c = msob::conformer_of(mol, "conformer bonds");
        if (!c) return MS_E_ARGUMENT;
        if (!bond_begin || !bond_end || !bond_order)
            return msob::fail(MS_E_ARGUMENT, "conformer bonds: null buffer");
        if (capacity < (int32_t)c->mol.NumBonds())
            return msob::fail(MS_E_BUFFER, "conformer bonds: buffer too small");
        FOR_BONDS_OF_MOL(b, c->mol) {
            size_t i = b->GetIdx();
            bond_begin[i] = (int32_t)b->GetBeginAtomIdx() - 1;
            bond_end[i] = (int32_t)b->GetEndAtomIdx() - 1;
            bond_order[i] = (int32_t)b->GetBondOrder();
        }
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_ideal_lengths(ms_mol* mol, double* ideal_length, int32_t capacity) {
    return msob::guarded("ideal bond lengths", [&]() -> int32_t {
        ms_conformer* c = msob::conformer_of(mol, "ideal bond lengths");
        if (!c) return MS_E_ARGUMENT;
        if (!ideal_length) return msob::fail(MS_E_ARGUMENT, "ideal bond lengths: null buffer");
        if (capacity < (int32_t)c->ideal_length.size())
            return msob::fail(MS_E_BUFFER, "ideal bond lengths: buffer too small");
        for (size_t i = 0; i < c->ideal_length.size(); i++) ideal_length[i] = c->ideal_length[i];
        return MS_OK;
    });
}

MS_API int32_t ms_conformer_relaxed_lengths(ms_mol* mol, int32_t max_steps, double* length, int32_t capacity,
                                            int32_t* steps_used) {
    return msob::guarded("relaxed bond lengths", [&]() -> int32_t {
        msob::SerialOpenMp serial;
        ms_conformer* c = msob::conformer_of(mol, "relaxed bond lengths");
        if (!c) return MS_E_ARGUMENT;
        if (!length || !steps_used) return msob::fail(MS_E_ARGUMENT, "relaxed bond lengths: null buffer");
        if (max_steps <= 0) return msob::fail(MS_E_ARGUMENT, "relaxed bond lengths: max_steps must be positive");
        if (capacity < (int32_t)c->mol.NumBonds())
            return msob::fail(MS_E_BUFFER, "relaxed bond lengths: buffer too small");
        OBMol copy = c->mol;
        OBForceField* ff = c->forcefield == MS_FF_UFF ? msob::uff() : msob::mmff94();
        std::string why;
        if (!msob::setup_fresh(ff, copy, why)) return msob::fail(MS_E_FAILED, "relaxed bond lengths: " + why);
        // A query, not a step of the conformer's history: the same draws whatever was refined before.
        msob::seed_openbabel(msob::derived_seed(c->seed, 0xFFFFFFFFu));
        // Minimized in rounds so the step count that reached convergence can be reported: a round that
        // moves the energy by less than 1e-4 kcal/mol leaves bond lengths still by far under 0.001 A.
        const int round = 100;
        int used = 0;
        double before = ff->Energy(false);
        while (used < max_steps) {
            int n = std::min(round, max_steps - used);
            ff->ConjugateGradients(n, 1e-6);
            used += n;
            double after = ff->Energy(false);
            if (std::fabs(before - after) < 1e-4) break;
            before = after;
        }
        ff->GetCoordinates(copy);
        FOR_BONDS_OF_MOL(b, copy) length[b->GetIdx()] = b->GetLength();
        *steps_used = used;
        return MS_OK;
    });
}
