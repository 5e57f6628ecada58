/*
 * C ABI over OpenBabel 3 for MolScreen (P/Invoked from MolScreen.Chemistry/OpenBabel).
 *
 * Conventions, kept uniform so the managed side needs no special cases:
 *  - Every fallible function returns an ms_status; MS_OK is 0. On failure the
 *    message is kept per thread and read with ms_last_error() before the next call.
 *  - No C++ exception ever crosses this boundary.
 *  - Handles are opaque and owned by the caller: free each with its free function.
 *  - Strings in and out are UTF-8. Strings handed out are malloc'd by the shim and
 *    must be released with ms_string_free.
 *  - Arrays are caller-provided; sizes come from a count query first, and a
 *    too-small buffer gives MS_E_BUFFER (never a partial write past the capacity).
 *  - OpenBabel is NOT thread-safe: call the shim from one thread at a time.
 */
#ifndef MOLSCREEN_OB_H
#define MOLSCREEN_OB_H

#include <stdint.h>

#ifdef __cplusplus
#define MS_API extern "C" __attribute__((visibility("default")))
#else
#define MS_API __attribute__((visibility("default")))
#endif

typedef struct ms_mol ms_mol;
typedef struct ms_smarts ms_smarts;

typedef enum ms_status {
    MS_OK = 0,
    MS_E_ARGUMENT = 1, /* null pointer or out-of-range argument: a caller bug */
    MS_E_PARSE = 2,    /* the record cannot be read as a molecule */
    MS_E_BUFFER = 3,   /* caller buffer too small; the needed count was still written */
    MS_E_PLUGIN = 4,   /* an OpenBabel format plugin (e.g. inchi) is not installed */
    MS_E_FAILED = 5,   /* the molecule was read but this operation cannot be done on it */
    MS_E_INTERNAL = 6  /* OpenBabel threw (bad_alloc, ...) */
} ms_status;

/* Standardization changes reported by ms_mol_standardize. */
#define MS_STD_FRAGMENTS_REMOVED 1
#define MS_STD_CHARGES_NEUTRALIZED 2

/* Process setup: silences OpenBabel's error log (messages are captured instead).
 * Idempotent; every other function also calls it. */
MS_API int32_t ms_init(void);
/* Version of the OpenBabel library the shim was compiled against; static string. */
MS_API const char* ms_openbabel_version(void);
/* Message of the last failed call on this thread; valid until the next shim call. */
MS_API const char* ms_last_error(void);
MS_API void ms_string_free(char* text);

/* Reading. Hydrogens that are plain (no isotope, no charge, one heavy neighbour) are
 * folded into implicit counts; dummy atoms, unkekulizable aromatic systems and
 * atoms above their maximum valence are rejected with MS_E_PARSE. */
MS_API int32_t ms_mol_from_smiles(const char* smiles, ms_mol** out);
MS_API int32_t ms_mol_from_molblock(const char* molblock, ms_mol** out);
MS_API void ms_mol_free(ms_mol* mol);

/* Keeps the largest organic fragment and neutralizes charges (rules in
 * shim_standardize.cpp). changes (nullable) receives MS_STD_* flags. */
MS_API int32_t ms_mol_standardize(ms_mol* mol, int32_t* changes);

/* Isomeric canonical SMILES ("can" format, no title), InChI, InChIKey. */
MS_API int32_t ms_mol_canonical_smiles(ms_mol* mol, char** out);
MS_API int32_t ms_mol_inchi(ms_mol* mol, char** out);
MS_API int32_t ms_mol_inchikey(ms_mol* mol, char** out);

/* Average molecular weight and monoisotopic mass, implicit hydrogens included. */
MS_API int32_t ms_mol_masses(ms_mol* mol, double* molecular_weight, double* exact_mass);

/* Graph export. Atom i of the graph is OpenBabel atom i+1; hydrogens left as atoms
 * after reading (isotopic, charged, unbonded) stay atoms and are not counted in
 * total_h. bond_kind: 1, 2, 3, or 12 for aromatic. Flags are 0/1 bytes. */
MS_API int32_t ms_mol_counts(ms_mol* mol, int32_t* atom_count, int32_t* bond_count);
MS_API int32_t ms_mol_graph(ms_mol* mol, int32_t atom_capacity,
                            int32_t* atomic_number, int32_t* formal_charge, int32_t* isotope,
                            int32_t* total_h, uint8_t* aromatic, uint8_t* in_ring,
                            int32_t bond_capacity,
                            int32_t* bond_begin, int32_t* bond_end, int32_t* bond_kind,
                            uint8_t* bond_in_ring);

/* 3D conformer. ms_mol_make3d adds hydrogens to a copy of the molecule, builds coordinates
 * with OBBuilder and minimizes them by conjugate gradients (steps) with MMFF94, or with UFF
 * when MMFF94 has no parameters for the molecule; forcefield_used receives MS_FF_*. The
 * molecule itself (graph, SMILES, SMARTS indexing) is unchanged; the conformer is read with
 * the functions below and replaced by the next ms_mol_make3d. Standardizing
 * drops it. Conformer atom i is OpenBabel atom i+1: the molecule's atoms in their order, then
 * the added hydrogens. bond_order: 1, 2, 3 (Kekule form). Coordinates are x,y,z per atom in
 * Angstrom; capacities count elements (atoms, bonds, doubles). */
