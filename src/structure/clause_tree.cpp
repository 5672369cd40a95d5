// structure/clause_tree.cpp: the clause tree and the sentences (structure.h).
//
// Two ways of nesting, chosen by the source:
// - XML with <num> elements (USLM, Akoma Ntoso): ingest gives every numbered
//   element's block its depth in Block.level, and text blocks the depth of
//   their container + 1; clauses nest by these levels alone.
// - Text, Markdown, HTML, TEI: a stack of open clauses ranked by kind:
//   Markdown/HTML headings by their level (1-6), CHAPTER/PART 10,
//   Article/Section 20, Paragraph/Point 25, enumerators 30. An enumerator whose style
//   ("(a)", "1.", "(i)") matches an open one is its sibling, otherwise a child
//   of the innermost open clause (so "1." > "(a)" > "(i)" nest as written).
// Decisions (documented for align/diff, see docs): ids are the kind prefix plus
// the normalized number ("art5", "sec2", "ch7", "point5", "para2"); enumerators
// append ".n" to their parent's id ("art42.7", "sec2.a.1", "art6.1" for
// "(i)"), top-level enumerators without a heading clause are "p1", "p2";
// USLM recitals are "rec1", "rec2" (kind "recital"); unnumbered headings get
// a slug of their text. Paragraphs before the first clause form "preamble".
// A paragraph without a number continues the innermost open clause (TEU
// 42(7) second subparagraph), except after a top-level list of enumerators
// ("(1)".."(5)" of a draft), which it ends. Notes never extend a span.
#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "structure/numbering.h"
#include "structure/structure.h"
#include "text/segment.h"

