#include "compare/variance.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "align/align.h"
#include "align/terms.h"
#include "core/utf8.h"
#include "diff/diff.h"
#include "text/fold.h"
#include "text/segment.h"

namespace cd::compare {
namespace {

using View = std::u32string_view;

View slice(View t, Span s) { return t.substr(s.start, s.size()); }

std::vector<View> words_in(View t, Span s) {
  std::vector<View> out;
  for (const auto& tok : text::tokenize(slice(t, s), s.start)) {
    if (tok.kind == text::TokenKind::word || tok.kind == text::TokenKind::number)
      out.push_back(slice(t, tok.span));
  }
  return out;
}

// The share of the shorter text's adjacent word pairs (folded letters and
// digits) that the other text has too: a shingle test, linear in the length
// (up to the sort).
constexpr double kMinPairShare = 0.4;

std::vector<std::u32string> word_pairs(View t) {
  std::vector<std::u32string> words;
  bool in_word = false;
  for (const char32_t c : t) {
    const bool letter = text::is_letter_or_digit(c);
    if (letter && !in_word) words.emplace_back();
    if (letter) words.back().push_back(text::fold_char(c));
    in_word = letter;
  }
  std::vector<std::u32string> out;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) out.push_back(words[i] + U' ' + words[i + 1]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double pair_share(View a, View b) {
  const auto pa = word_pairs(a), pb = word_pairs(b);
  if (pa.empty() || pb.empty()) return 0.0;
  std::size_t shared = 0;
  for (auto i = pa.begin(), j = pb.begin(); i != pa.end() && j != pb.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::min(pa.size(), pb.size()));
}

bool has_word(View t, Span s) {
  for (uint32_t i = s.start; i < s.end; ++i) {
    if (text::is_letter_or_digit(t[i])) return true;
  }
  return false;
}

// Letters and digits only: two renderings that differ in punctuation,
// hyphens or spacing alone have the same key.
std::u32string letters(View s, bool fold_case) {
  std::u32string out;
  for (char32_t c : s) {
    if (text::is_letter_or_digit(c)) out.push_back(fold_case ? text::fold_char(c) : c);
  }
  return out;
}

// The marks of a stretch (no letters, digits or spaces), as written.
std::string marks(View s) {
  std::u32string out;
  for (char32_t c : s) {
    if (!text::is_letter_or_digit(c) && !text::is_whitespace(c)) out.push_back(c);
  }
  return encode_utf8(out);
}

std::string folded(View w) { return encode_utf8(text::fold(w)); }

Span trim_space(View t, Span s) {
  while (s.start < s.end && text::is_whitespace(t[s.start])) ++s.start;
  while (s.end > s.start && text::is_whitespace(t[s.end - 1])) --s.end;
  return s;
}

// The corpus marks a passage it could not capture as "[... not captured]"
// (or with "…"). At either end of a text such a gap says the text stops
// there, not that its words differ: the stretch is cut before it.
bool is_gap(View inner) {
  std::size_t i = 0;
  while (i < inner.size() && text::is_whitespace(inner[i])) ++i;
  inner.remove_prefix(i);
  return inner.starts_with(U"...") || inner.starts_with(U"\u2026");
}

Span cut_gaps(View t, Span s, bool& cut) {
  s = trim_space(t, s);
  if (s.size() >= 2 && t[s.end - 1] == U']') {
    const auto open = slice(t, s).rfind(U'[');
    if (open != View::npos) {
      const uint32_t at = s.start + static_cast<uint32_t>(open);
      if (is_gap(t.substr(at + 1, s.end - 1 - (at + 1)))) {
        s = trim_space(t, Span{s.start, at});
        cut = true;
      }
    }
  }
  if (s.size() >= 2 && t[s.start] == U'[') {
    const auto close = slice(t, s).find(U']');
    if (close != View::npos) {
      const uint32_t at = s.start + static_cast<uint32_t>(close);
      if (is_gap(t.substr(s.start + 1, at - (s.start + 1)))) {
        s = trim_space(t, Span{at + 1, s.end});
        cut = true;
      }
    }
  }
  return s;
}

// ---- spelling ----------------------------------------------------------------------

// British and American spellings of words that occur in treaty and news
// text; the three regular patterns (-ise/-ize, -our/-or, -ll-/-l-) are in
// american() below. Applied to whole folded words, inflected forms included
// ("defences"), so a pair is listed once.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kSpellings = {{
    {"defence", "defense"},
    {"offence", "offense"},
    {"licence", "license"},
    {"pretence", "pretense"},
    {"centre", "center"},
    {"metre", "meter"},
    {"theatre", "theater"},
    {"fibre", "fiber"},
    {"programme", "program"},
    {"judgement", "judgment"},
    {"acknowledgement", "acknowledgment"},
    {"manoeuvre", "maneuver"},
    {"grey", "gray"},
    {"sceptic", "skeptic"},
    {"aluminium", "aluminum"},
    {"catalogue", "catalog"},
}};

std::string american(std::string w) {
  for (const auto& [br, am] : kSpellings) {
    if (const auto at = w.find(br); at != std::string::npos) w.replace(at, br.size(), am);
  }
  // -ise/-ize and -yse/-yze before the endings that take them ("recognised",
  // "organisation", "analyse"); the stem must be at least three letters, so
  // that short words are left alone.
  static const std::array<std::string_view, 9> endings = {"e",      "ed", "es",  "ing",  "ation",
                                                          "ations", "er", "ers", "ement"};
  for (const auto e : endings) {
    if (w.size() < e.size() + 5 || !w.ends_with(e)) continue;
    const std::size_t s = w.size() - e.size() - 1;
    if (w[s] == 's' && (w[s - 1] == 'i' || w[s - 1] == 'y') && s >= 4) {
      w[s] = 'z';
      break;
    }
  }
  // -our/-or ("honour", "labour", "behaviour"): only after three letters,
  // so that "four" / "for" and "fourth" / "forth" stay different words.
  if (const auto at = w.find("our"); at != std::string::npos && at >= 3) w.erase(at + 1, 1);
  // -ll-/-l- before an ending ("cancelled", "travelling").
  for (const std::string_view e : {"lled", "lling", "llor", "ller"}) {
    if (const auto at = w.find(e); at != std::string::npos && at >= 3) w.erase(at, 1);
  }
  return w;
}

bool spelling_variants(const std::vector<View>& wa, const std::vector<View>& wb) {
  if (wa.size() != wb.size() || wa.empty()) return false;
  bool any = false;
  for (std::size_t i = 0; i < wa.size(); ++i) {
    const std::string x = folded(wa[i]), y = folded(wb[i]);
    if (x == y) continue;
    if (american(x) != american(y)) return false;
    any = true;
  }
  return any;
}

// ---- equivalent terms ----------------------------------------------------------------

struct WordsProfile {
  std::vector<std::string> stops;      // stop words, folded, in order
  std::vector<std::string> stems;      // content words, stemmed
  std::vector<std::string> canonical;  // content words after the equivalences
};

WordsProfile profile(const std::vector<View>& ws) {
  WordsProfile p;
  for (const auto w : ws) {
    const auto st = align::stem_word(w);
    if (st.stem.empty()) {
      p.stops.push_back(folded(w));
    } else {
      p.stems.push_back(st.stem);
      p.canonical.push_back(st.canonical);
    }
  }
  return p;
}

std::string joined(const std::vector<View>& ws) {
  std::string out;
  for (const auto w : ws) out += (out.empty() ? "" : " ") + folded(w);
  return out;
}

// Treaty drafting uses "shall" and "undertake(s) to" for the same binding
// obligation; the aligner cannot see that ("shall" is a stop word there).
bool same_obligation(const std::string& x, const std::string& y) {
  auto is_undertake = [](const std::string& s) {
    return s == "undertake to" || s == "undertakes to";
  };
  return (x == "shall" && is_undertake(y)) || (y == "shall" && is_undertake(x));
}

bool all_caps(View w) {
  if (w.size() < 2) return false;
  return std::all_of(w.begin(), w.end(), [](char32_t c) { return c >= U'A' && c <= U'Z'; });
}

// "CSCE" against "Conference on Security and Cooperation in Europe": the
// initials of the capitalised words spell the abbreviation.
bool abbreviates(View abbr, const std::vector<View>& ws) {
  if (!all_caps(abbr)) return false;
  std::u32string initials;
  for (const auto w : ws) {
    if (!w.empty() && w[0] >= U'A' && w[0] <= U'Z') initials.push_back(w[0]);
  }
  return initials.size() >= 2 && initials == abbr;
}

// ---- one difference ----------------------------------------------------------------

// The word right after `pos` (folded), for the serial-comma test.
std::string next_word(View t, uint32_t pos) {
  while (pos < t.size() && !text::is_letter_or_digit(t[pos])) {
    if (!text::is_whitespace(t[pos])) return {};
    ++pos;
  }
  uint32_t end = pos;
  while (end < t.size() && text::is_letter_or_digit(t[end])) ++end;
  return folded(t.substr(pos, end - pos));
}

// A serial comma closes a list of three or more: another comma comes a few
// words before it in the same sentence ("significant, deliberate, and";
// "Ukraine, the Russian Federation, the United Kingdom of Great Britain and
// Northern Ireland, and"). A comma before "and" with none before it sets off
// a phrase ("peace and security, and justice, are") and is not one.
bool list_before(View t, uint32_t pos) {
  int words = 0;
  bool in_word = false;
  while (pos-- > 0) {
    const char32_t c = t[pos];
    if (c == U',') return true;
    if (c == U'.' || c == U';' || c == U':' || c == U'!' || c == U'?') return false;
    const bool letter = text::is_letter_or_digit(c);
    if (letter && !in_word && ++words > 12) return false;
    in_word = letter;
  }
  return false;
}

Variant classify(View a, Span sa, View b, Span sb) {
  Variant v;
  v.a = sa;
  v.b = sb;
  const View ta = slice(a, sa), tb = slice(b, sb);
  const auto wa = words_in(a, sa), wb = words_in(b, sb);
  if (wa.empty() && wb.empty()) {
    v.kind = "punctuation";
    const std::string ma = marks(ta), mb = marks(tb);
    // "deliberate, and sustained" / "deliberate and sustained".
    const bool comma_only = (ma == "," && mb.empty()) || (mb == "," && ma.empty());
    const std::string after = ma.empty() ? next_word(b, sb.end) : next_word(a, sa.end);
    const bool listed = ma.empty() ? list_before(b, sb.start) : list_before(a, sa.start);
    if (comma_only && listed && (after == "and" || after == "or")) v.note = "serial comma";
    return v;
  }
  if (letters(ta, false) == letters(tb, false)) {
    v.kind = "punctuation";
    v.note = (marks(ta).find('-') != std::string::npos || marks(tb).find('-') != std::string::npos)
                 ? "hyphenation"
                 : "spacing";
    return v;
  }
  if (letters(ta, true) == letters(tb, true)) {
    v.kind = "case";
    return v;
  }
  if (spelling_variants(wa, wb)) {
    v.kind = "spelling";
    v.note = "British / American spelling";
    return v;
  }
  if (wa.empty()) {
    v.kind = "added";
    return v;
  }
  if (wb.empty()) {
    v.kind = "dropped";
    return v;
  }
  if (same_obligation(joined(wa), joined(wb))) {
    v.kind = "equivalent";
    v.note = "shall ~ undertake to";
    return v;
  }
  if ((wa.size() == 1 && abbreviates(wa[0], wb)) || (wb.size() == 1 && abbreviates(wb[0], wa))) {
    v.kind = "equivalent";
    v.note = "abbreviation";
    return v;
  }
  const auto pa = profile(wa), pb = profile(wb);
  if (!pa.canonical.empty() && pa.stops == pb.stops && pa.canonical == pb.canonical) {
    if (pa.stems != pb.stems) {
      v.kind = "equivalent";
      v.note = "equivalent terms";
    } else {
      v.kind = "inflection";
    }
    return v;
  }
  v.kind = "substitution";
  return v;
}

// An abbreviation dropped in one place and spelled out in another ("the CSCE
// Final Act" / "the Final Act of the Conference on Security and Cooperation
// in Europe") is one equivalent rendering, not a drop and an addition.
void pair_abbreviations(View a, View b, std::vector<Variant>& vs) {
  for (auto& d : vs) {
    if (d.kind != "dropped" && d.kind != "added") continue;
    const bool dropped = d.kind == "dropped";
    const auto own = dropped ? words_in(a, d.a) : words_in(b, d.b);
    if (own.size() != 1 || !all_caps(own[0])) continue;
    for (auto& o : vs) {
      if (o.kind != (dropped ? "added" : "dropped")) continue;
      const auto other = dropped ? words_in(b, o.b) : words_in(a, o.a);
      if (!abbreviates(own[0], other)) continue;
      d.kind = o.kind = "equivalent";
      d.note = o.note = "abbreviation " + encode_utf8(own[0]);
      break;
    }
  }
}

std::string verdict_of(const std::vector<Variant>& vs) {
  std::string verdict = "identical";
  for (const auto& v : vs) {
    if (!leaves_meaning(v.kind)) return "substantive";
    if (v.kind == "equivalent") {
      verdict = "equivalent";
    } else if (verdict == "identical") {
      verdict = "cosmetic";
    }
  }
  return verdict;
}

}  // namespace

