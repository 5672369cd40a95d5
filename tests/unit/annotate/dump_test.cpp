// Prints annotations and deltas of the worked examples when CD_ANNOTATE_DUMP
// is set: a reading aid for rule authors, silent in normal runs.
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>

#include "fixtures.h"

using namespace cd;
using namespace cd::testing;

namespace {

void dump(const Annotated& a) {
  for (const auto& x : a.annotations) {
    std::cout << "  " << x.id << "  " << x.category << "/" << x.subtype
              << (x.reading.empty() ? "" : " [" + x.reading + "]") << "  “" << a.doc.utf8(x.span)
              << "”\n";
  }
}

void dump(const std::vector<Delta>& ds) {
  for (const auto& d : ds)
    std::cout << "  " << d.dimension << " " << d.change << ": " << d.explanation << "\n";
}

}  // namespace

TEST_CASE("dump (only with CD_ANNOTATE_DUMP)") {
  if (!std::getenv("CD_ANNOTATE_DUMP")) return;
  const auto nat = annotated(nat_art5());
  const auto draft = annotated(draft_2025());
  const auto anzus = annotated(anzus_art4());
  const auto teu = annotated(teu_42_7());
  for (const auto* a : {&nat, &draft, &anzus, &teu}) {
    std::cout << "== annotations\n";
    dump(*a);
  }
  std::cout << "== NAT -> draft\n";
  dump(compare(nat, draft));
  std::cout << "== NAT -> ANZUS\n";
  dump(compare(nat, anzus));
  std::cout << "== NAT -> TEU\n";
  dump(compare(nat, teu));
  const auto body = read_repo_file("corpus/news/platinum_guarantees_article.txt");
  std::vector<UnitText> sentences;
  int n = 0;
  std::size_t pos = 0;
  while (pos < body.size()) {
    auto nl = body.find('\n', pos);
    if (nl == std::string::npos) nl = body.size();
    if (nl > pos) sentences.push_back({"s" + std::to_string(++n), body.substr(pos, nl - pos), ""});
    pos = nl + 1;
  }
  const auto news = annotated(make_doc("report", sentences));
  std::cout << "== news annotations\n";
  dump(news);
  std::cout << "== NAT -> news (all paragraphs)\n";
  dump(annotate::deltas(nat.doc, {"art5"}, nat.annotations, news.doc, unit_ids(news.doc),
                        news.annotations));
}

TEST_CASE("dump the corpus, paragraph by paragraph (only with CD_ANNOTATE_DUMP=corpus)") {
  const char* env = std::getenv("CD_ANNOTATE_DUMP");
  if (!env || std::string(env) != "corpus") return;
  for (const char* f :
       {"01_north_atlantic_treaty_1949.txt", "02_anzus_security_treaty_1951.txt",
        "03_rio_treaty_1947_articles_1-3.txt", "04_japan_us_security_treaty_1960.txt",
        "05_us_rok_mutual_defense_treaty_1953.txt",
        "06_us_philippines_mutual_defense_treaty_1951.txt", "07_teu_article_42_7.txt",
        "08a_modified_brussels_treaty_1954_arts_IV-VIII.txt", "08b_seato_1954_article_IV.txt",
        "09a_budapest_memorandum_1994_UNTS_text.txt", "10_un_charter_article_51.txt",
        "11a_us_ukraine_bilateral_security_agreement_2024.txt",
        "11c_28_point_peace_plan_nov2025_REPORTED.txt"}) {
    const auto body = corpus_body(std::string("corpus/texts/") + f);
    std::vector<UnitText> paras;
    std::size_t pos = 0;
    int n = 0;
    while (pos < body.size()) {
      auto nl = body.find('\n', pos);
      if (nl == std::string::npos) nl = body.size();
      if (nl > pos + 1)
        paras.push_back({"p" + std::to_string(++n), body.substr(pos, nl - pos), ""});
      pos = nl + 1;
    }
    std::cout << "#### " << f << "\n";
    dump(annotated(make_doc("legal", paras)));
  }
}

TEST_CASE("a large document (only with CD_ANNOTATE_DUMP=large)") {
  const char* env = std::getenv("CD_ANNOTATE_DUMP");
  if (!env || std::string(env) != "large") return;
  const std::string art5 =
      line_starting(corpus_body("corpus/texts/01_north_atlantic_treaty_1949.txt"),
                    "The Parties agree that an armed attack");
  std::vector<UnitText> units;
  for (int i = 0; i < 3000; ++i) units.push_back({"art" + std::to_string(i), art5, ""});
  const auto a = annotated(make_doc("legal", units));
  std::cout << a.annotations.size() << " annotations over " << a.doc.text.size()
            << " code points\n";
  std::cout << annotate::profiles(a.doc, a.annotations).size() << " profiles\n";
}
