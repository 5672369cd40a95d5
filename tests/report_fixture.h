// tests/report_fixture.h: a ReportSet built by hand, for the renderers' tests
// and the browser test's driver.
//
// The reference is the real text of the North Atlantic Treaty (Article 5 and
// its neighbours) read from corpus/texts; the compared documents are the
// reported 2025 US draft guarantee (its quotes as corpus/texts/11d has them)
// and one sentence of the seed news story. Annotations, word diffs and deltas
// are written here to cover the worked example of taxonomy.md, so the report
// can be checked without the rest of the pipeline. Spans are found by
// searching the texts, so an edit to a corpus file fails loudly here.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/fs.h"
#include "core/utf8.h"
#include "model/analysis.h"

namespace cd::testing {

inline std::string fixture_read(const std::string& rel) {
  auto r = read_file(std::string(CLAUSEDIFF_SOURCE_DIR) + "/" + rel);
  if (!r.ok()) throw std::runtime_error("fixture: cannot read " + rel);
  return r.value();
}

// The text after a corpus file's "---" header block.
inline std::string fixture_body(const std::string& bytes) {
  if (bytes.rfind("---\n", 0) != 0) return bytes;
  const auto end = bytes.find("\n---\n", 4);
  if (end == std::string::npos) return bytes;
  std::string body = bytes.substr(end + 5);
  while (!body.empty() && body.front() == '\n') body.erase(body.begin());
  return body;
}

// First occurrence of `needle` at or after `from` (code points).
inline Span fixture_find(const Document& doc, std::string_view needle, uint32_t from = 0) {
  const std::u32string n = to_u32(needle);
  const auto at = doc.text.find(n, from);
  if (at == std::u32string::npos) {
    throw std::runtime_error("fixture: text not found: " + std::string(needle));
  }
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + n.size())};
}

inline Span fixture_find_in(const Document& doc, Span within, std::string_view needle) {
  const Span s = fixture_find(doc, needle, within.start);
  if (s.end > within.end) throw std::runtime_error("fixture: outside unit: " + std::string(needle));
  return s;
}

inline Clause fixture_clause(const std::string& id, const std::string& label,
                             const std::string& number, Span span, Span body) {
  Clause c;
  c.id = id;
  c.label = label;
  c.number = number;
  c.kind = "article";
  c.span = span;
  c.body = body;
  return c;
}

// A word diff good enough for a fixture: tokens are words or single
// punctuation marks, each carrying its trailing white space; the longest
// common subsequence decides what is kept. Ops are in document offsets and
// cover both token sequences in order.
struct FixtureToken {
  Span span;  // with trailing white space
  std::u32string key;
};

inline std::vector<FixtureToken> fixture_tokens(const Document& doc, Span body) {
  std::vector<FixtureToken> out;
  auto is_word = [](char32_t ch) {
    return (ch >= U'a' && ch <= U'z') || (ch >= U'A' && ch <= U'Z') || (ch >= U'0' && ch <= U'9') ||
           ch == U'\'' || ch == U'\u2019' || ch > 0x2000;
  };
  auto is_space = [](char32_t ch) { return ch == U' ' || ch == U'\n' || ch == U'\t'; };
  uint32_t i = body.start;
  while (i < body.end && is_space(doc.text[i])) ++i;
  while (i < body.end) {
    const uint32_t start = i;
    if (is_word(doc.text[i])) {
      while (i < body.end && is_word(doc.text[i])) ++i;
    } else {
      ++i;
    }
    std::u32string key = doc.text.substr(start, i - start);
    for (auto& ch : key) {
      if (ch >= U'A' && ch <= U'Z') ch = ch - U'A' + U'a';
    }
    while (i < body.end && is_space(doc.text[i])) ++i;
    out.push_back({Span{start, i}, key});
  }
  return out;
}

