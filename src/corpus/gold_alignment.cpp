#include "corpus/gold_alignment.h"

#include <set>

#include "core/fs.h"
#include "core/utf8.h"
#include "corpus/tsv.h"
#include "corpus/unit_names.h"

namespace cd::corpus {

Result<std::vector<GoldPair>> load_gold_alignment(const std::string& path) {
  std::vector<GoldPair> out;
  Status s = for_each_tsv_row(path, [&](const std::vector<std::string>& f, uint32_t n) {
    if (f.size() < 4) {
      return Status::error(
          ErrorCode::invalid_input,
          "expected at least 4 tab-separated fields (a_doc, a_unit, b_doc, b_unit)", path, n, 1);
    }
    out.push_back(
        GoldPair{f[0], f[1], f[2], f[3], f.size() > 4 ? f[4] : "", f.size() > 5 ? f[5] : "", n});
    return Status::success();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<AlignmentScore>> score_alignment(const std::vector<GoldPair>& gold,
                                                    const DocumentLoader& load,
                                                    const Aligner& aligner,
                                                    const std::string& gold_path) {
  std::vector<std::pair<std::string, std::string>> doc_pairs;
  for (const auto& g : gold) {
    auto key = std::make_pair(g.a_doc, g.b_doc);
    if (std::find(doc_pairs.begin(), doc_pairs.end(), key) == doc_pairs.end())
      doc_pairs.push_back(key);
  }
  std::vector<AlignmentScore> scores;
  for (const auto& [a_id, b_id] : doc_pairs) {
    auto a = load(a_id);
    if (!a.ok()) return a.status();
    auto b = load(b_id);
    if (!b.ok()) return b.status();
    std::set<std::pair<std::string, std::string>> want;
    for (const auto& g : gold) {
      if (g.a_doc != a_id || g.b_doc != b_id) continue;
      const std::string ua = resolve_unit(*a, g.a_unit);
      const std::string ub = resolve_unit(*b, g.b_unit);
      if (ua.empty() || ub.empty()) {
        return Status::error(ErrorCode::invalid_input,
                             "gold unit '" + (ua.empty() ? g.a_unit : g.b_unit) +
                                 "' not found in " + (ua.empty() ? a_id : b_id),
                             gold_path, g.line, 1)
            .with_hint("units are clause ids from 'clausediff ingest', or sent:FIRST WORDS");
      }
      want.emplace(ua, ub);
    }
    std::set<std::pair<std::string, std::string>> got;
    for (const auto& p : aligner(*a, *b)) {
      for (const auto& x : p.a) {
        for (const auto& y : p.b) got.emplace(x, y);
      }
    }
    AlignmentScore s;
    s.a_doc = a_id;
    s.b_doc = b_id;
    s.gold = static_cast<int>(want.size());
    s.predicted = static_cast<int>(got.size());
    for (const auto& p : got) {
      if (want.count(p) != 0) {
        ++s.true_positives;
      } else {
        s.spurious.push_back(describe_unit(*a, p.first) + " ~ " + describe_unit(*b, p.second));
      }
    }
    for (const auto& p : want) {
      if (got.count(p) == 0)
        s.missed.push_back(describe_unit(*a, p.first) + " ~ " + describe_unit(*b, p.second));
    }
    scores.push_back(std::move(s));
  }
  return scores;
}

}  // namespace cd::corpus
