// Process setup and error plumbing for the shim.
#include "shim_internal.h"

#include <openbabel/babelconfig.h>
#include <openbabel/oberror.h>

#include <cstdlib>
#include <ostream>
#include <sstream>
#include <vector>

using namespace OpenBabel;

namespace msob {

namespace {

thread_local std::string last_error;
bool initialized = false;

// A stream without a buffer swallows every write: OpenBabel formats each message
// into it and nothing reaches stderr, while the message list keeps the text for us.
std::ostream& null_stream() {
    static std::ostream stream(nullptr);
    return stream;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return std::string();
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// OpenBabel formats a message as a banner of '=' signs, a "*** Open Babel Error in
// Function" line and the indented text; keep only the text.
std::string clean_message(const std::string& formatted) {
    std::istringstream lines(formatted);
    std::string line, text;
    while (std::getline(lines, line)) {
        std::string t = trim(line);
        if (t.empty() || t[0] == '=' || t.rfind("***", 0) == 0) continue;
        if (!text.empty()) text += ' ';
        text += t;
    }
    return text;
}

}  // namespace

int32_t fail(int32_t code, const std::string& message) {
    last_error = message;
    return code;
}

void ensure_init() {
    if (initialized) return;
    obErrorLog.SetOutputStream(&null_stream());
    obErrorLog.SetOutputLevel(obError);
    // Only the current call's messages are read; a short list keeps each call cheap.
    obErrorLog.SetMaxLogEntries(32);
    obErrorLog.StartLogging();
    initialized = true;
}

void begin_call() {
    obErrorLog.ClearLog();
}

std::string captured_messages() {
    std::string joined;
    for (obMessageLevel level : {obError, obWarning}) {
        for (const std::string& raw : obErrorLog.GetMessagesOfLevel(level)) {
            std::string text = clean_message(raw);
            if (text.empty() || joined.find(text) != std::string::npos) continue;
            if (!joined.empty()) joined += "; ";
            joined += text;
        }
    }
    return joined;
}

bool captured_contains(const char* needle) {
    for (obMessageLevel level : {obError, obWarning})
        for (const std::string& raw : obErrorLog.GetMessagesOfLevel(level))
            if (raw.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace msob

MS_API int32_t ms_init(void) {
    return msob::guarded("init", [] { return (int32_t)MS_OK; });
}

MS_API const char* ms_openbabel_version(void) {
    return BABEL_VERSION;
}

MS_API const char* ms_last_error(void) {
    return msob::last_error.c_str();
}

MS_API void ms_string_free(char* text) {
    std::free(text);
}