#define MS_FF_MMFF94 1
#define MS_FF_UFF 2
MS_API int32_t ms_mol_make3d(ms_mol* mol, int32_t steps, int32_t* forcefield_used);
/* Same, starting with the preferred force field (MS_FF_MMFF94, falling back to UFF; or
 * MS_FF_UFF alone). */
MS_API int32_t ms_mol_make3d_with(ms_mol* mol, int32_t steps, int32_t preferred, int32_t* forcefield_used);
/* Same again, as a function of (molecule, steps, preferred, seed): every random draw of the
 * build and the minimization (OBBuilder's placement directions, the force fields' nudges of
 * coincident atoms and straight angles; all of them come from the C library's rand() in Open
 * Babel) is reseeded from seed first. ms_mol_make3d and ms_mol_make3d_with use seed 0.
 * perturb_rotors != 0 also sets every rotatable (non-ring, single) bond of the built structure
 * to a torsion drawn from seed, so a rebuild of a structure that did not settle starts from
 * another arrangement (OBBuilder alone tends to repeat its geometry). */
MS_API int32_t ms_mol_make3d_seeded(ms_mol* mol, int32_t steps, int32_t preferred, uint32_t seed,
                                    int32_t perturb_rotors, int32_t* forcefield_used);
/* Minimizes the conformer further, in place, by steps conjugate-gradient steps of its own
 * force field (the molecule is set up afresh). Reseeds Open Babel's generator from the build's
 * seed and the number of refinements so far, so the result depends on nothing else. */
MS_API int32_t ms_conformer_refine(ms_mol* mol, int32_t steps);
/* Residual strain of the conformer as last minimized: total energy (kcal/mol), largest and
 * root-mean-square per-atom gradient norm (kcal/mol/A; UFF's kJ converted). */
MS_API int32_t ms_conformer_strain(ms_mol* mol, double* energy, double* max_gradient, double* rms_gradient);
MS_API int32_t ms_mol_atom_count_all(ms_mol* mol, int32_t* atom_count, int32_t* bond_count);
MS_API int32_t ms_mol_coordinates(ms_mol* mol, double* xyz, int32_t capacity);
MS_API int32_t ms_conformer_atoms(ms_mol* mol, int32_t* atomic_number, int32_t capacity);
MS_API int32_t ms_conformer_bonds(ms_mol* mol, int32_t capacity, int32_t* bond_begin,
                                  int32_t* bond_end, int32_t* bond_order);
/* Reference length of each bond's stretch term in the force field that minimized it. */
MS_API int32_t ms_conformer_ideal_lengths(ms_mol* mol, double* ideal_length, int32_t capacity);
/* Bond lengths at the force field's own minimum next to the conformer: a copy is minimized with the
 * conformer's force field until a round of 100 steps changes the energy by under 1e-4 kcal/mol or max_steps
 * pass (steps_used tells which); the conformer itself does not move. */
MS_API int32_t ms_conformer_relaxed_lengths(ms_mol* mol, int32_t max_steps, double* length, int32_t capacity,
                                            int32_t* steps_used);
/* InChIKey with stereo perceived from the 3D coordinates alone (the conformer is written
 * as a molblock and read back, so no stereo flag of the input survives). */
MS_API int32_t ms_conformer_inchikey(ms_mol* mol, char** out);

/* Builds the conformer from the record's own 3D coordinates (an SD record with a pose):
 * missing hydrogens are added at ideal positions, nothing else moves; forcefield_used is
 * the force field whose reference bond lengths are reported (nothing is minimized).
 * MS_E_FAILED when the record is not 3D. */
MS_API int32_t ms_mol_conformer_from_input(ms_mol* mol, int32_t* forcefield_used);

/* Docking preparation (shim_prepare.cpp). ms_mol_protonate sets the molecule's formal
 * charges and hydrogen counts to OpenBabel's pH model (phmodel.txt) at ph; it drops the
 * conformer. ms_conformer_charges reads, per conformer atom, the formal charge, the
 * aromatic flag (OpenBabel's perception) and the Gasteiger-Marsili partial charge. */
MS_API int32_t ms_mol_protonate(ms_mol* mol, double ph);
MS_API int32_t ms_conformer_charges(ms_mol* mol, int32_t capacity, int32_t* formal_charge,
                                    uint8_t* aromatic, double* partial_charge);

/* SMARTS. Matches are rows of ms_smarts_atom_count graph atom indices (0-based),
 * written row after row into atom_indices. With atom_indices NULL only match_count is
 * computed. unique != 0 drops matches that cover the same atom set. */
MS_API int32_t ms_smarts_compile(const char* smarts, ms_smarts** out);
MS_API void ms_smarts_free(ms_smarts* pattern);
MS_API int32_t ms_smarts_atom_count(const ms_smarts* pattern, int32_t* atom_count);
MS_API int32_t ms_smarts_match(const ms_smarts* pattern, ms_mol* mol, int32_t unique,
                               int32_t* atom_indices, int32_t capacity, int32_t* match_count);

#endif
