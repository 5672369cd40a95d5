#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/html.h"
#include "report_fixture.h"

namespace {

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// Values of `attr="..."` in order (std::regex is avoided: GCC 12 warns inside
// it under the sanitizer build).
std::vector<std::string> attr_values(const std::string& html, const std::string& attr) {
  std::vector<std::string> out;
  const std::string key = " " + attr + "=\"";
  for (auto at = html.find(key); at != std::string::npos; at = html.find(key, at + 1)) {
    const auto start = at + key.size();
    const auto end = html.find('"', start);
    if (end == std::string::npos) break;
    out.push_back(html.substr(start, end - start));
  }
  return out;
}

std::vector<std::string> ids_of(const std::string& html) { return attr_values(html, "id"); }

std::string lower(std::string s) {
  for (auto& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

// True when any URL-valued attribute points off the page.
bool loads_remote(const std::string& html) {
  const std::string h = lower(html);
  for (const char* attr : {"src", "href", "action", "data", "poster", "srcset"}) {
    const std::string key = std::string(attr) + "=";
    for (auto at = h.find(key); at != std::string::npos; at = h.find(key, at + 1)) {
      auto v = at + key.size();
      while (v < h.size() && (h[v] == '"' || h[v] == '\'' || h[v] == ' ')) ++v;
      for (const char* scheme : {"http:", "https:", "//", "ftp:"}) {
        if (h.compare(v, std::char_traits<char>::length(scheme), scheme) == 0) return true;
      }
    }
  }
  return false;
}

// The page's body markup without the inline style and script.
std::string markup_only(const std::string& html) {
  std::string out = html;
  for (const char* tag : {"style", "script"}) {
    const std::string open = std::string("<") + tag + ">";
    const std::string close = std::string("</") + tag + ">";
    const auto a = out.find(open);
    const auto b = out.find(close);
    if (a != std::string::npos && b != std::string::npos) out.erase(a, b + close.size() - a);
  }
  return out;
}

// A small well-formedness check: every non-void element closes, in order.
std::string nesting_error(const std::string& html) {
  static const std::set<std::string> voids = {"meta", "br", "input", "img", "link", "hr", "wbr"};
  std::vector<std::string> stack;
  const std::string body = markup_only(html);
  for (auto lt = body.find('<'); lt != std::string::npos; lt = body.find('<', lt + 1)) {
    std::size_t i = lt + 1;
    const bool closing = i < body.size() && body[i] == '/';
    if (closing) ++i;
    std::string name;
    while (i < body.size() && std::isalnum(static_cast<unsigned char>(body[i]))) name += body[i++];
    if (name.empty()) continue;  // <!DOCTYPE ...>
    if (voids.contains(name)) continue;
    if (!closing) {
      stack.push_back(name);
    } else {
      if (stack.empty() || stack.back() != name) {
        return "unexpected </" + name + "> at " + std::to_string(lt) +
               (stack.empty() ? "" : " (open: " + stack.back() + ")");
      }
      stack.pop_back();
    }
  }
  return stack.empty() ? "" : "unclosed <" + stack.back() + ">";
}

// The matrix row of the document whose short title starts with `name`.
std::string matrix_row(const std::string& html, const std::string& name) {
  const auto table = html.find("<table class=\"matrix\">");
  const auto table_end = html.find("</table>", table);
  const auto at = html.find(name, table);
  if (table == std::string::npos || at == std::string::npos || at > table_end) return "";
  const auto start = html.rfind("<tr>", at);
  const auto stop = html.find("</tr>", at);
  return html.substr(start, stop - start);
}

}  // namespace

TEST_CASE("the report is one HTML5 document with the accessibility basics") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("<title>Article 5 of the North Atlantic Treaty") != std::string::npos);
  for (const char* landmark : {"<header", "<nav", "<main", "<footer", "<section"}) {
    CHECK_MESSAGE(html.find(landmark) != std::string::npos, landmark);
  }
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("prefers-color-scheme:dark") != std::string::npos);
  CHECK(html.find("<th scope=\"col\">") != std::string::npos);
  CHECK(html.find("<th scope=\"row\">") != std::string::npos);
  CHECK(count(html, "<script>") == 1);
  CHECK(count(html, "<style>") == 1);
  CHECK(nesting_error(html) == "");
}