namespace cd::structure {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Sentences of one block (never across blocks). ICU ends a sentence after
// "1."; an enumerator alone is never a sentence: it joins the next one.
std::vector<Span> sentences_of(const Document& doc, Span block) {
  std::vector<Span> ss = text::sentences(doc.text, block);
  if (ss.size() >= 2 &&
      enum_label(std::u32string_view(doc.text).substr(ss[0].start, ss[0].size()), true)) {
    ss[1].start = ss[0].start;
    ss.erase(ss.begin());
  }
  return ss;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == 0xA0; }

std::string slug(const std::string& s) {
  std::string out;
  for (char c : s) {
    const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      out.push_back(l);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

struct Frame {
  std::size_t clause = kNone;
  int rank = 0;
  Style style = Style::word;
  bool enumerated = false;
  int depth = 0;  // Block.level of the block that opened it (Markdown list depth)
};

class TreeBuilder {
 public:
  explicit TreeBuilder(Document& doc) : doc_(doc), unit_(doc.blocks.size(), kNone) {}
  bool sentences = true;  // Options::sentences

  void run() {
    const std::string& f = doc_.meta.format;
    const bool xmlish = f == "uslm" || f == "akn" || f == "xml" || f == "tei";
    const bool nested =
        xmlish && std::any_of(doc_.blocks.begin(), doc_.blocks.end(), [](const Block& b) {
          return !b.num.empty() || b.element == "recital";
        });
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      if (b.kind == BlockKind::note || b.span.empty()) continue;
      // A title is not a clause, unless it is a label ("ARTICLE I" first).
      if (b.kind == BlockKind::title && (nested || !heading_label(text(b.span)))) continue;
      if (nested) {
        xml_block(i);
      } else {
        text_block(i);
      }
    }
    add_preamble();
    finish();
  }

 private:
  Document& doc_;
  std::vector<Clause> clauses_;
  std::vector<std::size_t> parent_;
  std::vector<bool> has_body_;
  std::vector<std::size_t> unit_;  // per block: clause index
  // Per block that starts a clause: where its label ends, and whether the
  // label is a whole line (heading) or an enumerator before the text.
  std::map<std::size_t, std::pair<uint32_t, bool>> label_end_;
  std::vector<Frame> stack_;
  std::map<std::string, int> used_;
  std::string last_lower_, last_upper_;
  int recitals_ = 0;
  std::size_t first_start_block_ = kNone;
  bool explicit_preamble_ = false;

  std::u32string_view text(Span s) const {
    return std::u32string_view(doc_.text).substr(s.start, s.size());
  }

  std::string unique(std::string id) {
    const int n = ++used_[id];
    if (n == 1) return id;
    std::string alt = id + "-" + std::to_string(n);
    while (used_.count(alt)) alt = id + "-" + std::to_string(++used_[id]);
    ++used_[alt];
    return alt;
  }

  // Opens a clause; `start` is the label start, `label_end` the end of the
  // label line (span end until content arrives).
  std::size_t open(std::size_t block, Clause c, uint32_t start, uint32_t label_end,
                   const std::string& num) {
    const std::size_t parent = stack_.empty() ? kNone : stack_.back().clause;
    // A parent's body starts with its first child's label at the latest.
    for (std::size_t k = parent; k != kNone; k = parent_[k]) {
      if (!has_body_[k]) {
        clauses_[k].body.start = start;
        has_body_[k] = true;
      }
    }
    if (c.id.empty()) {
      if (parent == kNone) {
        c.id = "p" + num;
        c.number = num;
      } else {
        const Clause& p = clauses_[parent];
        c.id = p.id + "." + num;
        c.number = p.number.empty() ? num : p.number + "." + num;
      }
    }
    c.id = unique(c.id);
    c.level = parent == kNone ? 1 : clauses_[parent].level + 1;
    c.parent = parent == kNone ? std::string() : clauses_[parent].id;
    c.span = Span{start, label_end};
    c.body = Span{label_end, label_end};
    clauses_.push_back(std::move(c));
    parent_.push_back(parent);
    has_body_.push_back(false);
    if (first_start_block_ == kNone) first_start_block_ = block;
    unit_[block] = clauses_.size() - 1;
    extend(clauses_.size() - 1, label_end, label_end, false);
    return clauses_.size() - 1;
  }

  // Content [from, to) of clause `ci` (and so of its ancestors).
  void extend(std::size_t ci, uint32_t from, uint32_t to, bool content) {
    if (content && !has_body_[ci]) {
      clauses_[ci].body.start = from;
      has_body_[ci] = true;
    }
    for (std::size_t k = ci; k != kNone; k = parent_[k]) {
      if (content && !has_body_[k]) {
        clauses_[k].body.start = from;
        has_body_[k] = true;
      }
      clauses_[k].span.end = std::max(clauses_[k].span.end, to);
    }
  }

  void attach(std::size_t block) {
    const Block& b = doc_.blocks[block];
    if (stack_.empty()) return;
    unit_[block] = stack_.back().clause;
    extend(stack_.back().clause, b.span.start, b.span.end, true);
  }

  static Clause from_word(const Label& l) {
    Clause c;
    c.kind = l.kind;
    c.label = l.label;
    c.heading = l.heading;
    if (l.kind == "preamble") {
      c.id = "preamble";
      return c;
    }
    const bool roman = l.raw.size() > 1 || l.raw == "I" || l.raw == "V" || l.raw == "X" ||
                       l.raw == "i" || l.raw == "v" || l.raw == "x";
    c.number = normalize_number(l.raw, roman);
    if (!l.sub.empty()) c.number += "." + normalize_number(l.sub, false);
    c.id = l.prefix + c.number;
    return c;
  }

  // "(i)" after "(h)" is the letter i, not Roman one (same for v, x).
  void disambiguate(Label& l) {
    auto pred = [](const std::string& r) -> std::string {
      if (r == "i" || r == "I") return r == "i" ? "h" : "H";
      if (r == "v" || r == "V") return r == "v" ? "u" : "U";
      if (r == "x" || r == "X") return r == "x" ? "w" : "W";
      return "";
    };
    if (l.style == Style::paren_roman && !pred(l.raw).empty() && last_lower_ == pred(l.raw))
      l.style = Style::paren_lower;
    if (l.style == Style::paren_ROMAN && !pred(l.raw).empty() && last_upper_ == pred(l.raw))
      l.style = Style::paren_upper;
    if (l.style == Style::paren_lower || l.style == Style::close_lower) last_lower_ = l.raw;
    if (l.style == Style::paren_upper) last_upper_ = l.raw;
    if (is_letter_style(l.style)) l.kind = "point";
  }

  std::string enum_number(const Label& l) const {
    return normalize_number(l.raw, is_roman_style(l.style));
  }

  // ---- text, Markdown, HTML, TEI -------------------------------------------
  void text_block(std::size_t i) {
    const Block& b = doc_.blocks[i];
    const std::u32string_view t = text(b.span);
    const std::size_t eol = std::min(t.find(U'\n'), t.size());
    std::u32string_view line = t.substr(0, eol);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    // Body after a label line: the rest of the block, else the next blocks.
    std::size_t rest = eol;
    while (rest < t.size() && is_space(t[rest])) ++rest;
    const auto line_end = static_cast<uint32_t>(b.span.start + line.size());

    auto word = heading_label(line);
    if (b.kind == BlockKind::heading || word) {
      Clause c;
      int rank = 20;
      if (word) {
        c = from_word(*word);
        rank = word->rank;
        if (word->kind == "preamble") explicit_preamble_ = true;
      } else {
        c.kind = "heading";
        c.label = encode_utf8(line);
        c.heading = c.label;
        const std::string s = slug(c.label);
        c.id = s.empty() ? "h" + std::to_string(i + 1) : s;
      }
      if (b.kind == BlockKind::heading && b.level > 0) rank = b.level;
      while (!stack_.empty() && stack_.back().rank >= rank) stack_.pop_back();
      last_lower_.clear();
      last_upper_.clear();
      const std::size_t ci = open(i, std::move(c), b.span.start, line_end, "");
      label_end_[i] = {line_end, true};
      stack_.push_back(Frame{ci, rank, Style::word, false});
      if (rest < t.size()) extend(ci, static_cast<uint32_t>(b.span.start + rest), b.span.end, true);
      return;
    }
    if (auto l = enum_label(t)) {
      disambiguate(*l);
      // A sibling of an open enumerator with the same style closes it and
      // everything opened under it.
      for (std::size_t k = stack_.size(); k-- > 0 && stack_[k].enumerated;) {
        if (stack_[k].style == l->style) {
          stack_.resize(k);
          break;
        }
      }
      Clause c;
      c.kind = l->kind;
      c.label = l->label;
      const auto label_end = static_cast<uint32_t>(b.span.start + l->length);
      const std::size_t ci = open(i, std::move(c), b.span.start, label_end, enum_number(*l));
      label_end_[i] = {label_end, false};
      stack_.push_back(Frame{ci, 30, l->style, true, b.level});
      extend(ci, static_cast<uint32_t>(b.span.start + l->body_skip), b.span.end, true);
      return;
    }
    // Unnumbered paragraph. In Markdown a paragraph after a list is outside
    // its items (list items carry their depth + 1 in Block.level).
    while (!stack_.empty() && stack_.back().enumerated && stack_.back().depth > b.level)
      stack_.pop_back();
    if (!stack_.empty() && stack_.front().enumerated) {
      stack_.clear();  // a top-level list ends at the first unnumbered paragraph
      return;
    }
    attach(i);
  }

  // ---- XML with <num> ---------------------------------------------------------
  void xml_block(std::size_t i) {
    const Block& b = doc_.blocks[i];
    while (!stack_.empty() && stack_.back().rank >= b.level) stack_.pop_back();
    if (b.num.empty() && b.element != "recital") {
      attach(i);
      return;
    }
    Clause c;
    std::string num;
    uint32_t label_len = 0;
    if (b.element == "recital") {
      c.kind = "recital";
      c.id = "rec" + std::to_string(++recitals_);
    } else {
      const std::u32string n32 = to_u32(b.num);
      label_len = static_cast<uint32_t>(n32.size());
      if (auto w = heading_label(n32)) {
        c = from_word(*w);
        c.label = b.num;
        last_lower_.clear();
        last_upper_.clear();
      } else if (auto l = enum_label(n32, true)) {
        disambiguate(*l);
        c.kind = l->kind;
        c.label = l->label;
        num = enum_number(*l);
      } else {
        c.kind = b.element.empty() ? "item" : b.element;
        c.label = b.num;
        for (char ch : b.num) {
          if (ch != '(' && ch != ')' && ch != '.' && ch != ' ' && ch != '\t') num.push_back(ch);
        }
        if (num.empty()) num = std::to_string(clauses_.size() + 1);
      }
      if (b.element == "section" || b.element == "article" || b.element == "chapter") {
        if (c.kind == "paragraph" || c.kind == "point" || c.kind == "item") c.kind = b.element;
      }
    }
    const uint32_t label_end = b.kind == BlockKind::heading ? b.span.end : b.span.start + label_len;
    if (b.kind == BlockKind::heading && label_len < b.span.size()) {
      std::u32string_view h = text(Span{b.span.start + label_len, b.span.end});
      while (!h.empty() && is_space(h.front())) h.remove_prefix(1);
      c.heading = encode_utf8(h);
    }
    const std::size_t ci = open(i, std::move(c), b.span.start, label_end, num);
    label_end_[i] = {label_end, b.kind == BlockKind::heading};
    stack_.push_back(Frame{ci, b.level, Style::word, false});
    if (b.kind != BlockKind::heading) {
      uint32_t from = label_end;
      while (from < b.span.end && is_space(doc_.text[from])) ++from;
      if (from < b.span.end) extend(ci, from, b.span.end, true);
    }
  }

  void add_preamble() {
    if (clauses_.empty() || explicit_preamble_ || first_start_block_ == kNone) return;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < first_start_block_; ++i) {
      const Block& b = doc_.blocks[i];
      if (b.kind == BlockKind::note || b.kind == BlockKind::title || b.span.empty()) continue;
      if (unit_[i] == kNone) members.push_back(i);
    }
    if (members.empty() || used_.count("preamble")) return;
    Clause c;
    c.id = "preamble";
    c.kind = "preamble";
    c.level = 1;
    c.span = Span{doc_.blocks[members.front()].span.start, doc_.blocks[members.back()].span.end};
    c.body = c.span;
    // Rebuilt rather than insert()ed at the front: GCC 12 warns (falsely) on
    // vector::insert of a non-trivial type under -Wnull-dereference.
    std::vector<Clause> all;
    all.reserve(clauses_.size() + 1);
    all.push_back(std::move(c));
    for (auto& x : clauses_) all.push_back(std::move(x));
    clauses_.swap(all);
    std::vector<std::size_t> parents{kNone};
    for (std::size_t p : parent_) parents.push_back(p == kNone ? kNone : p + 1);
    parent_.swap(parents);
    std::vector<bool> bodies{true};
    for (bool h : has_body_) bodies.push_back(h);
    has_body_.swap(bodies);
    for (auto& u : unit_) {
      if (u != kNone) ++u;
    }
    for (std::size_t m : members) unit_[m] = 0;
  }

  // ICU ends a sentence after "1." or "SEC."; a label is never a sentence of
  // its own: pieces inside a heading line are joined, and an enumerator
  // joins the sentence it opens ("7. If a Member State ...").
  std::vector<Span> block_sentences(std::size_t i) const {
    std::vector<Span> ss = sentences_of(doc_, doc_.blocks[i].span);
    auto it = label_end_.find(i);
    if (it == label_end_.end()) return ss;
    const auto [end, line] = it->second;
    while (ss.size() >= 2 && (line ? ss[1].end <= end : ss[0].end <= end)) {
      ss[1].start = ss[0].start;
      ss.erase(ss.begin());
    }
    return ss;
  }

  void finish() {
    for (std::size_t k = 0; k < clauses_.size(); ++k) {
      Clause& c = clauses_[k];
      if (!has_body_[k]) c.body = Span{c.span.end, c.span.end};
      c.body.end = c.span.end;
      if (c.body.start > c.body.end) c.body.start = c.body.end;
    }
    doc_.clauses = clauses_;
    doc_.sentences.clear();
    if (!sentences) return;
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      for (const Span& s : block_sentences(i)) {
        Sentence sen;
        sen.id = "s" + std::to_string(doc_.sentences.size() + 1);
        sen.span = s;
        if (unit_[i] != kNone) sen.unit = clauses_[unit_[i]].id;
        doc_.sentences.push_back(std::move(sen));
      }
    }
  }
};

}  // namespace

void build(Document& doc, const Options& options) {
  if (doc.is_report()) {
    // Reports are compared by sentences (contract.md): no clauses.
    doc.clauses.clear();
    doc.sentences.clear();
    if (!options.sentences) {
      doc.index_clauses();
      return;
    }
    for (const Block& b : doc.blocks) {
      for (const Span& s : sentences_of(doc, b.span)) {
        Sentence sen;
        sen.id = "s" + std::to_string(doc.sentences.size() + 1);
        sen.span = s;
        doc.sentences.push_back(std::move(sen));
      }
    }
    doc.index_clauses();
    return;
  }
  TreeBuilder builder(doc);
  builder.sentences = options.sentences;
  builder.run();
  doc.index_clauses();
}

}  // namespace cd::structure