inline std::vector<DiffOp> fixture_word_diff(const Document& a, const std::vector<Span>& a_bodies,
                                             const Document& b, const std::vector<Span>& b_bodies) {
  std::vector<FixtureToken> x, y;
  for (const auto& s : a_bodies) {
    auto t = fixture_tokens(a, s);
    x.insert(x.end(), t.begin(), t.end());
  }
  for (const auto& s : b_bodies) {
    auto t = fixture_tokens(b, s);
    y.insert(y.end(), t.begin(), t.end());
  }
  const std::size_t n = x.size(), m = y.size();
  std::vector<std::vector<uint32_t>> L(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      L[i][j] = x[i].key == y[j].key ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
    }
  }
  std::vector<DiffOp> ops;
  auto push = [&](OpKind k, Span sa, Span sb) {
    if (!ops.empty() && ops.back().op == k) {
      DiffOp& last = ops.back();
      const bool a_ok = k == OpKind::ins || last.a.end == sa.start;
      const bool b_ok = k == OpKind::del || last.b.end == sb.start;
      if (a_ok && b_ok) {
        if (k != OpKind::ins) last.a.end = sa.end;
        if (k != OpKind::del) last.b.end = sb.end;
        return;
      }
    }
    DiffOp op;
    op.op = k;
    op.a = sa;
    op.b = sb;
    ops.push_back(op);
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i].key == y[j].key) {
      push(OpKind::equal, x[i].span, y[j].span);
      ++i;
      ++j;
    } else if (j < m && (i == n || L[i][j + 1] >= L[i + 1][j])) {
      const uint32_t at = i < n ? x[i].span.start : (n ? x[n - 1].span.end : 0);
      push(OpKind::ins, Span{at, at}, y[j].span);
      ++j;
    } else {
      const uint32_t at = j < m ? y[j].span.start : (m ? y[m - 1].span.end : 0);
      push(OpKind::del, x[i].span, Span{at, at});
      ++i;
    }
  }
  return ops;
}

inline Annotation fixture_cue(const Document& doc, Span within, const std::string& unit,
                              std::string_view text, const std::string& category,
                              const std::string& subtype, const std::string& rule, int strength,
                              const std::string& rationale) {
  Annotation a;
  a.span = fixture_find_in(doc, within, text);
  a.category = category;
  a.subtype = subtype;
  a.rule = rule;
  a.strength = strength;
  a.unit = unit;
  a.rationale = rationale;
  a.id = unit + "-" + rule + "-" + std::to_string(a.span.start);
  return a;
}

inline Delta fixture_delta(std::string dimension, std::string change, std::vector<Span> a,
                           std::vector<Span> b, std::string explanation) {
  Delta d;
  d.dimension = std::move(dimension);
  d.change = std::move(change);
  d.a_evidence = std::move(a);
  d.b_evidence = std::move(b);
  d.explanation = std::move(explanation);
  return d;
}

// The North Atlantic Treaty with clauses for Articles 4 to 6 (enough for the
// reference unit and a neighbour on each side).
inline Document fixture_nat() {
  Document d;
  d.meta.id = "nat-1949";
  d.meta.title =
      "The North Atlantic Treaty (Washington Treaty) - English text, 14 articles, Article 6 as "
      "amended by the Protocol on the accession of Greece and Turkey (1951)";
  d.meta.date = "1949-04-04 (signature)";
  d.meta.kind = "treaty";
  d.meta.genre = "legal";
  d.meta.source =
      "Dutch government treaty database record BWBV0005760 "
      "(https://wetten.overheid.nl/BWBV0005760, "
      "English authentic text)";
  d.meta.verified = "Word-by-word against the nato.int archive copy and four other witnesses.";
  d.meta.status = "Official intergovernmental treaty text";
  d.meta.path = "corpus/texts/01_north_atlantic_treaty_1949.txt";
  d.meta.format = "text";
  d.text = to_u32(fixture_body(fixture_read("corpus/texts/01_north_atlantic_treaty_1949.txt")));
  for (int n : {4, 5, 6}) {
    const std::string label = "Article " + std::to_string(n);
    const Span head = fixture_find(d, label + "\n\n");
    const Span next = fixture_find(d, "\n\nArticle " + std::to_string(n + 1) + "\n", head.end);
    const Span body{head.end, next.start};
    d.clauses.push_back(fixture_clause("art" + std::to_string(n), label, std::to_string(n),
                                       Span{head.start, next.start}, body));
  }
  return d;
}

