#include "align/terms.h"

#include <libstemmer.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/utf8.h"
#include "text/fold.h"
#include "text/segment.h"

namespace cd::align {
namespace {

// Function words that carry no content for alignment. Modal verbs are kept
// out of this list on purpose: "shall" and "will" matter in treaty text, but
// as cues they are scored by src/annotate, not here; so they are stop words
// for similarity too.
const std::set<std::string>& stop_words() {
  static const std::set<std::string> words = {
      "a",     "an",    "and",  "any",   "are",   "as",    "at",      "be",   "been",
      "being", "but",   "by",   "can",   "could", "do",    "does",    "each", "for",
      "from",  "had",   "has",  "have",  "he",    "her",   "his",     "if",   "in",
      "into",  "is",    "it",   "its",   "may",   "might", "must",    "no",   "not",
      "of",    "on",    "one",  "or",    "other", "our",   "shall",   "she",  "should",
      "so",    "such",  "than", "that",  "the",   "their", "them",    "then", "there",
      "these", "they",  "this", "those", "to",    "under", "upon",    "was",  "we",
      "were",  "which", "who",  "whom",  "will",  "with",  "would",   "you",  "all",
      "also",  "more",  "most", "said",  "what",  "when",  "whether", "s",    "t"};
  return words;
}

// Equivalences between stems, applied after stemming: the right side is the
// canonical stem. Data rather than code would be nicer; the list is short and
// each pair is a documented paraphrase in our corpus (docs/ALIGN.md).
const std::map<std::string, std::string>& equivalences() {
  static const std::map<std::string, std::string> eq = {
      {"intent", "deliber"},     {"intention", "deliber"}, {"ceasefir", "armistic"},
      {"cease-fir", "armistic"}, {"alli", "parti"},        {"member", "parti"},
      {"nato", "parti"},         {"undertak", "agre"},     {"aid", "assist"},
      {"help", "assist"},        {"support", "assist"},    {"militari", "arm"},
      {"troop", "arm"},          {"strike", "attack"},     {"aggress", "attack"},
      {"respons", "respond"},    {"immedi", "forthwith"},  {"defenc", "defens"},
  };
  return eq;
}

struct Stemmer {
  sb_stemmer* s;
  Stemmer() : s(sb_stemmer_new("english", nullptr)) {}
  ~Stemmer() { sb_stemmer_delete(s); }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
};

std::string stem(const std::string& word) {
  // One stemmer per thread: sb_stemmer keeps state between calls.
  thread_local Stemmer st;
  if (st.s == nullptr) return word;
  const sb_symbol* out = sb_stemmer_stem(st.s, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(st.s)));
}

// Stem and equivalence of a folded word, memoized per thread: a text
// repeats its words (5,000 articles are 200,000 words and a few thousand
// distinct ones), and the Snowball stemmer is the costly part. The memo is
// dropped when it grows past kMaxMemo words, to bound memory on texts with a
// huge vocabulary.
const std::string& canonical_stem(const std::string& folded) {
  constexpr std::size_t kMaxMemo = 200'000;
  thread_local std::unordered_map<std::string, std::string> memo;
  if (auto it = memo.find(folded); it != memo.end()) return it->second;
  if (memo.size() >= kMaxMemo) memo.clear();
  std::string s = stem(folded);
  auto eq = equivalences().find(s);
  if (eq != equivalences().end()) s = eq->second;
  return memo.emplace(folded, std::move(s)).first->second;
}

}  // namespace

std::vector<Term> terms_of(std::u32string_view text) {
  std::vector<Term> out;
  for (const auto& tok : text::tokenize(text)) {
    if (tok.kind != text::TokenKind::word) continue;
    const auto word = text.substr(tok.span.start, tok.span.size());
    std::string folded = encode_utf8(text::fold(word));
    // "Ukraine's" -> "ukraine"
    if (folded.size() > 2 && (folded.ends_with("'s"))) folded.resize(folded.size() - 2);
    if (stop_words().count(folded) != 0) continue;
    out.push_back(Term{canonical_stem(folded), encode_utf8(word)});
  }
  return out;
}

WordStem stem_word(std::u32string_view word) {
  std::string folded = encode_utf8(text::fold(word));
  if (folded.size() > 2 && folded.ends_with("'s")) folded.resize(folded.size() - 2);
  if (stop_words().count(folded) != 0) return {};
  WordStem out;
  out.stem = stem(folded);
  auto it = equivalences().find(out.stem);
  out.canonical = it != equivalences().end() ? it->second : out.stem;
  return out;
}

}  // namespace cd::align