TEST_CASE("rendering is deterministic") {
  const auto set = cd::testing::make_report_fixture();
  const auto first = cd::report::render_html(set);
  const auto second = cd::report::render_html(set);
  CHECK(first == second);
  CHECK(cd::report::render_html(cd::testing::make_report_fixture()) == first);
}

TEST_CASE("the page loads nothing from the network") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  CHECK_FALSE(loads_remote(html));
  CHECK(loads_remote("<img src=\"https://x/y.png\">"));  // the check itself works
  CHECK(loads_remote("<a HREF='//x'>"));
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("fetch(") == std::string::npos);
  CHECK(html.find("XMLHttpRequest") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<iframe") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  // Provenance addresses are still there, as text.
  CHECK(html.find("https://tass.com/world/2046689/amp") != std::string::npos);
}

TEST_CASE("ids are unique and every link and delta evidence points into the page") {
  const auto set = cd::testing::make_report_fixture();
  const auto html = cd::report::render_html(set);
  const auto ids = ids_of(html);
  const std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());

  std::size_t evidence = 0;
  for (std::size_t ci = 0; ci < set.comparisons.size(); ++ci) {
    const auto& c = set.comparisons[ci];
    for (std::size_t pi = 0; pi < c.pairs.size(); ++pi) {
      for (std::size_t di = 0; di < c.pairs[pi].deltas.size(); ++di) {
        const auto& d = c.pairs[pi].deltas[di];
        const std::string did = "c" + std::to_string(ci + 1) + "-p" + std::to_string(pi + 1) +
                                "-d" + std::to_string(di + 1);
        CHECK_MESSAGE(unique.contains(did), did);
        for (std::size_t ei = 0; ei < d.a_evidence.size(); ++ei, ++evidence) {
          CHECK_MESSAGE(unique.contains(did + "-a" + std::to_string(ei + 1)), did);
        }
        for (std::size_t ei = 0; ei < d.b_evidence.size(); ++ei, ++evidence) {
          CHECK_MESSAGE(unique.contains(did + "-b" + std::to_string(ei + 1)), did);
        }
      }
    }
  }
  CHECK(evidence > 15);

  std::size_t links = 0;
  for (const auto& h : attr_values(html, "href")) {
    REQUIRE(h.rfind("#", 0) == 0);  // in-page links only
    CHECK_MESSAGE(unique.contains(h.substr(1)), h);
    ++links;
  }
  CHECK(links > 20);
}

TEST_CASE("evidence is marked in the texts of both sides") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  // Trigger narrowed is the third delta of the draft's only pair.
  CHECK(html.find("<span class=\"ev\" id=\"c1-p1-d3-a1\" data-d=\"c1-p1-d3\">") !=
        std::string::npos);
  CHECK(html.find("id=\"c1-p1-d3-b1\" data-d=\"c1-p1-d3\">") != std::string::npos);
  CHECK(html.find("<a class=\"dlink\" href=\"#c1-p1-d3-a1\">") != std::string::npos);
  // Without the script, a back link after the evidence names the delta.
  CHECK(html.find("<a class=\"evref\" href=\"#c1-p1-d3\"") != std::string::npos);
}

TEST_CASE("the matrix shows the worked example at a glance") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  const auto draft = matrix_row(html, "Draft US security-guarantee framework for Ukraine");
  REQUIRE_FALSE(draft.empty());
  CHECK(draft.find("reported, unofficial") != std::string::npos);
  auto cell = [&](const std::string& row, const std::string& dim, const std::string& change) {
    return row.find("data-dim=\"" + dim + "\" data-change=\"" + change + "\"") != std::string::npos;
  };
  CHECK(cell(draft, "trigger", "narrowed"));
  CHECK(cell(draft, "obligation", "weakened"));
  CHECK(cell(draft, "trigger_frame", "weakened"));
  CHECK(cell(draft, "discretion", "added"));
  CHECK(cell(draft, "means", "weakened"));
  CHECK(cell(draft, "immediacy", "removed"));
  CHECK(cell(draft, "procedure", "added"));
  CHECK(cell(draft, "geo_scope", "changed"));
  CHECK(cell(draft, "obligor", "changed"));
  // Symbol and word, with the polarity class: never colour alone.
  CHECK(draft.find("<td class=\"pol-weaker\" data-dim=\"trigger\" data-change=\"narrowed\"><span "
                   "class=\"sym\" aria-hidden=\"true\">\u25B6\u25C0</span>narrowed</td>") !=
        std::string::npos);
  const auto news = matrix_row(html, "\u201CPlatinum\u201D security guarantees");
  REQUIRE_FALSE(news.empty());
  CHECK(cell(news, "discretion", "paraphrase"));
  CHECK(news.find("no difference found") != std::string::npos);

  // Columns in the taxonomy's order: obligation before trigger before obligor.
  const auto o = html.find("<th scope=\"col\">Obligation</th>");
  const auto t = html.find("<th scope=\"col\">Trigger</th>");
  const auto b = html.find("<th scope=\"col\">Obligor</th>");
  CHECK(o < t);
  CHECK(t < b);
}