// The reported draft: five numbered quotes, each a clause "(1)" .. "(5)"
// whose body is the quoted line (the source note below it is left out).
inline Document fixture_draft() {
  Document d;
  d.meta.id = "us-draft-2025";
  d.meta.title =
      "Draft US security-guarantee framework for Ukraine ('modeled on NATO Article 5'), presented "
      "alongside the 28-point plan - REPORTED QUOTES ONLY - reported draft, unofficial";
  d.meta.date = "2025-11-21 (date of the Axios report; draft not signed)";
  d.meta.kind = "draft";
  d.meta.genre = "legal";
  d.meta.source =
      "Axios report of 2025-11-21, as quoted by https://tass.com/world/2046689/amp and "
      "http://fr.jpost.com/international/article-874712";
  d.meta.verified =
      "Reported draft, unofficial. Quote (1) appears identically in TASS and the "
      "Jerusalem Post, both citing Axios.";
  d.meta.status = "Reported draft, unofficial - short quotations from press reports";
  d.meta.path = "corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt";
  d.meta.format = "text";
  d.text = to_u32(fixture_body(
      fixture_read("corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt")));
  for (int n = 1; n <= 5; ++n) {
    const std::string label = "(" + std::to_string(n) + ")";
    const Span head = fixture_find(d, "\n" + label + " ");
    const Span eol = fixture_find(d, "\n", head.end);
    Clause c = fixture_clause("p" + std::to_string(n), label, std::to_string(n),
                              Span{head.start + 1, eol.start}, Span{head.end, eol.start});
    c.kind = "point";
    d.clauses.push_back(c);
  }
  return d;
}

inline Document fixture_news() {
  Document d;
  d.meta.id = "news-platinum";
  d.meta.title =
      "\u201CPlatinum\u201D security guarantees: what Article 5 actually provides (news article)";
  d.meta.date = "2025-12 (after the Berlin talks of December 14\u201315)";
  d.meta.kind = "news";
  d.meta.genre = "report";
  d.meta.source = "News article supplied as the project's seed story";
  d.meta.status = "News report, secondary source";
  d.meta.path = "corpus/news/platinum_guarantees_article.txt";
  d.meta.format = "text";
  d.text = to_u32(
      "Each treaty member independently determines the form of its response, ranging from military "
      "support to other forms of assistance, including political, economic, and technical "
      "measures.\n");
  Sentence s;
  s.id = "s1";
  s.span = Span{0, static_cast<uint32_t>(d.text.size() - 1)};
  d.sentences.push_back(s);
  return d;
}

inline std::vector<Annotation> fixture_art5_cues(const Document& nat) {
  const Span b = nat.clause("art5")->body;
  const std::string u = "art5";
  return {
      fixture_cue(nat, b, u, "shall be considered an attack against them all", "trigger_frame",
                  "collective", "TFR-01", 3,
                  "An attack on one is construed as an attack on all: the strongest framing."),
      fixture_cue(nat, b, u, "armed attack", "trigger", "event", "TRG-01", 0,
                  "Names the event that sets the duty off."),
      fixture_cue(nat, b, u, "in Europe or North America", "geo_scope", "region", "GEO-02", 0,
                  "Limits where an attack must happen to count."),
      fixture_cue(nat, b, u, "each of them", "obligor", "each_party", "OBL-03", 0,
                  "Every party is bound, not only a group or an official."),
      fixture_cue(nat, b, u, "will assist", "obligation", "commissive_will", "OBG-02", 2,
                  "In a legal text, 'will' + verb commits the party to act."),
      fixture_cue(nat, b, u, "forthwith", "temporal", "immediacy", "TMP-01", 2,
                  "Requires the response without delay."),
      fixture_cue(nat, b, u, "individually and in concert with the other Parties", "obligor",
                  "collective_action", "OBL-05", 0, "Each party acts alone and together."),
      fixture_cue(nat, b, u, "as it deems necessary", "discretion", "self_judging", "DSC-01", -2,
                  "The party itself judges what is necessary: the content is self-judged."),
      fixture_cue(nat, b, u, "including the use of armed force", "means", "armed_force", "MNS-01",
                  2, "Names armed force among the actions."),
  };
}

