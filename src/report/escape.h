// report/escape.h: the one place where text is escaped for HTML.
//
// Every renderer that writes HTML passes input-derived text through
// html_escape(): & < > " ' become entities, and control characters other
// than tab and newline (which have no business in a report) become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace cd::report {

std::string html_escape(std::string_view utf8);

}  // namespace cd::report
