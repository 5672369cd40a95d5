// annotate/annotate.h: cue spans, profiles and deltas: what a text commits to.
//
// What it does: loads rule files (data: src/annotate/rules/*.tsv, compiled
// into the binary, plus user files given with --rules), compiles each pattern
// once with Boost.Regex over Unicode text (u32regex, ICU-aware), runs them over
// a Document's units, decides genre-aware readings (in a report, "will" is a
// prediction unless attributed to the instrument; "may" with an event subject
// is epistemic; conditional inversions are not recommendations; exemptions are
// not obligations), resolves overlaps by the taxonomy's priority order, and
// builds per-unit profiles. deltas() compares two profiles and explains each
// difference with evidence spans on both sides.
// What it does not do: align units (src/align) or diff words (src/diff).
// Boost types never leave this module; a bad pattern is a Status with the
// rule file, line and regex message, and a pattern that exceeds Boost's
// complexity limit at match time is reported as a diagnostic, never a crash.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/analysis.h"
#include "model/document.h"

namespace cd::annotate {

struct Rule {
  std::string id;         // OBL-01
  std::string category;   // taxonomy id (lower case): obligation, trigger, ...
  std::string subtype;
  int strength = 0;
  std::string pattern;    // Boost/Perl syntax, matched case-insensitively unless (?-i)
  std::string rationale;
  std::string genre;      // "", "legal" or "report": where the rule applies
  std::string file;       // where it was defined, for messages
  uint32_t line = 0;
};

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // The rules compiled into the binary.
  static Result<RuleSet> builtin();
  // Adds the rules of a TSV file (columns: id, category, subtype, strength,
  // pattern, rationale[, genre]). Errors name the file, line and column.
  Status add_file(const std::string& path);
  Status add_text(const std::string& name, const std::string& tsv);

  const std::vector<Rule>& rules() const;

  struct Compiled;  // Boost objects, private to annotate
  const Compiled& compiled() const { return *compiled_; }

 private:
  std::unique_ptr<Compiled> compiled_;
};

// All cue spans of the document, sorted by position, after overlap resolution.
// Diagnostics (e.g. a rule that hit the match-complexity limit) are appended
// to `diagnostics` when given.
std::vector<Annotation> annotate(const Document& doc, const RuleSet& rules,
                                 std::vector<Diagnostic>* diagnostics = nullptr);

// Profile of a group of units (one clause, or several sentences that together
// restate one article), from the annotations that fall inside their spans.
Profile profile(const Document& doc, const std::vector<std::string>& units,
                const std::vector<Annotation>& annotations);
// One profile per unit of units_of(doc).
std::vector<Profile> profiles(const Document& doc, const std::vector<Annotation>& annotations);

// Differences for every taxonomy dimension between side A's unit group and
// side B's, read from B relative to A, each with evidence on both sides.
std::vector<Delta> deltas(const Document& a, const std::vector<std::string>& a_units,
                          const std::vector<Annotation>& a_annotations, const Document& b,
                          const std::vector<std::string>& b_units,
                          const std::vector<Annotation>& b_annotations);

// The taxonomy's category ids in priority order (most specific first).
const std::vector<std::string>& categories();

}  // namespace cd::annotate
