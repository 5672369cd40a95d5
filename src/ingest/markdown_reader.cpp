// ingest/markdown_reader.cpp: Markdown (CommonMark, via cmark) to blocks.
//
// Headings, paragraphs, list items (ordered items keep their marker "3." as
// text and in Block.num, so structure sees the number), block quotes and code
// blocks become blocks; the canonical text is their plain text joined by a
// blank line. Source mapping: cmark reports the line and column of each block;
// inside a block every text literal is searched forward in the source from the
// block start, so plain words map exactly and only text that cmark rewrote
// (entities, escapes) falls back to the position of the previous literal.
#include <cmark.h>

#include <algorithm>
#include <memory>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace cd::ingest {
namespace {

struct MdWalker {
  const Decoded& d;
  const Utf8Buffer& buf;
  TextBuilder& b;
  std::vector<std::size_t> line_starts;  // in buf.bytes

  std::size_t pos_of(cmark_node* n) const {
    const int line = cmark_node_get_start_line(n);
    const int col = cmark_node_get_start_column(n);
    if (line <= 0 || static_cast<std::size_t>(line) > line_starts.size()) return 0;
    const std::size_t p = line_starts[static_cast<std::size_t>(line - 1)] +
                          static_cast<std::size_t>(col > 0 ? col - 1 : 0);
    return std::min(p, buf.bytes.size());
  }
  uint32_t byte_at(std::size_t p) const {
    return d.byte_of[buf.cp_of[std::min(p, buf.bytes.size())]];
  }

  // Pushes `s` (UTF-8) as found at buffer offset `at` when it is there.
  void push_mapped(const std::string& s, std::size_t& cursor) {
    const std::size_t at = buf.bytes.find(s, cursor);
    const bool found = at != std::string::npos && !s.empty();
    const std::size_t base = found ? at : cursor;
    auto u = decode_utf8(s);
    for (std::size_t i = 0; i < u.text.size(); ++i) {
      b.push(u.text[i], byte_at(found ? base + u.byte_offset[i] : base));
    }
    if (found) cursor = at + s.size();
  }

  void inlines(cmark_node* n, std::size_t& cursor) {
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
          const char* lit = cmark_node_get_literal(c);
          push_mapped(lit ? lit : "", cursor);
          break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: {
          const std::size_t nl = buf.bytes.find('\n', cursor);
          b.push(U'\n', byte_at(nl == std::string::npos ? cursor : nl));
          if (nl != std::string::npos) cursor = nl + 1;
          break;
        }
        case CMARK_NODE_HTML_INLINE:
          break;
        default:
          inlines(c, cursor);
      }
    }
  }

  // `item`: the list item whose marker ("3.") is written before `n`.
  void leaf(cmark_node* n, BlockKind kind, int level, const std::string& num, const char* element,
            cmark_node* item = nullptr) {
    std::size_t cursor = pos_of(item ? item : n);
    b.separate(byte_at(cursor));
    Block blk;
    blk.kind = kind;
    blk.level = level;
    blk.num = num;
    blk.element = element;
    blk.span.start = b.size();
    if (!num.empty()) {
      push_mapped(num, cursor);
      b.push(U' ', byte_at(cursor));
      cursor = std::max(cursor, pos_of(n));
    }
    if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) {
      const char* lit = cmark_node_get_literal(n);
      std::string s = lit ? lit : "";
      while (!s.empty() && s.back() == '\n') s.pop_back();
      push_mapped(s, cursor);
    } else {
      inlines(n, cursor);
    }
    blk.span.end = b.size();
    if (blk.span.end > blk.span.start) b.add_block(blk);
  }

  void blocks(cmark_node* parent, BlockKind para_kind, int depth) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING:
          leaf(n, BlockKind::heading, cmark_node_get_heading_level(n), "", "heading");
          break;
        case CMARK_NODE_PARAGRAPH:
          leaf(n, para_kind, depth, "", "paragraph");
          break;
        case CMARK_NODE_CODE_BLOCK:
          leaf(n, para_kind, depth, "", "code_block");
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          blocks(n, BlockKind::quote, depth);
          break;
        case CMARK_NODE_LIST:
          list(n, para_kind, depth);
          break;
        default:
          break;  // thematic breaks, HTML blocks: no text
      }
    }
  }

  void list(cmark_node* n, BlockKind para_kind, int depth) {
    const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(n);
    const char* delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ")" : ".";
    for (cmark_node* item = cmark_node_first_child(n); item;
         item = cmark_node_next(item), ++number) {
      bool first = true;
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
        const auto type = cmark_node_get_type(c);
        if (first && type == CMARK_NODE_PARAGRAPH) {
          leaf(c, BlockKind::list_item, depth + 1,
               ordered ? std::to_string(number) + delim : std::string(), "item", item);
        } else if (type == CMARK_NODE_LIST) {
          list(c, para_kind, depth + 1);
        } else if (type == CMARK_NODE_BLOCK_QUOTE) {
          blocks(c, BlockKind::quote, depth + 1);
        } else if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_CODE_BLOCK) {
          leaf(c, para_kind, depth + 1, "", "paragraph");
        }
        first = false;
      }
    }
  }
};

}  // namespace

Status read_markdown(const Decoded& d, uint32_t from, TextBuilder& b, Document& doc) {
  const Utf8Buffer buf = make_utf8(d, from, static_cast<uint32_t>(d.text.size()));
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> root(
      cmark_parse_document(buf.bytes.data(), buf.bytes.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  if (!root) return Status::error(ErrorCode::internal, "cmark could not parse the document");
  MdWalker w{d, buf, b, {0}};
  for (std::size_t i = 0; i < buf.bytes.size(); ++i) {
    if (buf.bytes[i] == '\n') w.line_starts.push_back(i + 1);
  }
  w.blocks(root.get(), BlockKind::paragraph, 0);
  (void)doc;  // titles: ingest.cpp takes a first heading when the header has none
  return Status::success();
}

}  // namespace cd::ingest