TEST_CASE("the summaries say what the draft changes, in words") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  CHECK(html.find("Compared with Article 5, the reported draft <strong>narrows the "
                  "trigger</strong>") != std::string::npos);
  CHECK(html.find("and <strong>weakens the obligation</strong>") != std::string::npos);
  CHECK(html.find("The US president decides the measures") != std::string::npos);
  CHECK(html.find("the news report") != std::string::npos);
}

TEST_CASE("pairs show both sides, the diff, the cues and what a news sentence omits") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  CHECK(html.find("<div class=\"sbs\">") != std::string::npos);
  CHECK(html.find("<del>") != std::string::npos);
  CHECK(html.find("<ins>") != std::string::npos);
  CHECK(html.find("Inline word diff") != std::string::npos);
  CHECK(html.find("<strong>Omits:</strong>") != std::string::npos);
  CHECK(html.find("<strong>Adds:</strong>") != std::string::npos);
  CHECK(html.find("\u201Cwill assist\u201D") != std::string::npos);
  // What the news sentence drops: cues first, with their category.
  CHECK(html.find("\u201Cforthwith\u201D (Temporal)") != std::string::npos);
  CHECK(html.find("\u201Cincluding political, economic, and technical measures\u201D (Means)") !=
        std::string::npos);
  // A cue: focusable, with rule, category/subtype and rationale.
  CHECK(
      html.find("<span class=\"cue k-trigger\" tabindex=\"0\" title=\"rule TRG-05 \u00B7 trigger / "
                "intensity_qualifier \u2014 Qualifiers that exclude smaller or ambiguous "
                "attacks.\"") != std::string::npos);
  CHECK(html.find("id=\"filters\" hidden") != std::string::npos);
  CHECK(html.find("2 units of Draft US security-guarantee framework for Ukraine with no "
                  "counterpart") != std::string::npos);
}

TEST_CASE("moved text is marked apart from plain deletions") {
  auto set = cd::testing::make_report_fixture();
  auto& pair = set.comparisons[0].pairs[0];
  for (auto& op : pair.diff) {
    if (op.op == cd::OpKind::del) {
      op.move = 0;
      break;
    }
  }
  const auto html = cd::report::render_html(set);
  CHECK(html.find("<del class=\"mv\" title=\"moved\">") != std::string::npos);
}

TEST_CASE("input text appears only escaped") {
  const auto html = cd::report::render_html(cd::testing::make_hostile_fixture());
  CHECK(count(html, "<script") == 1);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img onerror") != std::string::npos);
  CHECK(html.find("&lt;/span&gt;&lt;script&gt;alert(4)") != std::string::npos);
  CHECK(html.find("&lt;/p&gt;&lt;script&gt;alert(5)") != std::string::npos);
  // Source variance: verdict, kind, note and the variant's text, all escaped.
  CHECK(html.find("&lt;/li&gt;&lt;script&gt;alert(6)") != std::string::npos);
  CHECK(html.find("&lt;i&gt;kind: \u201Cforthwith\u201D \u2192 \u201C&quot;&gt;&lt;img onerror") !=
        std::string::npos);
  CHECK(html.find("class=\"variance v--b--verdict\"") != std::string::npos);
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(html.find('\x07') == std::string::npos);
  // A category id that is not a taxonomy id gets the neutral style class.
  CHECK(html.find("class=\"cue k-other\"") != std::string::npos);
  CHECK(html.find("https://evil.example/x.js") != std::string::npos);
  CHECK(html.find("href=\"https://evil") == std::string::npos);
  CHECK(nesting_error(html) == "");
}

