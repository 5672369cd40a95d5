// The one part of anchoring that needs the diff engine, kept apart so that
// the pure anchoring code links and is tested on its own.
#include "corpus/anchoring.h"
#include "diff/diff.h"

namespace cd::corpus {

ReanchorReport reanchor_texts(std::vector<StoredAnnotation>& annotations,
                              std::u32string_view old_text, std::u32string_view new_text,
                              const AnchorOptions& options, const std::string& author) {
  diff::Options o;
  // No readability cleanup: it turns short equal words between two changes
  // into delete+insert, which would cut the offset map exactly where small
  // annotations ("shall", "forthwith") sit. Moves carry moved paragraphs.
  o.minimal = true;
  o.detect_moves = true;
  OffsetMap map(diff::diff_texts(old_text, new_text, o));
  diff::Options cleaned;
  cleaned.detect_moves = true;
  map.add_fallback(diff::diff_texts(old_text, new_text, cleaned));
  return reanchor(annotations, old_text, new_text, map, options, author);
}

}  // namespace cd::corpus
