// corpus/tsv.h: the tab-separated gold files of annotations/gold.
// Lines starting with '#' and empty lines are skipped; a '\r' before the
// line end is dropped; fields are split on tabs, empty fields kept.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace cd::corpus {

std::vector<std::string> split_fields(const std::string& line, char sep = '\t');

// Calls row(fields, line_number) for each data line of the file at `path`;
// stops at, and returns, the first failing Status.
Status for_each_tsv_row(
    const std::string& path,
    const std::function<Status(const std::vector<std::string>&, uint32_t)>& row);

}  // namespace cd::corpus
