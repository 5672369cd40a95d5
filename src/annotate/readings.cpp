// annotate/readings.cpp: genre-aware readings of modal cues.
//
// The same words commit in a treaty and predict in a news report. Decisions
// (documented in annotate.h too):
// - Report, "will" + verb: a prediction -> category hedge, subtype and
//   reading "prediction" (kept, not dropped: a report that predicts instead of
//   quoting is itself weaker evidence of a commitment). When the sentence
//   attributes it to the instrument ("the draft says the US will assist",
//   "the text states"), a commissive "will" stays an obligation with reading
//   "attributed", and the generic prediction hit on the same words is dropped.
//   A "will" inside an embedded question ("it is unclear whether they will
//   replicate Article 5") is neither: the writer asks, and does not predict,
//   and the uncertainty is already marked by the words that open the question.
//   Both hits are dropped.
// - "may": epistemic (hedge, reading "epistemic") when its subject is an event
//   or state of affairs ("the deal may collapse"); deontic (permission,
//   reading "permission") when its subject is an agent (a Party, a State, an
//   official, a named country). With neither, the genre decides: permission in
//   legal text, epistemic in a report.
// - "should" after "if"/"in the event" in the same clause is a condition
//   ("If ... should be the object of"), not a recommendation: dropped. The
//   inversion "should any Party be attacked" is already excluded by OBL-07.
// - An obligor cue right after "with" ("in concert with the other Parties",
//   "consult with the other Member States") names the partners the obligor
//   acts with, not a second obligor: dropped. (Decided here and not by a
//   look-behind in OBG-01, which would cost the search its fast start.)
// - Exemptions ("no State shall be required to") and savings clauses ("shall
//   not prejudice") need no code: the rules exclude them from obligation and
//   prohibition, and exception outranks both in overlap resolution.
#include <unicode/uchar.h>
#include <boost/regex/icu.hpp>

#include <algorithm>
#include <set>

#include "annotate/internal.h"
#include "core/utf8.h"

