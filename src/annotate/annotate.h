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

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/analysis.h"
#include "model/document.h"

namespace cd::annotate {

struct Rule {
  std::string id;        // OBL-01
  std::string category;  // taxonomy id (lower case): obligation, trigger, ...
  std::string subtype;
  int strength = 0;
  std::string pattern;  // Boost/Perl syntax, matched case-insensitively unless (?-i)
  std::string rationale;
  std::string genre;  // "", "legal" or "report": where the rule applies
  std::string file;   // where it was defined, for messages
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
//
// Search: every rule whose genre fits runs over the units of units_of(doc)
// (clauses of a legal text, sentences of a report or of a legal text without
// clauses; the whole text when there are no units), never across a unit's
// end, and never inside BlockKind::note blocks. Annotation::unit is the
// innermost (deepest) unit holding the span; id = "<unit>-<rule>-<start>".
// Cost: the rule searches (linear in the text per rule), plus O(log n) per hit
// to find its unit, note and sentence (span_index.h) and to resolve overlaps;
// bench/annotate/run.sh has the figures.
//
// Readings (Annotation::reading; decisions, see readings.cpp):
//   report "will" + verb      -> hedge/prediction, reading "prediction";
//                                kept as obligation with reading "attributed"
//                                when the sentence attributes it to the text
//                                ("the draft says", "the text states");
//   "may"                     -> hedge/epistemic when its subject is an event
//                                ("the deal may collapse"), permission when it
//                                is an agent; otherwise permission in legal
//                                text, epistemic in a report;
//   "should" in a condition   -> dropped ("should any Party be attacked",
//                                "If ... should be the object of");
//   "no State shall be required to", "shall not prejudice" -> exception;
//   report "will" inside a question ("unclear whether they will") -> dropped
//                                (the opener is the hedge; nothing is predicted);
//   an obligor right after "with" ("in concert with the other Parties")
//                             -> dropped (partners, not a second obligor).
//
// Overlaps: exception > procedure = discretion = trigger_frame > trigger =
// means = geo_scope = temporal = domestic_process > obligation = prohibition =
// obligor = hedge > permission > bindingness > vagueness; the higher rank
// wins, ties go to the longer span, same-category overlaps keep the longest.
std::vector<Annotation> annotate(const Document& doc, const RuleSet& rules,
                                 std::vector<Diagnostic>* diagnostics = nullptr);

// Profile of a group of units (one clause, or several sentences that together
// restate one article), from the annotations that fall inside their spans
// (or that name one of the units). Profile::unit is the ids joined by "+".
//
// slots (ordinals, then counts):
//   obligation     0 none, 1 effort / consultation / recommendation / a promise
//                  to decide / asking another body, 2 conditional declaration
//                  ("declares that it would act"), 3 firm undertaking (shall,
//                  undertakes, obligation of aid, and "will" + action verb in a
//                  legal text: taxonomy.md reads treaty "will assist" as an
//                  obligation, which is what makes NAT 5 stronger than ANZUS IV)
//   trigger_frame  0 none, 1 threat recognition, 2 "regarded as an attack
//                  threatening", 3 "considered an attack against them all"
//   means          0 none, 1 non-military only or a "may include" menu (a menu
//                  caps every listed means, armed force included), 2 armed
//                  force as an option, 3 all the means / military aid in their power
//   discretion     0 none, 1 implicit (a substantive duty, level >= 2, whose
//                  content is not fixed, means < 3), 2 explicit cue
//   immediacy      0/1
//   prohibition, permission, domestic_process, procedure, exception, hedge,
//   vagueness, time_limit: counts
// sets (canonical, lower case, near-synonyms folded):
//   trigger_events ("armed attack"), trigger_restrictions ("significant",
//   "by russia", "joint assessment mechanism"), places ("europe",
//   "north america", "pacific area", "ukraine", "own territory"), obligors
//   ("parties", "single_executive", "coordination"), time_limits ("10 years"),
//   bindingness ("hard", "soft"), discretion_cues, hedges, vagueness,
//   exceptions (subtypes).
Profile profile(const Document& doc, const std::vector<std::string>& units,
                const std::vector<Annotation>& annotations);
// One profile per unit of units_of(doc).
std::vector<Profile> profiles(const Document& doc, const std::vector<Annotation>& annotations);

// Differences for every taxonomy dimension between side A's unit group and
// side B's, read from B relative to A, each with evidence on both sides (the
// annotation spans that prove it; one side may be empty for added/removed) and
// a one-sentence explanation quoting the words. Order: taxonomy.md's dimension
// table. One delta per changed dimension, except trigger, which may be both
// narrowed (restrictions added) and widened (a wider event) at once.
// Decisions on open cases:
//   - silence is not a change: a side that states no trigger yields no trigger
//     delta, a side with no duty and no discretion cue no discretion delta;
//   - geo_scope: subset -> narrowed, superset -> widened, otherwise changed;
//     no place on B where A has one -> widened only when B is a legal text
//     that states the trigger, nothing for reports;
//   - trigger breadth: armed invasion < armed attack < attack = aggression =
//     armed aggression < threat of aggression; a report's bare "attack" is
//     shorthand for "armed attack";
//   - discretion: explicit on both sides but B adds a kind of cue (a decider,
//     "steps deemed appropriate") -> added; explicit -> implicit -> "implicit";
//   - paraphrase: same value, different words (deliberate = intentional,
//     ceasefire line = armistice line, shall = undertakes to).
std::vector<Delta> deltas(const Document& a, const std::vector<std::string>& a_units,
                          const std::vector<Annotation>& a_annotations, const Document& b,
                          const std::vector<std::string>& b_units,
                          const std::vector<Annotation>& b_annotations);

// The taxonomy's category ids in priority order (most specific first).
const std::vector<std::string>& categories();

}  // namespace cd::annotate
