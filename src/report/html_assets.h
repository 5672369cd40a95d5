// report/html_assets.h (private to src/report): the report's inline style
// sheet and script, and the look of each annotation category.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cd::report {

struct CategoryStyle {
  const char* id;     // taxonomy id (annotations[].category)
  const char* label;  // legend text
  const char* marks;  // what it marks, one line
  const char* light;  // underline / tint colour on a light page
  const char* dark;   // the same on a dark page
  const char* line;   // underline style: solid | dashed | dotted | double | wavy
};

// Every taxonomy category, then "other" for ids the taxonomy does not list.
const std::vector<CategoryStyle>& category_styles();
const CategoryStyle& category_style(std::string_view id);  // "other" when unknown

std::string report_css();          // the whole <style> body
std::string_view report_script();  // the whole <script> body

}  // namespace cd::report