inline std::vector<Annotation> fixture_draft_cues(const Document& dr) {
  std::vector<Annotation> out;
  const Span p1 = dr.clause("p1")->body, p2 = dr.clause("p2")->body, p3 = dr.clause("p3")->body;
  out.push_back(fixture_cue(dr, p1, "p1", "significant, deliberate, and sustained", "trigger",
                            "intensity_qualifier", "TRG-05", -2,
                            "Qualifiers that exclude smaller or ambiguous attacks."));
  out.push_back(fixture_cue(dr, p1, "p1", "armed attack", "trigger", "event", "TRG-01", 0,
                            "Names the event that sets the duty off."));
  out.push_back(fixture_cue(dr, p1, "p1", "by Russia", "trigger", "named_adversary", "TRG-07", -1,
                            "Only an attack by the named state counts."));
  out.push_back(fixture_cue(dr, p1, "p1", "on Ukraine", "geo_scope", "protected_party", "GEO-05", 0,
                            "Whom the attack must hit."));
  out.push_back(
      fixture_cue(dr, p1, "p1", "shall be regarded as an attack threatening the peace and security",
                  "trigger_frame", "threat", "TFR-03", 1,
                  "The attack is construed as a threat to others, not as an attack on them."));
  out.push_back(fixture_cue(dr, p2, "p2", "the US president", "obligor", "official", "OBL-07", 0,
                            "One official, not the state's parties, is named."));
  out.push_back(fixture_cue(dr, p2, "p2", "will", "obligation", "commissive_will", "OBG-02", 2,
                            "In a legal text, 'will' + verb commits the party to act."));
  out.push_back(fixture_cue(dr, p2, "p2", "after immediate consultations with", "procedure",
                            "consultation", "PRC-01", -1,
                            "A step that must come before the response."));
  out.push_back(fixture_cue(dr, p2, "p2", "determine the measures necessary", "discretion",
                            "determine_measures", "DSC-04", -2,
                            "The obligor decides what the response is."));
  out.push_back(fixture_cue(dr, p3, "p3", "may include armed force", "means", "open_list", "MNS-04",
                            -1, "Armed force is possible, not named as the response."));
  out.push_back(fixture_cue(dr, p3, "p3", "other steps judged appropriate", "discretion",
                            "judged_appropriate", "DSC-06", -1,
                            "An open list closed by the obligor's own judgement."));
  out.push_back(fixture_cue(dr, p3, "p3", "appropriate", "vagueness", "standard", "VAG-01", -1,
                            "A standard that needs judgement."));
  return out;
}

