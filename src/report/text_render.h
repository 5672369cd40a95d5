// report/text_render.h: Markdown and terminal renderings of the same model
// the HTML report shows. Terminal colour only when `color` is true (the CLI
// decides: a TTY and no NO_COLOR in the environment).
#pragma once

#include <string>

#include "model/analysis.h"

namespace cd::report {

std::string render_markdown(const ReportSet& set);
std::string render_terminal(const ReportSet& set, bool color);
// Terminal rendering of a word diff between two documents.
std::string render_diff_terminal(const Document& older, const Document& newer,
                                 const EditScript& script, bool color);

}  // namespace cd::report