bool leaves_meaning(std::string_view kind) {
  return kind == "punctuation" || kind == "case" || kind == "spelling" || kind == "equivalent";
}

Variance variance_of(View a, View b, uint32_t a_base, uint32_t b_base, VarianceStats* stats) {
  Variance out;
  bool cut = false;
  const Span ua = cut_gaps(a, Span{0, static_cast<uint32_t>(a.size())}, cut);
  const Span ub = cut_gaps(b, Span{0, static_cast<uint32_t>(b.size())}, cut);

  // A minimal script (no readability cleanup: it would merge neighbouring
  // differences of different kinds), white space ignored (line breaks of a
  // transcription are not variance), no moves.
  diff::Options opt;
  opt.minimal = true;
  opt.detect_moves = false;
  opt.ignore_whitespace = true;
  const EditScript script = diff::diff_texts(slice(a, ua), slice(b, ub), opt, ua.start, ub.start);

  // The shared stretch runs from the first to the last equal op that holds a word.
  int first = -1, last = -1;
  for (std::size_t i = 0; i < script.ops.size(); ++i) {
    const auto& op = script.ops[i];
    if (op.op == OpKind::equal && has_word(a, op.a)) {
      if (first < 0) first = static_cast<int>(i);
      last = static_cast<int>(i);
    }
  }
  if (first < 0) {
    out.verdict = "substantive";
    out.a = Span{a_base + ua.start, a_base + ua.start};
    out.b = Span{b_base + ub.start, b_base + ub.start};
    out.partial = true;
    if (stats != nullptr) *stats = {};
    return out;
  }
  const auto& f = script.ops[static_cast<std::size_t>(first)];
  const auto& l = script.ops[static_cast<std::size_t>(last)];
  Span ea = ua, eb = ub;
  bool partial = cut;
  // Words before the stretch on one side only: a fragment, or a text that
  // starts earlier; words on both sides: a difference inside the rendering.
  const bool lead_a = has_word(a, Span{ua.start, f.a.start});
  const bool lead_b = has_word(b, Span{ub.start, f.b.start});
  if (lead_a != lead_b) {
    ea.start = f.a.start;
    eb.start = f.b.start;
    partial = true;
  }
  const bool tail_a = has_word(a, Span{l.a.end, ua.end});
  const bool tail_b = has_word(b, Span{l.b.end, ub.end});
  if (tail_a != tail_b) {
    ea.end = l.a.end;
    eb.end = l.b.end;
    partial = true;
  }

  // Differences: runs of non-equal ops, joined across white space between
  // them ("shall" / "undertake to" is one difference, not two).
  struct Change {
    Span a, b;
  };
  std::vector<Change> changes;
  bool open = false;
  int shared = 0;
  for (const auto& op : script.ops) {
    if (op.a.start < ea.start || op.a.end > ea.end || op.b.start < eb.start || op.b.end > eb.end)
      continue;
    if (op.op == OpKind::equal) {
      const bool blank = trim_space(a, op.a).empty() && trim_space(b, op.b).empty();
      if (blank && open) {
        changes.back().a.end = op.a.end;
        changes.back().b.end = op.b.end;
        continue;
      }
      open = false;
      shared += static_cast<int>(words_in(a, op.a).size());
      continue;
    }
    if (!open) {
      changes.push_back({op.a, op.b});
      open = true;
    } else {
      changes.back().a.end = std::max(changes.back().a.end, op.a.end);
      changes.back().b.end = std::max(changes.back().b.end, op.b.end);
    }
  }
  for (const auto& ch : changes) {
    Span sa = trim_space(a, ch.a), sb = trim_space(b, ch.b);
    if (sa.empty()) sa = Span{ch.a.start, ch.a.start};
    if (sb.empty()) sb = Span{ch.b.start, ch.b.start};
    if (sa.empty() && sb.empty()) continue;
    out.variants.push_back(classify(a, sa, b, sb));
  }
  pair_abbreviations(a, b, out.variants);

  int alike = 2 * shared;
  for (const auto& v : out.variants) {
    if (leaves_meaning(v.kind))
      alike += static_cast<int>(words_in(a, v.a).size() + words_in(b, v.b).size());
  }
  const auto total = words_in(a, ea).size() + words_in(b, eb).size();
  if (stats != nullptr) {
    stats->shared_words = shared;
    stats->agreement = total == 0 ? 0.0 : static_cast<double>(alike) / static_cast<double>(total);
  }
  out.verdict = verdict_of(out.variants);
  out.partial = partial;
  ea = trim_space(a, ea);
  eb = trim_space(b, eb);
  out.a = Span{a_base + ea.start, a_base + ea.end};
  out.b = Span{b_base + eb.start, b_base + eb.end};
  for (auto& v : out.variants) {
    v.a = Span{a_base + v.a.start, a_base + v.a.end};
    v.b = Span{b_base + v.b.start, b_base + v.b.end};
  }
  return out;
}

