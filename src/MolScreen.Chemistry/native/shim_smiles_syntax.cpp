// The few SMILES structure errors that OpenBabel's reader accepts silently: it reads
// "C(" as methane, "C==C" as ethene and "(C)C" as two methanes. Everything else
// (unknown symbols, unmatched ring bonds) OpenBabel reports itself. MolScreen's ingest
// stage runs a complete syntax check first; this keeps the shim safe on its own.
#include "shim_internal.h"

#include <cctype>

namespace msob {

namespace {

enum class Last { None, Atom, Bond, Open, Close, Dot, Ring };

// Branches open at one time; the same limit as MolScreen.Ingest's SmilesSyntax. Deeper nesting
// is refused before OpenBabel, whose graph walks recurse, could exhaust the stack on it.
constexpr int kMaxBranchDepth = 256;

bool is_bond(char c) {
    return c == '-' || c == '=' || c == '#' || c == '$' || c == ':' || c == '/' || c == '\\';
}

std::string at(const char* what, size_t i) {
    return std::string(what) + " at position " + std::to_string(i + 1);
}

}  // namespace

std::string smiles_structure_error(const std::string& s) {
    Last last = Last::None;
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '[') {
            // Bracket contents (charges "--", chirality "@@") are OpenBabel's to judge.
            size_t close = s.find(']', i);
            if (close == std::string::npos) return at("unclosed '['", i);
            size_t nested = s.find('[', i + 1);
            if (nested < close) return at("'[' inside a bracket atom", nested);
            i = close;
            last = Last::Atom;
        } else if (c == '(') {
            if (last == Last::None || last == Last::Dot || last == Last::Open || last == Last::Bond)
                return at("branch without a preceding atom", i);
            if (depth == kMaxBranchDepth)
                return at("branches nested deeper than 256", i);
            depth++;
            last = Last::Open;
        } else if (c == ')') {
            if (depth == 0) return at("')' without '('", i);
            if (last == Last::Open) return at("empty branch", i);
            if (last == Last::Bond) return at("bond without a following atom", i);
            depth--;
            last = Last::Close;
        } else if (is_bond(c)) {
            if (last == Last::Bond) return at("two bonds in a row", i);
            if (last == Last::None || last == Last::Dot) return at("bond without a preceding atom", i);
            last = Last::Bond;
        } else if (c == '.') {
            if (last == Last::None || last == Last::Dot || last == Last::Bond || last == Last::Open)
                return at("misplaced '.'", i);
            last = Last::Dot;
        } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '%') {
            if (last == Last::None || last == Last::Dot || last == Last::Open)
                return at("ring-closure number without an atom", i);
            if (c == '%') i += 2;
            last = Last::Ring;
        } else {
            last = Last::Atom;
        }
    }
    if (depth > 0) return "unclosed branch '('";
    if (last == Last::Bond) return "bond at the end of the SMILES";
    if (last == Last::Dot) return "'.' at the end of the SMILES";
    return std::string();
}

}  // namespace msob
