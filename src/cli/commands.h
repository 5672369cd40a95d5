// cli/commands.h: one function per subcommand. Each registers its options
// on a CLI11 subcommand and returns the callback that runs it; the callback
// returns the process exit status.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace cd::cli {

using Run = std::function<int()>;

Run add_ingest(CLI::App& app);
Run add_annotate(CLI::App& app);
Run add_diff(CLI::App& app);
Run add_history(CLI::App& app);
Run add_compare(CLI::App& app);
Run add_report(CLI::App& app);
// `clausediff corpus ...`: the annotation corpus (src/cli/corpus_commands.cpp).
Run add_corpus(CLI::App& app);
// `clausediff eval align|annotate`: scores against the gold files in annotations/gold.
Run add_eval(CLI::App& app);

}  // namespace cd::cli
