// annotate/rule_set.cpp: reading rule files (TSV) and compiling their patterns.
//
// A rule file is data a user may write (--rules), so every problem in it is a
// Status naming the file, line and column, never an exception or a crash.
// add_text() is all-or-nothing: the set only changes when the whole file is
// good, so a caller that reports the error can go on with the old set.
#include <boost/regex/icu.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <string_view>

#include "annotate/annotate.h"
#include "annotate/builtin_rules.h"
#include "annotate/compiled.h"
#include "core/fs.h"
#include "core/utf8.h"

namespace cd::annotate {
namespace {

const std::vector<std::string>& required_columns() {
  static const std::vector<std::string> cols = {"id",       "category", "subtype",
                                                "strength", "pattern",  "rationale"};
  return cols;
}

struct Field {
  std::string text;
  uint32_t column = 0;  // 1-based, in code points of the line
};

std::vector<Field> split_tabs(std::string_view line) {
  std::vector<Field> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    Field f;
    f.text = std::string(
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    // Columns count code points, as the rest of the project does.
    f.column = static_cast<uint32_t>(to_u32(line.substr(0, start)).size()) + 1;
    out.push_back(std::move(f));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return c != ' ' && c != '\r' && c != '\n'; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

// Spreadsheets quote fields that contain quotes: "a ""b"" c" -> a "b" c.
std::string unquote(std::string s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
      out += s[i];
      if (s[i] == '"' && i + 2 < s.size() && s[i + 1] == '"') ++i;
    }
    return out;
  }
  return s;
}

bool parse_strength(const std::string& s, int& out) {
  std::string_view v = s;
  if (!v.empty() && v.front() == '+') v.remove_prefix(1);
  if (v.empty()) return false;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
  return r.ec == std::errc() && r.ptr == v.data() + v.size();
}

bool known_category(const std::string& c) {
  const auto& cats = categories();
  return std::find(cats.begin(), cats.end(), c) != cats.end();
}

}  // namespace

RuleSet::RuleSet() : compiled_(std::make_unique<Compiled>()) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

const std::vector<Rule>& RuleSet::rules() const {
  static const std::vector<Rule> kNone;
  return compiled_ ? compiled_->rules : kNone;
}

Result<RuleSet> RuleSet::builtin() {
  RuleSet set;
  for (const auto& f : builtin_rule_files()) {
    Status s = set.add_text(std::string(f.name), std::string(f.text));
    if (!s.ok()) return s;
  }
  return set;
}

Status RuleSet::add_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  return add_text(path, bytes.value());
}

