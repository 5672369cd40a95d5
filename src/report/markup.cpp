// Segment-and-stack nesting of overlapping marks (see markup.h).
#include "report/markup.h"

#include <algorithm>

#include "report/escape.h"

namespace cd::report {

std::string render_marked(const Document& doc, Span range, std::vector<Mark> marks) {
  const auto n = static_cast<uint32_t>(doc.text.size());
  range.end = std::min(range.end, n);
  range.start = std::min(range.start, range.end);

  std::vector<Mark> kept;
  for (auto& m : marks) {
    m.span.start = std::max(m.span.start, range.start);
    m.span.end = std::min(m.span.end, range.end);
    if (m.span.start < m.span.end) kept.push_back(std::move(m));
  }
  // A total order in which every mark that is open across a boundary sorts
  // before every mark that starts there: outer first, so nesting follows.
  std::stable_sort(kept.begin(), kept.end(), [](const Mark& x, const Mark& y) {
    if (x.span.start != y.span.start) return x.span.start < y.span.start;
    if (x.span.end != y.span.end) return x.span.end > y.span.end;
    return x.layer < y.layer;
  });

  std::vector<uint32_t> cuts = {range.start, range.end};
  for (const auto& m : kept) {
    cuts.push_back(m.span.start);
    cuts.push_back(m.span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string out;
  std::vector<std::size_t> open;  // indices into kept, outermost first
  std::vector<bool> started(kept.size(), false);
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    const Span seg{cuts[c], cuts[c + 1]};
    std::vector<std::size_t> want;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      if (kept[i].span.contains(seg)) want.push_back(i);
    }
    std::size_t common = 0;
    while (common < open.size() && common < want.size() && open[common] == want[common]) {
      ++common;
    }
    // Close what no longer applies (or must be reopened inside a new outer mark).
    while (open.size() > common) {
      const std::size_t i = open.back();
      open.pop_back();
      out += kept[i].close;
      if (kept[i].span.end <= seg.start) out += kept[i].after;
    }
    for (std::size_t k = common; k < want.size(); ++k) {
      const std::size_t i = want[k];
      out += started[i] ? kept[i].open_more : kept[i].open_first;
      started[i] = true;
      open.push_back(i);
    }
    out += html_escape(doc.utf8(seg));
  }
  while (!open.empty()) {
    const std::size_t i = open.back();
    open.pop_back();
    out += kept[i].close;
    out += kept[i].after;
  }
  return out;
}

}  // namespace cd::report
