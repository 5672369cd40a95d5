// report/json.h: the JSON outputs of the contract (docs/JSON.md).
//
// Keys and shapes are a contract that outside scripts check: extend, never
// rename. Offsets are code points in the canonical text; every span object
// also carries its exact "text". Key order is fixed and output deterministic.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/analysis.h"
#include "model/document.h"

namespace cd::report {

std::string ingest_json(const Document& doc);
std::string annotate_json(const Document& doc, const std::vector<Annotation>& annotations,
                          const std::vector<Profile>& profiles);
std::string diff_json(const Document& older, const Document& newer, const EditScript& script,
                      const std::vector<ClauseMapping>& clauses);

class JsonWriter;
// diff_json in two steps: write_ops(script) (most of the bytes), then
// finish(script, clauses) returns the whole output. The ops need only the
// script, so a caller can write them before the clauses are mapped, or
// beside the mapping on another thread.
class DiffJson {
 public:
  DiffJson(const Document& older, const Document& newer);
  ~DiffJson();
  DiffJson(const DiffJson&) = delete;
  DiffJson& operator=(const DiffJson&) = delete;
  void write_ops(const EditScript& script);
  std::string finish(const EditScript& script, const std::vector<ClauseMapping>& clauses);

 private:
  const Document& older_;
  const Document& newer_;
  std::string out_;
  std::unique_ptr<JsonWriter> writer_;
};
std::string compare_json(const Comparison& c);
std::string report_json(const ReportSet& set);
std::string history_json(const std::vector<Document>& versions,
                         const std::vector<ClauseHistory>& history);

}  // namespace cd::report
