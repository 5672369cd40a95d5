// render_fixture: writes the hand-built report fixture (tests/report_fixture.h)
// as HTML, Markdown or terminal text, for the browser tests and for looking
// at the report without the rest of the pipeline.
//
//   render_fixture OUT.html [html|md|term] [hostile]
#include <cstdio>
#include <exception>
#include <string>

#include "core/fs.h"
#include "report/html.h"
#include "report/text_render.h"
#include "report_fixture.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: render_fixture OUT [html|md|term] [hostile]\n");
    return 2;
  }
  const std::string out = argv[1];
  const std::string format = argc > 2 ? argv[2] : "html";
  const bool hostile = argc > 3 && std::string(argv[3]) == "hostile";
  try {
    const cd::ReportSet set =
        hostile ? cd::testing::make_hostile_fixture() : cd::testing::make_report_fixture();
    std::string text;
    if (format == "md") {
      text = cd::report::render_markdown(set);
    } else if (format == "term") {
      text = cd::report::render_terminal(set, false);
    } else {
      text = cd::report::render_html(set);
    }
    const cd::Status st = cd::write_file_atomic(out, text);
    if (!st.ok()) {
      std::fprintf(stderr, "render_fixture: %s\n", st.to_string().c_str());
      return 2;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "render_fixture: %s\n", e.what());
    return 2;
  }
  std::printf("%s\n", out.c_str());
  return 0;
}
