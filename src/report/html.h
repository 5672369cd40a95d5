// report/html.h: the self-contained HTML report.
//
// One file: inline CSS and a small inline script, nothing loaded from the
// network, fully readable with the script off. Every byte of input text goes
// through escape.h's html_escape(), the single escaping point of the project.
#pragma once

#include <string>

#include "model/analysis.h"

namespace cd::report {

std::string render_html(const ReportSet& set);

}  // namespace cd::report