Status RuleSet::add_text(const std::string& name, const std::string& tsv) {
  if (!compiled_) compiled_ = std::make_unique<Compiled>();
  if (!is_valid_utf8(tsv)) {
    return Status::error(ErrorCode::invalid_input, "rule file is not valid UTF-8", name);
  }
  std::map<std::string, std::size_t> column_of;  // header name -> field index
  bool have_header = false;
  Compiled added;
  std::map<std::string, std::string> seen;  // rule id -> "file:line" of its definition
  for (const auto& r : compiled_->rules) seen[r.id] = r.file + ":" + std::to_string(r.line);

  uint32_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= tsv.size()) {
    const std::size_t nl = tsv.find('\n', pos);
    std::string_view line(tsv.data() + pos, (nl == std::string::npos ? tsv.size() : nl) - pos);
    pos = nl == std::string::npos ? tsv.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(std::string(line)).empty() || line.front() == '#') continue;

    auto fields = split_tabs(line);
    if (!have_header) {
      for (std::size_t i = 0; i < fields.size(); ++i) column_of[trim(fields[i].text)] = i;
      for (const auto& c : required_columns()) {
        if (!column_of.count(c)) {
          return Status::error(ErrorCode::invalid_input,
                               "rule file header lacks the column '" + c +
                                   "' (expected: id, category, subtype, strength, pattern, "
                                   "rationale[, genre], separated by tabs)",
                               name, line_no, 1);
        }
      }
      have_header = true;
      continue;
    }
    const auto field = [&](const std::string& col) -> const Field* {
      auto it = column_of.find(col);
      if (it == column_of.end() || it->second >= fields.size()) return nullptr;
      return &fields[it->second];
    };
    for (const auto& c : required_columns()) {
      if (!field(c)) {
        return Status::error(ErrorCode::invalid_input,
                             "rule line has " + std::to_string(fields.size()) +
                                 " tab-separated fields; the column '" + c + "' is missing",
                             name, line_no, 1);
      }
    }
    Rule r;
    r.id = trim(field("id")->text);
    r.category = trim(field("category")->text);
    r.subtype = trim(field("subtype")->text);
    r.pattern = field("pattern")->text;  // not trimmed: spaces may be meaningful
    r.rationale = unquote(trim(field("rationale")->text));
    if (const Field* g = field("genre")) r.genre = trim(g->text);
    r.file = name;
    r.line = line_no;

    if (r.id.empty()) {
      return Status::error(ErrorCode::invalid_input, "rule without an id", name, line_no,
                           field("id")->column);
    }
    if (auto it = seen.find(r.id); it != seen.end()) {
      return Status::error(ErrorCode::invalid_input,
                           "duplicate rule id '" + r.id + "' (first defined at " + it->second + ")",
                           name, line_no, field("id")->column);
    }
    if (!known_category(r.category)) {
      return Status::error(ErrorCode::invalid_input,
                           "rule " + r.id + ": unknown category '" + r.category +
                               "' (use a taxonomy id in lower case, e.g. obligation, trigger)",
                           name, line_no, field("category")->column);
    }
    if (!parse_strength(trim(field("strength")->text), r.strength)) {
      return Status::error(
          ErrorCode::invalid_input,
          "rule " + r.id + ": strength '" + field("strength")->text + "' is not a signed integer",
          name, line_no, field("strength")->column);
    }
    if (!r.genre.empty() && r.genre != "legal" && r.genre != "report") {
      return Status::error(
          ErrorCode::invalid_input,
          "rule " + r.id + ": genre '" + r.genre + "' must be legal, report or empty", name,
          line_no, field("genre")->column);
    }
    if (r.pattern.empty()) {
      return Status::error(ErrorCode::invalid_input, "rule " + r.id + ": empty pattern", name,
                           line_no, field("pattern")->column);
    }
    // Boost 1.74's parser reads one character past the end of a pattern that
    // ends in a lone backslash inside a character set (ASan: heap-buffer-
    // overflow in basic_regex_parser::parse_set, found by fuzz_rules). Such
    // a pattern is invalid anyway; refuse it before Boost sees it.
    std::size_t trailing = 0;
    while (trailing < r.pattern.size() && r.pattern[r.pattern.size() - 1 - trailing] == '\\')
      ++trailing;
    if (trailing % 2 == 1) {
      return Status::error(ErrorCode::invalid_input,
                           "rule " + r.id + ": bad pattern: it ends with a lone backslash", name,
                           line_no, field("pattern")->column);
    }
    try {
      // Boost 1.74's parser reads past the end of some malformed patterns
      // (heap-buffer-overflows in parse_set and parse_perl_extension, found
      // by fuzz_rules). It parses UTF-32 input in place, so we hand it a
      // buffer padded with zeros: an overread then lands in our own memory
      // and the parser reports the pattern as bad.
      const std::u32string wide = to_u32(r.pattern);
      std::vector<UChar32> padded(wide.begin(), wide.end());
      padded.resize(wide.size() + 16, 0);
      const UChar32* first = padded.data();
      added.patterns.push_back(
          boost::make_u32regex(first, first + wide.size(),
                               boost::regex_constants::perl | boost::regex_constants::icase));
    } catch (const boost::regex_error& e) {
      return Status::error(ErrorCode::invalid_input,
                           "rule " + r.id + ": bad pattern (at offset " +
                               std::to_string(e.position()) + " of the pattern): " + e.what(),
                           name, line_no, field("pattern")->column);
    } catch (const std::exception& e) {
      // ICU conversion problems surface as other std exceptions.
      return Status::error(ErrorCode::invalid_input, "rule " + r.id + ": bad pattern: " + e.what(),
                           name, line_no, field("pattern")->column);
    }
    seen[r.id] = name + ":" + std::to_string(line_no);
    added.rules.push_back(std::move(r));
  }
  for (std::size_t i = 0; i < added.rules.size(); ++i) {
    compiled_->rules.push_back(std::move(added.rules[i]));
    compiled_->patterns.push_back(std::move(added.patterns[i]));
  }
  return Status::success();
}

}  // namespace cd::annotate
