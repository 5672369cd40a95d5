// ingest/html_reader.cpp: HTML news pages (tag soup, via gumbo) to blocks.
//
// The article text is taken from <article> or <main> when the page has one,
// else from <body>; navigation, headers, footers, asides, forms, scripts and
// styles are skipped. p, h1-h6, li and blockquote (and any other block
// element) end a block. White space is collapsed; each code point maps to the
// source byte it came from (character references map to their '&').
#include <gumbo.h>

#include <cstring>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace cd::ingest {
namespace {

bool skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

bool inline_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_B:
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_U:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_S:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

struct HtmlWalker {
  const Decoded& d;
  const Utf8Buffer& buf;
  TextBuilder& b;
  std::u32string text;
  std::vector<uint32_t> bytes;

  uint32_t byte_at(std::size_t p) const {
    return d.byte_of[buf.cp_of[std::min(p, buf.bytes.size())]];
  }

  void push(char32_t c, uint32_t byte) {
    if (is_space_cp(c)) {
      if (text.empty() || text.back() == U' ') return;
      c = U' ';
    }
    text.push_back(c);
    bytes.push_back(byte);
  }

  void text_node(const GumboText& t) {
    const char* v = t.text;
    std::size_t raw = t.start_pos.offset;
    const auto u = decode_utf8(v);
    for (std::size_t i = 0; i < u.text.size(); ++i) {
      const std::size_t len = u.byte_offset[i + 1] - u.byte_offset[i];
      const std::size_t at = raw;
      if (raw < buf.bytes.size() && buf.bytes[raw] == '&' &&
          !(len == 1 && v[u.byte_offset[i]] == '&' && buf.bytes.compare(raw, 2, "& ") == 0)) {
        const std::size_t semi = buf.bytes.find(';', raw);
        raw = (semi == std::string::npos || semi - raw > 32) ? raw + 1 : semi + 1;
      } else {
        raw += len;
      }
      push(u.text[i], byte_at(at));
    }
  }

  void flush(BlockKind kind, int level) {
    while (!text.empty() && text.back() == U' ') {
      text.pop_back();
      bytes.pop_back();
    }
    if (!text.empty()) {
      b.separate(bytes.front());
      Block blk;
      blk.kind = kind;
      blk.level = level;
      blk.span.start = b.size();
      b.push(text, bytes.data());
      blk.span.end = b.size();
      b.add_block(blk);
    }
    text.clear();
    bytes.clear();
  }

  void walk(const GumboNode* n) {
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(kids.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
          c->type == GUMBO_NODE_CDATA) {
        text_node(c->v.text);
        continue;
      }
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = c->v.element.tag;
      if (skipped(tag)) continue;
      if (tag == GUMBO_TAG_BR) {
        push(U' ', byte_at(c->v.element.start_pos.offset));
        continue;
      }
      if (inline_tag(tag)) {
        walk(c);
        continue;
      }
      flush(BlockKind::paragraph, 0);
      walk(c);
      BlockKind kind = BlockKind::paragraph;
      int level = 0;
      if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) {
        kind = BlockKind::heading;
        level = static_cast<int>(tag - GUMBO_TAG_H1) + 1;
      } else if (tag == GUMBO_TAG_LI) {
        kind = BlockKind::list_item;
      } else if (tag == GUMBO_TAG_BLOCKQUOTE) {
        kind = BlockKind::quote;
      }
      flush(kind, level);
    }
  }
};

const GumboNode* find_tag(const GumboNode* n, GumboTag tag) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (n->v.element.tag == tag) return n;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    if (const GumboNode* f = find_tag(static_cast<const GumboNode*>(kids.data[i]), tag)) return f;
  }
  return nullptr;
}

std::string plain(const GumboNode* n) {
  std::string s;
  if (n->type == GUMBO_NODE_TEXT) return n->v.text.text;
  if (n->type != GUMBO_NODE_ELEMENT) return s;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    s += plain(static_cast<const GumboNode*>(kids.data[i]));
  return trim_ascii(s);
}

}  // namespace

Status read_html(const Decoded& d, TextBuilder& b, Document& doc) {
  const Utf8Buffer buf = make_utf8(d, 0, static_cast<uint32_t>(d.text.size()));
  GumboOutput* out =
      gumbo_parse_with_options(&kGumboDefaultOptions, buf.bytes.data(), buf.bytes.size());
  if (out == nullptr) return Status::error(ErrorCode::internal, "gumbo could not parse the page");
  const GumboNode* root = out->root;
  if (const GumboNode* t = find_tag(root, GUMBO_TAG_TITLE)) doc.meta.title = plain(t);
  const GumboNode* main = find_tag(root, GUMBO_TAG_ARTICLE);
  if (!main) main = find_tag(root, GUMBO_TAG_MAIN);
  if (!main) main = find_tag(root, GUMBO_TAG_BODY);
  if (!main) main = root;
  HtmlWalker w{d, buf, b, {}, {}};
  w.walk(main);
  w.flush(BlockKind::paragraph, 0);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return Status::success();
}

}  // namespace cd::ingest