// The worked example of taxonomy.md, pair by pair.
inline Comparison fixture_draft_comparison(const Document& nat) {
  Comparison c;
  c.a = nat;
  c.b = fixture_draft();
  c.a_annotations = fixture_art5_cues(c.a);
  c.b_annotations = fixture_draft_cues(c.b);
  const Span a5 = c.a.clause("art5")->body;
  const Span p1 = c.b.clause("p1")->body, p2 = c.b.clause("p2")->body, p3 = c.b.clause("p3")->body;

  AlignedPair p;
  p.a = {"art5"};
  p.b = {"p1", "p2", "p3"};
  p.score = 0.41;
  p.kind = "paraphrase";
  p.evidence = {"armed attack", "attack", "measures", "armed force", "restore", "security"};
  p.diff = fixture_word_diff(c.a, {a5}, c.b, {p1, p2, p3});
  auto A = [&](std::string_view t) { return fixture_find_in(c.a, a5, t); };
  auto B = [&](Span in, std::string_view t) { return fixture_find_in(c.b, in, t); };
  p.deltas = {
      fixture_delta(
          "obligation", "weakened", {A("will assist")},
          {B(p2, "will"), B(p2, "determine the measures necessary to restore security")},
          "Article 5 binds each Party to assist the Party attacked; the draft only commits "
          "the US president to determine which measures are necessary."),
      fixture_delta(
          "trigger_frame", "weakened", {A("shall be considered an attack against them all")},
          {B(p1,
             "shall be regarded as an attack threatening the peace and security of the "
             "transatlantic community")},
          "Under Article 5 an attack on one Party is an attack on all; the draft calls an "
          "attack on Ukraine only a threat to the transatlantic community."),
      fixture_delta(
          "trigger", "narrowed", {A("armed attack")},
          {B(p1, "significant, deliberate, and sustained armed attack"), B(p1, "by Russia")},
          "Any armed attack sets off Article 5; the draft counts only a significant, "
          "deliberate and sustained attack, and only one by Russia."),
      fixture_delta("geo_scope", "changed", {A("in Europe or North America")},
                    {B(p1, "on Ukraine")},
                    "Article 5 covers attacks on the Parties in Europe or North America; the draft "
                    "covers attacks on Ukraine."),
      fixture_delta(
          "discretion", "added", {A("such action as it deems necessary")},
          {B(p2, "determine the measures necessary"), B(p3, "other steps judged appropriate")},
          "The US president decides the measures, and the list of them ends with other "
          "steps judged appropriate: the form of help is left open."),
      fixture_delta(
          "means", "weakened", {A("including the use of armed force")},
          {B(p3, "may include armed force")},
          "Article 5 names armed force among the actions to take; in the draft armed force "
          "is one thing the measures may include."),
      fixture_delta(
          "immediacy", "removed", {A("forthwith")}, {},
          "Article 5 requires action forthwith; the draft sets no time for the response."),
      fixture_delta(
          "procedure", "added", {},
          {B(p2, "after immediate consultations with Ukraine, NATO, and European partners")},
          "The draft puts consultations with Ukraine, NATO and European partners before "
          "any decision on the response."),
      fixture_delta("obligor", "changed", {A("each of them")}, {B(p2, "the US president")},
                    "Article 5 binds each Party; the draft names the US president as the one who "
                    "decides."),
  };
  for (const auto& d : p.deltas) c.summary[d.dimension] = d.change;
  c.pairs.push_back(std::move(p));
  c.unaligned_b = {"p4", "p5"};
  // A near-quotation: the draft's "sustained armed attack" against Article 5's "such armed attack".
  Quotation q;
  q.b_unit = "p1";
  q.b = fixture_find_in(c.b, p1, "sustained armed attack");
  q.a_unit = "art5";
  q.a = fixture_find_in(c.a, a5, "such armed attack");
  q.score = 0.67;
  q.dropped = {"such"};
  q.added = {"sustained"};
  // Its source variance (compare/variance.h): one word substituted.
  q.variance = Variance{"substantive", q.a, q.b, false, {}};
  q.variance->variants.push_back(Variant{"substitution", fixture_find_in(c.a, a5, "such"),
                                         fixture_find_in(c.b, p1, "sustained"), ""});
  c.quotations.push_back(q);
  return c;
}

