#include <doctest/doctest.h>

#include <sstream>

#include "core/utf8.h"
#include "report/text_render.h"
#include "report_fixture.h"

namespace {

// Unescaped pipes in one Markdown table line.
std::size_t pipes(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  }
  return n;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("Markdown: the matrix is a well-formed table") {
  const auto md = cd::report::render_markdown(cd::testing::make_report_fixture());
  const auto lines = lines_of(md);
  std::size_t header = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("| Document |", 0) == 0) {
      header = i;
      break;
    }
  }
  REQUIRE(header + 3 < lines.size());
  const std::size_t cols = pipes(lines[header]);
  CHECK(cols == 11);  // the document column and 9 dimensions: 10 cells, 11 pipes
  CHECK(lines[header + 1].rfind("|---|:---:|", 0) == 0);
  CHECK(pipes(lines[header + 1]) == cols);
  CHECK(pipes(lines[header + 2]) == cols);
  CHECK(pipes(lines[header + 3]) == cols);
  CHECK(lines[header + 2].find("(reported, unofficial)") != std::string::npos);
  CHECK(lines[header + 2].find("\u25B6\u25C0 narrowed") != std::string::npos);
  CHECK(lines[header + 2].find("\u25BC weakened") != std::string::npos);
}

TEST_CASE("Markdown: summaries and per-pair deltas with quoted evidence") {
  const auto md = cd::report::render_markdown(cd::testing::make_report_fixture());
  CHECK(md.rfind("# Article 5 of the North Atlantic Treaty", 0) == 0);
  CHECK(md.find("Compared with Article 5, the reported draft narrows the trigger") !=
        std::string::npos);
  CHECK(md.find("### Article 5 \u2194 (1), (2) and (3) (paraphrase)") != std::string::npos);
  CHECK(md.find("- **Trigger narrowed** \u25B6\u25C0") != std::string::npos);
  CHECK(md.find("  > Article 5: \u201Carmed attack\u201D") != std::string::npos);
  CHECK(md.find("significant, deliberate, and sustained armed attack") != std::string::npos);
  CHECK(md.find("Omits: ") != std::string::npos);
}

TEST_CASE("Markdown escapes what would break the table or inject markup") {
  auto set = cd::testing::make_report_fixture();
  set.comparisons[0].b.meta.title = "A | B <b>x</b>";
  const auto md = cd::report::render_markdown(set);
  CHECK(md.find("| A \\| B <b>") != std::string::npos);  // table cell: pipe escaped
  CHECK(md.find("## A \\| B \\<b\\>x\\</b\\>") != std::string::npos);
}

TEST_CASE("terminal: colour only when asked") {
  const auto set = cd::testing::make_report_fixture();
  const auto plain = cd::report::render_terminal(set, false);
  const auto color = cd::report::render_terminal(set, true);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(color.find("\x1b[31m") != std::string::npos);
  CHECK(plain.find("\u25B6\u25C0 Trigger narrowed") != std::string::npos);
  CHECK(plain.find("[reported, unofficial]") != std::string::npos);
  CHECK(plain.find("Compared with Article 5, the reported draft") != std::string::npos);
  // Hostile text cannot smuggle escapes through either.
  const auto hostile = cd::report::render_terminal(cd::testing::make_hostile_fixture(), false);
  CHECK(hostile.find('\x1b') == std::string::npos);
  CHECK(hostile.find('\x07') == std::string::npos);
  CHECK(hostile.find("Source variance: <b>\"verdict") != std::string::npos);
  const auto md = cd::report::render_markdown(set);
  CHECK(md.find("  - substitution: \u201Csuch\u201D \u2192 \u201Csustained\u201D") !=
        std::string::npos);
}

TEST_CASE("terminal word diff") {
  cd::Document a, b;
  a.text = cd::to_u32("will assist forthwith");
  b.text = cd::to_u32("will determine the measures");
  cd::EditScript s;
  s.ops = {{cd::OpKind::equal, {0, 5}, {0, 5}, -1},
           {cd::OpKind::del, {5, 21}, {5, 5}, -1},
           {cd::OpKind::ins, {21, 21}, {5, 27}, -1}};
  const auto plain = cd::report::render_diff_terminal(a, b, s, false);
  CHECK(plain == "will [-assist forthwith-]{+determine the measures+}\n");
  const auto color = cd::report::render_diff_terminal(a, b, s, true);
  CHECK(color.find("\x1b[31;9massist forthwith\x1b[0m") != std::string::npos);
  CHECK(color.find("\x1b[32mdetermine the measures\x1b[0m") != std::string::npos);
  CHECK(color.find("[-") == std::string::npos);
}
