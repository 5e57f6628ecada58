// SMARTS patterns: compiled once, matched against many molecules.
#include "shim_internal.h"

#include <memory>
#include <vector>

using namespace OpenBabel;

MS_API int32_t ms_smarts_compile(const char* smarts, ms_smarts** out) {
    return msob::guarded("SMARTS compile", [&]() -> int32_t {
        if (!smarts || !out) return msob::fail(MS_E_ARGUMENT, "SMARTS compile: null argument");
        *out = nullptr;
        std::string text(smarts);
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            return msob::fail(MS_E_PARSE, "SMARTS parse error: empty pattern");
        auto p = std::make_unique<ms_smarts>();
        if (!p->pattern.Init(text)) {
            std::string detail = msob::captured_messages();
            return msob::fail(MS_E_PARSE, "SMARTS parse error: " + (detail.empty() ? text : detail));
        }
        p->atoms = static_cast<int32_t>(p->pattern.NumAtoms());
        *out = p.release();
        return MS_OK;
    });
}

MS_API void ms_smarts_free(ms_smarts* pattern) {
    try {
        delete pattern;
    } catch (...) {
        // See ms_mol_free: nothing to recover, and the finalizer thread must survive.
    }
}

MS_API int32_t ms_smarts_atom_count(const ms_smarts* pattern, int32_t* atom_count) {
    if (!pattern || !atom_count) return msob::fail(MS_E_ARGUMENT, "SMARTS atom count: null argument");
    *atom_count = pattern->atoms;
    return MS_OK;
}

MS_API int32_t ms_smarts_match(const ms_smarts* pattern, ms_mol* mol, int32_t unique,
                               int32_t* atom_indices, int32_t capacity, int32_t* match_count) {
    return msob::guarded("SMARTS match", [&]() -> int32_t {
        if (!pattern || !mol || !match_count || capacity < 0)
            return msob::fail(MS_E_ARGUMENT, "SMARTS match: null argument or negative capacity");
        // The const overload keeps the pattern free of per-match state, so one
        // compiled pattern can be reused across molecules without surprises.
        std::vector<std::vector<int>> matches;
        pattern->pattern.Match(mol->mol, matches, unique ? OBSmartsPattern::AllUnique : OBSmartsPattern::All);
        *match_count = static_cast<int32_t>(matches.size());
        for (const std::vector<int>& match : matches)
            if (static_cast<int32_t>(match.size()) != pattern->atoms)
                return msob::fail(MS_E_FAILED, "SMARTS match: a match has " + std::to_string(match.size()) +
                                  " atoms, the pattern " + std::to_string(pattern->atoms));
        if (!atom_indices) return MS_OK;
        long long needed = static_cast<long long>(matches.size()) * pattern->atoms;
        if (needed > capacity)
            return msob::fail(MS_E_BUFFER, "SMARTS match: buffer holds " + std::to_string(capacity) +
                              " indices, " + std::to_string(needed) + " needed");
        int32_t* cursor = atom_indices;
        for (const std::vector<int>& match : matches)
            for (int idx : match) *cursor++ = idx - 1;  // OpenBabel atom indices are 1-based
        return MS_OK;
    });
}