TEST_CASE("source variance in the pair view and the quotation list") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  // The quotation's variance, under the quotation it belongs to.
  CHECK(html.find("<h4 id=\"doc-1-q1-v\">Variance: substantive</h4>") != std::string::npos);
  CHECK(html.find("<li class=\"vk-substitution\">substitution: \u201Csuch\u201D \u2192 "
                  "\u201Csustained\u201D</li>") != std::string::npos);
  CHECK(nesting_error(html) == "");
}

TEST_CASE("a document with no aligned part says so in the matrix") {
  auto set = cd::testing::make_report_fixture();
  set.comparisons[1].pairs.clear();
  set.comparisons[1].summary.clear();
  const auto html = cd::report::render_html(set);
  CHECK(html.find("<td class=\"none unaligned-row\" colspan=\"9\">no part aligned with Article "
                  "5</td>") != std::string::npos);
  CHECK(html.find("No part of the news report was aligned with Article 5") != std::string::npos);
  CHECK(nesting_error(html) == "");
}

TEST_CASE("an empty set still renders a valid page") {
  cd::ReportSet set;
  const auto html = cd::report::render_html(set);
  CHECK(html.find("This set compares no documents.") != std::string::npos);
  CHECK(nesting_error(html) == "");
}

TEST_CASE("odd spans from upstream never break the page") {
  auto set = cd::testing::make_report_fixture();
  auto& c = set.comparisons[0];
  auto& p = c.pairs[0];
  const auto n = static_cast<uint32_t>(c.b.text.size());
  p.deltas.push_back(cd::testing::fixture_delta("hedge", "added", {{40, 20}, {0, 0}},
                                                {{n - 3, n + 50}, {n + 10, n + 20}}, "odd spans"));
  cd::Annotation a;
  a.span = {n - 5, n + 100};
  a.category = "hedge";
  c.b_annotations.push_back(a);
  a.span = {30, 10};
  c.a_annotations.push_back(a);
  cd::DiffOp op;
  op.op = cd::OpKind::ins;
  op.b = {n - 2, n + 9};
  p.diff.push_back(op);
  p.b.push_back("no-such-unit");
  const auto html = cd::report::render_html(set);
  CHECK(nesting_error(html) == "");
  CHECK(html.find("Units not found in the documents: no-such-unit") != std::string::npos);
  const auto ids = ids_of(html);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(html.find("id=\"c1-p1-d10-a1\"") != std::string::npos);
  CHECK(html.find("id=\"c1-p1-d10-b2\"") != std::string::npos);
}

TEST_CASE("a news sentence's reference clause is folded, a draft's is not") {
  const auto html = cd::report::render_html(cd::testing::make_report_fixture());
  CHECK(count(html, "<details class=\"fold\">") == 1);
  const auto fold = html.find("<details class=\"fold\"><summary>Show Article 5 with this sentence");
  REQUIRE(fold != std::string::npos);
  CHECK(fold > html.find("id=\"doc-2\""));
  // The folded text still carries its evidence ids.
  CHECK(html.find("id=\"c2-p1-d1-a1\"", fold) != std::string::npos);
}

TEST_CASE("quotations of the reference are listed, misquotes with what differs") {
  auto set = cd::testing::make_report_fixture();
  auto& c = set.comparisons[0];
  cd::Quotation exact;
  exact.b_unit = "p1";
  exact.b = cd::testing::fixture_find(c.b, "armed attack");
  exact.a_unit = "art5";
  exact.a = cd::testing::fixture_find(c.a, "armed attack");
  exact.exact = true;
  exact.score = 1.0;
  cd::Quotation mis = exact;
  mis.b_unit = "p3";
  mis.b = cd::testing::fixture_find(c.b, "may include armed force");
  mis.a = cd::testing::fixture_find(c.a, "including the use of armed force");
  mis.exact = false;
  mis.score = 0.5;
  mis.dropped = {"the", "use", "of"};
  mis.added = {"may", "<include>"};
  c.quotations = {exact, mis};
  const auto html = cd::report::render_html(set);
  CHECK(html.find("Quotations of the reference (2)") != std::string::npos);
  CHECK(html.find("<strong>(1)</strong> quotes Article 5 exactly: <q>armed attack</q>") !=
        std::string::npos);
  CHECK(html.find("with changes (50% of the words in order): <q>may include armed force</q>; the "
                  "reference reads <q>including the use of armed force</q>") != std::string::npos);
  CHECK(html.find("Added: \u201Cmay\u201D, \u201C&lt;include&gt;\u201D") != std::string::npos);
  CHECK(nesting_error(html) == "");
}
