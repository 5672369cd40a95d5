// annotate/builtin_rules.h: the rule files compiled into the binary.
// Generated at build time from src/annotate/rules/*.tsv (scripts/embed_rules.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace cd::annotate {

struct BuiltinRuleFile {
  std::string_view name;  // "rules/obligation.tsv"
  std::string_view text;
};

const std::vector<BuiltinRuleFile>& builtin_rule_files();

}  // namespace cd::annotate
