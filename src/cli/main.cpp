// clausediff: what changed in what a text commits to.
// The CLI is thin: it parses arguments (CLI11), calls the pipeline, renders,
// and maps failures to exit status 2 with a one-line message (docs/CLI.md).
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

#include "cli/app.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "clausediff: what changed in what a text commits to.\n"
      "Aligns clauses across treaties, drafts and news, diffs them word by word, and reports\n"
      "differences in obligation, trigger, scope, discretion and means.",
      "clausediff"};
  app.set_version_flag("--version", std::string("clausediff ") + CLAUSEDIFF_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  std::map<const CLI::App*, cd::cli::Run> runs;
  auto add = [&](const char* name, const char* help, cd::cli::Run (*fn)(CLI::App&)) {
    CLI::App* sub = app.add_subcommand(name, help);
    runs[sub] = fn(*sub);
  };
  add("ingest", "Read a document and print its canonical text, clauses and sentences",
      &cd::cli::add_ingest);
  add("annotate", "Find ambiguity and scope cues (obligation, trigger, discretion, ...)",
      &cd::cli::add_annotate);
  add("diff", "Word-level diff of two versions, with clause mapping and moves", &cd::cli::add_diff);
  add("history", "History of each clause across N versions (blame for clauses)",
      &cd::cli::add_history);
  add("compare", "Align two documents and report differences in what they commit to",
      &cd::cli::add_compare);
  add("report", "Render a comparison set of corpus/ as a self-contained HTML report",
      &cd::cli::add_report);
  add("corpus",
      "Curate the annotation corpus: validate, stats, add, suggest, merge, adjudicate,\n"
      "agree, reanchor, export, import",
      &cd::cli::add_corpus);
  add("eval", "Score the aligner or the annotator against the gold files in annotations/gold",
      &cd::cli::add_eval);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    // help() delegates to the subcommand that was named, if any.
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::cout << "clausediff " << CLAUSEDIFF_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << "clausediff: error: " << e.what() << "\n";
    std::cerr << "clausediff: hint: run 'clausediff --help' or 'clausediff COMMAND --help'\n";
    return cd::cli::kExitTrouble;
  }
  for (const auto* sub : app.get_subcommands()) {
    auto it = runs.find(sub);
    if (it != runs.end()) return it->second();
  }
  return cd::cli::kExitTrouble;
}