inline Comparison fixture_news_comparison(const Document& nat) {
  Comparison c;
  c.a = nat;
  c.b = fixture_news();
  c.a_annotations = fixture_art5_cues(c.a);
  const Span s1 = c.b.sentences[0].span;
  c.b_annotations = {
      fixture_cue(c.b, s1, "s1", "independently determines the form of its response", "discretion",
                  "determine_measures", "DSC-04", -2, "The obligor decides what the response is."),
      fixture_cue(c.b, s1, "s1", "including political, economic, and technical measures", "means",
                  "open_list", "MNS-04", -1, "Lists non-military forms of help."),
  };
  c.b_annotations[0].reading = "description";
  const Span a5 = c.a.clause("art5")->body;
  AlignedPair p;
  p.a = {"art5"};
  p.b = {"s1"};
  p.score = 0.22;
  p.kind = "paraphrase";
  p.evidence = {"response", "assistance", "including"};
  p.diff = fixture_word_diff(c.a, {a5}, c.b, {s1});
  p.deltas = {
      fixture_delta("discretion", "paraphrase", {fixture_find_in(c.a, a5, "as it deems necessary")},
                    {fixture_find_in(c.b, s1, "independently determines the form of its response")},
                    "Both leave the form of the response to each party: the sentence restates "
                    "Article 5's \u201Cas it deems necessary\u201D."),
      fixture_delta("means", "paraphrase",
                    {fixture_find_in(c.a, a5, "including the use of armed force")},
                    {fixture_find_in(c.b, s1,
                                     "ranging from military support to other forms of "
                                     "assistance")},
                    "The sentence spells out the range Article 5 leaves open: military support or "
                    "other forms of assistance."),
      fixture_delta(
          "obligation", "uncertain", {fixture_find_in(c.a, a5, "will assist")}, {},
          "The sentence says what each member decides, not that it must assist: the rules "
          "cannot tell whether it reports the duty."),
  };
  for (const auto& d : p.deltas) c.summary[d.dimension] = d.change;
  c.pairs.push_back(std::move(p));
  return c;
}

inline ReportSet make_report_fixture() {
  const Document nat = fixture_nat();
  ReportSet set;
  set.name = "default";
  set.title = "Article 5 of the North Atlantic Treaty against proposed and comparable guarantees";
  set.description =
      "Each text is aligned with Article 5 of the North Atlantic Treaty (1949), the reference, and "
      "its differences are read from the compared text relative to Article 5.";
  set.reference = "nat-1949";
  set.reference_units = {"art5"};
  set.comparisons.push_back(fixture_draft_comparison(nat));
  set.comparisons.push_back(fixture_news_comparison(nat));
  return set;
}

// A set whose every input string tries to break out of the HTML.
inline ReportSet make_hostile_fixture() {
  ReportSet set = make_report_fixture();
  set.title = "<script>alert(1)</script> set";
  set.description = "\"><img src=x onerror=alert(1)>";
  Comparison& c = set.comparisons[1];
  c.b.meta.title = "<script>alert(1)</script>";
  c.b.meta.source = "\"><img onerror=alert(2)> https://evil.example/x.js";
  c.b.meta.status = "reported '><script>alert(3)</script>";
  c.b.meta.verified = std::string("bell\x07 and escape\x1b[31m end");
  const std::string hostile = " <script>alert(1)</script> \"><img onerror> \x1b[2J";
  c.b.text.pop_back();  // the final newline
  const auto tail = to_u32(hostile);
  c.b.text += tail;
  c.b.text += U'\n';
  c.b.sentences[0].span.end = static_cast<uint32_t>(c.b.text.size() - 1);
  Annotation a;
  a.id = "s1-XSS-0";
  a.span = fixture_find(c.b, "<script>");
  a.category = "<b>bad\"class";
  a.rule = "\"><script>";
  a.rationale = "</span><script>alert(4)</script>";
  a.unit = "s1";
  c.b_annotations.push_back(a);
  c.pairs[0].deltas.push_back(fixture_delta("<dim>", "\"changed\"", {},
                                            {fixture_find(c.b, "\"><img onerror>")},
                                            "</p><script>alert(5)</script>"));
  c.pairs[0].evidence.push_back("<img src=x>");
  const Span s1 = c.b.sentences[0].span;
  c.pairs[0].variance = Variance{"<b>\"verdict", c.a.clause("art5")->body, s1, true, {}};
  c.pairs[0].variance->variants.push_back(Variant{"<i>kind", fixture_find(c.a, "forthwith"),
                                                  fixture_find(c.b, "\"><img onerror>"),
                                                  "</li><script>alert(6)</script>"});
  return set;
}

}  // namespace cd::testing