Variance variance_of(const Document& a, Span a_span, const Document& b, Span b_span) {
  a_span.end = std::min<uint32_t>(a_span.end, static_cast<uint32_t>(a.text.size()));
  b_span.end = std::min<uint32_t>(b_span.end, static_cast<uint32_t>(b.text.size()));
  a_span.start = std::min(a_span.start, a_span.end);
  b_span.start = std::min(b_span.start, b_span.end);
  return variance_of(slice(a.text, a_span), slice(b.text, b_span), a_span.start, b_span.start);
}

std::optional<Variance> span_variance(const Document& a, Span a_span, const Document& b,
                                      Span b_span) {
  if (a_span.empty() || b_span.empty() || a_span.end > a.text.size() || b_span.end > b.text.size())
    return std::nullopt;
  const View ta = slice(a.text, a_span), tb = slice(b.text, b_span);
  // A fragment may render part of the other text, but not a sliver of a
  // long one (that is a quotation, compare/quotes.h); the bound also keeps
  // the minimal diff below, quadratic in the worst case, small.
  const std::size_t shorter = std::min(ta.size(), tb.size());
  if (std::max(ta.size(), tb.size()) > kMaxLengthRatio * shorter) return std::nullopt;
  // A cheap test first. The classification needs a minimal script, whose
  // O(ND) search costs about the square of the length when the texts differ
  // throughout (most aligned pairs are paraphrases, not renderings: on 2,000
  // generated article pairs, compare took 17 s instead of 3). Two renderings
  // of one text share most of their word pairs ("armed attack", "them all");
  // two texts on one subject share few, even with the same vocabulary.
  if (pair_share(ta, tb) < kMinPairShare) return std::nullopt;
  VarianceStats stats;
  Variance v = variance_of(ta, tb, a_span.start, b_span.start, &stats);
  if (stats.shared_words < kMinSharedWords || stats.agreement < kMinAgreement) return std::nullopt;
  return v;
}

