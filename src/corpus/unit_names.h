// corpus/unit_names.h: how gold files name units. A clause by its id
// ("art5", "p3"); a sentence by its id or, robust to renumbering, by its
// first words ("sent:The core provision of").
#pragma once

#include <string>

#include "model/document.h"

namespace cd::corpus {

// The unit id `name` stands for in `doc`, or "" when there is none.
std::string resolve_unit(const Document& doc, const std::string& name);
// The full span of a clause or sentence id (empty span when unknown).
Span unit_span(const Document& doc, const std::string& id);
// "art5 \"The Parties agree that an armed attack...\"" for messages.
std::string describe_unit(const Document& doc, const std::string& id);

}  // namespace cd::corpus
