// The single escaping point for HTML (see escape.h). Works on code points so
// that C1 controls and noncharacters, which the HTML checker rejects and
// which no report needs, are replaced too; invalid UTF-8 is repaired first.
#include "report/escape.h"

#include "core/utf8.h"

namespace cd::report {
namespace {

bool is_forbidden(char32_t ch) {
  if (ch == U'\t' || ch == U'\n') return false;
  if (ch < 0x20 || (ch >= 0x7F && ch <= 0x9F)) return true;  // C0, DEL, C1 controls
  if (ch >= 0xFDD0 && ch <= 0xFDEF) return true;             // noncharacters
  return (ch & 0xFFFE) == 0xFFFE;                            // U+xFFFE, U+xFFFF
}

}  // namespace

std::string html_escape(std::string_view utf8) {
  const std::u32string text = to_u32(utf8);
  std::string out;
  out.reserve(utf8.size() + utf8.size() / 8);
  for (const char32_t ch : text) {
    switch (ch) {
      case U'&':
        out += "&amp;";
        break;
      case U'<':
        out += "&lt;";
        break;
      case U'>':
        out += "&gt;";
        break;
      case U'"':
        out += "&quot;";
        break;
      case U'\'':
        out += "&#39;";
        break;
      default:
        append_utf8(out, is_forbidden(ch) ? char32_t{0xFFFD} : ch);
    }
  }
  return out;
}

}  // namespace cd::report
