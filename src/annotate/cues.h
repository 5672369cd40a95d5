// annotate/cues.h: what one annotation means for a profile slot (private).
//
// profile() and deltas() read annotations through these functions, so both
// agree on ordinals and canonical set values. Canonical values are lower case
// and fold near-synonyms (intentional -> deliberate, ceasefire line ->
// armistice line, Russian Federation -> russia), so that a difference in words
// alone is a paraphrase, not a change of meaning.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annotate/annotate.h"

namespace cd::annotate {

// The annotations of a unit group (inside any unit's span, or tagged with one
// of the unit ids), in position order, and the profile built from them.
struct CueGroup {
  std::vector<Annotation> annotations;
  Profile profile;
};
CueGroup gather(const Document& doc, const std::vector<std::string>& units,
                const std::vector<Annotation>& annotations);
// The same from annotations already known to belong to the group.
CueGroup gather_selected(const Document& doc, const std::string& label,
                         std::vector<Annotation> annotations);

// Ordinals of single cues (0 when the annotation is of another category).
int obligation_level(const Annotation& a);  // 0..3
int frame_level(const Annotation& a);       // 0..3
int means_level(const Annotation& a);       // 0..3 before the menu cap
bool is_menu(const Annotation& a);          // "may include": caps means at 1
bool is_explicit_discretion(const Annotation& a);

// Canonical set values of one cue: places of a geo_scope cue, the event or
// restriction of a trigger cue, "10 years" for a time limit, the class of an
// obligor or bindingness cue. Empty for cues that feed no set.
std::vector<std::string> cue_values(const Document& doc, const Annotation& a);
bool is_trigger_event(const Annotation& a);
int event_breadth(const std::string& canonical_event);  // larger = more events count
std::optional<double> duration_days(const std::string& canonical_time_limit);

// The cue's text, lower case, whitespace collapsed, quotation marks removed.
std::string cue_text(const Document& doc, const Annotation& a);

}  // namespace cd::annotate