namespace cd::annotate {
namespace {

const boost::u32regex& attribution_cue() {
  static const boost::u32regex re = boost::make_u32regex(
      std::string(
          R"(\b(?:draft|text|document|agreement|treaty|framework|article|provision|clause|plan|)"
          R"(memorandum|wording|proposal|guarantee|deal)s?\s+(?:(?:also|explicitly|reportedly|)"
          R"(clearly|itself)\s+)?(?:says?|states?|stipulates?|provides?|reads?|specif(?:y|ies)|)"
          R"(commits?|promises?|declares?|notes?|requires?)\b|)"
          R"(\baccording\s+to\s+the\s+(?:draft|text|document|agreement|treaty|framework|plan)\b|)"
          R"(\bunder\s+the\s+(?:draft|text|agreement|treaty|plan|framework)\b)"),
      boost::regex_constants::perl | boost::regex_constants::icase);
  return re;
}

const boost::u32regex& condition_opener() {
  static const boost::u32regex re = boost::make_u32regex(
      std::string(R"(\b(?:if|in\s+the\s+event(?:\s+that)?|in\s+case|whenever)\b[^,;:]*$)"),
      boost::regex_constants::perl | boost::regex_constants::icase);
  return re;
}

// Whether the text before a span ends with the word "with" (any spacing).
bool after_with(const Document& doc, Span prefix) {
  uint32_t i = prefix.end;
  while (i > prefix.start && u_isspace(static_cast<UChar32>(doc.text[i - 1]))) --i;
  if (i == prefix.end || i - prefix.start < 4) return false;
  const std::u32string_view w(doc.text.data() + i - 4, 4);
  const bool word_start =
      i - 4 == prefix.start || !u_isalnum(static_cast<UChar32>(doc.text[i - 5]));
  return word_start && (w == U"with" || w == U"With");
}

// "whether" (or "if" after a verb of asking or knowing) opening the clause that
// holds the modal: the modal is the content of a question.
const boost::u32regex& question_opener() {
  static const boost::u32regex re = boost::make_u32regex(
      std::string(
          R"(\b(?:whether|(?:unclear|unknown|uncertain|ask(?:s|ed)?|wonder(?:s|ed)?|know)\s+if)\b[^,;:]*$)"),
      boost::regex_constants::perl | boost::regex_constants::icase);
  return re;
}

bool search(const std::u32string& text, Span within, const boost::u32regex& re) {
  if (within.empty()) return false;
  const char32_t* base = text.data();
  boost::match_results<const char32_t*> m;
  try {
    auto flags = boost::match_default;
    if (within.start > 0) flags |= boost::match_prev_avail;
    return boost::u32regex_search(base + within.start, base + within.end, m, re, flags, base);
  } catch (const std::runtime_error&) {
    return false;  // our own fixed patterns are linear; be safe anyway
  }
}

// The stretch of the context before `span`, cut at the last ';' or '.', so
// that a cue in an earlier clause does not colour this one.
Span prefix_of(const Document& doc, Span context, Span span) {
  uint32_t start = context.start;
  for (uint32_t i = span.start; i > context.start; --i) {
    const char32_t c = doc.text[i - 1];
    if (c == U';' || c == U'!' || c == U'?') {
      start = i;
      break;
    }
    // A full stop ends a clause, but not in "U.S." or "Art. 5": the letter
    // before it must be lower case and the character after it a space.
    if (c == U'.' && i < span.start && u_isspace(static_cast<UChar32>(doc.text[i])) && i >= 2 &&
        u_islower(static_cast<UChar32>(doc.text[i - 2])) &&
        !(i >= 4 && doc.text[i - 4] == U' ' && doc.text[i - 3] == U'A' &&
          doc.text[i - 2] == U'r')) {
      start = i;
      break;
    }
  }
  return Span{start, span.start};
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

enum class Subject { agent, event, unknown };

// The head word before the modal, skipping adverbs and quotes.
Subject subject_before(const Document& doc, Span prefix) {
  static const std::set<std::string> skip = {
      "also", "still",  "now",        "then",    "thus",         "only", "therefore", "however",
      "each", "itself", "themselves", "jointly", "individually", "so",   "invited"};
  static const std::set<std::string> agents = {
      "party",      "parties",     "state",          "states",     "member",    "members",
      "government", "governments", "president",      "council",    "organ",     "congress",
      "senate",     "parliament",  "ally",           "allies",     "signatory", "signatories",
      "he",         "she",         "they",           "we",         "you",       "official",
      "officials",  "minister",    "administration", "washington", "kyiv",      "moscow",
      "nato"};
  static const std::set<std::string> events = {
      "attack",      "attacks",      "aggression", "war",    "conflict",   "fighting",
      "hostilities", "violence",     "situation",  "crisis", "escalation", "deal",
      "talks",       "negotiations", "ceasefire",  "truce",  "process",    "outcome",
      "this",        "that",         "there",      "which",  "guarantee",  "guarantees",
      "result",      "results",      "decision",   "plan",   "agreement",  "consequences"};
  uint32_t i = prefix.end;
  while (i > prefix.start) {
    while (i > prefix.start && !(u_isalpha(static_cast<UChar32>(doc.text[i - 1])))) --i;
    uint32_t j = i;
    while (j > prefix.start && (u_isalpha(static_cast<UChar32>(doc.text[j - 1])) ||
                                doc.text[j - 1] == U'-' || doc.text[j - 1] == U'\'')) {
      --j;
    }
    if (j == i) break;
    const std::string word = to_u8(std::u32string_view(doc.text).substr(j, i - j));
    const std::string low = lower_ascii(word);
    i = j;
    if (skip.count(low)) continue;
    if (agents.count(low)) return Subject::agent;
    if (events.count(low)) return Subject::event;
    // A capitalised word names an actor ("Ukraine may request"), unless it is
    // a function word capitalised only because it starts the sentence.
    static const std::set<std::string> function_words = {
        "it", "its", "these", "those", "such", "what", "any", "some", "all", "a", "an", "the"};
    if (u_isupper(static_cast<UChar32>(doc.text[j])) && !function_words.count(low)) {
      return Subject::agent;
    }
    return Subject::unknown;
  }
  return Subject::unknown;
}

void to_prediction(Annotation& a) {
  a.category = "hedge";
  a.subtype = "prediction";
  a.reading = "prediction";
  a.strength = -1;
  a.rationale =
      "in a report, \"will\" predicts what someone will do; it is not the "
      "instrument's commitment unless the report attributes it to the text";
}

}  // namespace

void apply_readings(const Document& doc, std::vector<Annotation>& annotations) {
  const auto units = units_of(doc);
  const ContextIndex contexts(doc, units);
  const bool report = doc.is_report();
  std::vector<Annotation> out;
  out.reserve(annotations.size());
  for (auto& a : annotations) {
    const Span ctx = contexts.context_of(a.span);
    const Span prefix = prefix_of(doc, ctx, a.span);
    const bool future_modal = a.category == "obligation" &&
                              (a.subtype == "commissive_will" || a.subtype == "decide_only");
    if (report && (future_modal || (a.category == "hedge" && a.subtype == "prediction")) &&
        search(doc.text, prefix, question_opener())) {
      continue;  // "unclear whether they will ...": a question, not a prediction
    }
    if (report && future_modal) {
      if (search(doc.text, prefix, attribution_cue())) {
        a.reading = "attributed";
      } else {
        to_prediction(a);
      }
    } else if (report && a.category == "hedge" && a.subtype == "prediction") {
      if (search(doc.text, prefix, attribution_cue())) continue;  // the obligation hit speaks
      a.reading = "prediction";
    } else if (a.category == "permission" && a.subtype == "permission") {
      const Subject s = subject_before(doc, prefix);
      const bool epistemic = s == Subject::event || (s == Subject::unknown && report);
      if (epistemic) {
        a.category = "hedge";
        a.subtype = "epistemic";
        a.reading = "epistemic";
        a.rationale =
            "\"may\" with an event or state of affairs as subject says what is "
            "possible, not what is permitted";
      } else {
        a.reading = "permission";
      }
    } else if (a.category == "obligor" && a.subtype == "parties" && after_with(doc, prefix)) {
      continue;  // "in concert with the other Parties": partners, not obligors
    } else if (a.category == "obligation" && a.subtype == "recommendation") {
      if (search(doc.text, prefix, condition_opener())) continue;  // "If ... should be"
    }
    out.push_back(std::move(a));
  }
  annotations = std::move(out);
}

}  // namespace cd::annotate