std::optional<Variance> pair_variance(const Document& a, Span a_span, const Document& b,
                                      const std::vector<Span>& b_spans) {
  if (b_spans.empty()) return std::nullopt;
  // Several B units (sentences of a transcription) are read as one stretch
  // when they follow one another: what lies between them is white space,
  // punctuation or a label, not words of other sentences.
  std::size_t inside = 0;
  for (const Span s : b_spans) inside += s.size();
  const Span cover{b_spans.front().start, b_spans.back().end};
  if (cover.size() > inside + inside / 8 + 16) return std::nullopt;
  return span_variance(a, a_span, b, cover);
}

void pair_renderings(const Document& a, const Document& b, const std::vector<std::string>& a_units,
                     std::vector<AlignedPair>& pairs, std::vector<std::string>& unaligned_a,
                     std::vector<std::string>& unaligned_b) {
  const auto ua = units_of(a);
  const auto ub = units_of(b);
  std::map<std::string, uint32_t> a_start;
  for (const auto& u : ua) a_start.emplace(u.id, u.span.start);
  auto start_of = [&](const AlignedPair& p) {
    const auto it = p.a.empty() ? a_start.end() : a_start.find(p.a.front());
    return it == a_start.end() ? UINT32_MAX : it->second;
  };
  auto erase = [](std::vector<std::string>& v, const std::string& id) {
    v.erase(std::remove(v.begin(), v.end(), id), v.end());
  };
  for (const auto& x : ua) {
    if (x.number.empty()) continue;
    if (!a_units.empty() && std::find(a_units.begin(), a_units.end(), x.id) == a_units.end())
      continue;
    for (const auto& y : ub) {
      if (y.number != x.number) continue;
      const bool linked = std::any_of(pairs.begin(), pairs.end(), [&](const AlignedPair& p) {
        return std::find(p.a.begin(), p.a.end(), x.id) != p.a.end() &&
               std::find(p.b.begin(), p.b.end(), y.id) != p.b.end();
      });
      if (linked) continue;
      const auto v = span_variance(a, x.body, b, y.body);
      if (!v) continue;
      AlignedPair p;
      p.a = {x.id};
      p.b = {y.id};
      p.score = align::similarity(slice(a.text, x.body), slice(b.text, y.body));
      p.kind = v->verdict == "identical" ? "same" : "paraphrase";
      const auto at = std::find_if(pairs.begin(), pairs.end(), [&](const AlignedPair& q) {
        return start_of(q) > x.span.start;
      });
      pairs.insert(at, std::move(p));
      erase(unaligned_a, x.id);
      erase(unaligned_b, y.id);
    }
  }
}

}  // namespace cd::compare
