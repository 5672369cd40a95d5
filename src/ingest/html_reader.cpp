// ingest/html_reader.cpp: HTML news pages (tag soup, via gumbo) to blocks.
//
// The article text is taken from <article> or <main> when the page has one,
// else from <body>; navigation, headers, footers, asides, forms, scripts and
// styles are skipped. p, h1-h6, li and blockquote (and any other block
// element) end a block. White space is collapsed; each code point maps to the
// source byte it came from (character references map to their '&').
// Bounds: gumbo 0.10 walks its stack of open elements on most tags, so its
// time grows with the square of the nesting depth (100,000 nested <div>s take
// minutes), and it copies that stack into every parse error it records. So
// pages nested deeper than kMaxNesting are refused before gumbo sees them,
// and parse errors are not recorded (nothing reads them).
#include <gumbo.h>

#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

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

  void push(char32_t c, uint32_t byte) { push_collapsing(text, bytes, c, byte); }

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

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':';
}

std::string lower_name(std::string_view s, std::size_t& i) {
  std::string name;
  while (i < s.size() && is_name_char(s[i])) {
    const char c = s[i++];
    name.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return name;
}

bool one_of(const std::string& n, std::initializer_list<const char*> names) {
  for (const char* x : names) {
    if (n == x) return true;
  }
  return false;
}

// Elements that never hold others (void) or whose end tag HTML implies when
// a sibling starts (so an unclosed one does not deepen the tree).
bool nests(const std::string& n) {
  return !one_of(n,
                 {"area",    "base",  "br",    "col",    "embed", "hr",    "img",      "input",
                  "link",    "meta",  "param", "source", "track", "wbr",   "keygen",   "basefont",
                  "bgsound", "frame", "p",     "li",     "dt",    "dd",    "option",   "optgroup",
                  "tr",      "td",    "th",    "thead",  "tbody", "tfoot", "colgroup", "caption",
                  "rb",      "rt",    "rtc",   "rp",     "html",  "head",  "body"});
}

// Byte offset where the element nesting of the page first exceeds `limit`,
// or npos. An estimate from the tags alone, linear, without building a tree:
// start tags of nesting elements minus their end tags; comments and the text
// of script, style and the like are skipped. It can only overestimate the
// depth gumbo builds for unclosed elements, which real pages close.
std::size_t too_deep_at(std::string_view s, int limit) {
  int depth = 0;
  int foreign = 0;  // inside <svg> or <math>, where "<x/>" closes itself
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    const std::size_t at = i++;
    if (i >= s.size()) break;
    if (s.compare(i, 3, "!--") == 0) {
      const std::size_t e = s.find("-->", i + 3);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    if (s[i] == '!' || s[i] == '?') {
      const std::size_t e = s.find('>', i);
      i = e == std::string_view::npos ? s.size() : e + 1;
      continue;
    }
    const bool end_tag = s[i] == '/';
    if (end_tag) ++i;
    if (i >= s.size() || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
      continue;  // a '<' in text
    }
    const std::string name = lower_name(s, i);
    // The end of the tag, past quoted attribute values (they may hold '>').
    char quote = 0;
    while (i < s.size() && (quote != 0 || s[i] != '>')) {
      if (quote != 0 && s[i] == quote) {
        quote = 0;
      } else if (quote == 0 && (s[i] == '"' || s[i] == '\'')) {
        quote = s[i];
      }
      ++i;
    }
    const bool self_closing = i > 0 && i < s.size() && s[i - 1] == '/';
    if (i < s.size()) ++i;
    if (end_tag) {
      if (nests(name) && depth > 0) --depth;
      if ((name == "svg" || name == "math") && foreign > 0) --foreign;
      continue;
    }
    if (one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "noscript", "plaintext"})) {
      // Raw text up to the matching end tag (case-insensitive).
      std::size_t e = i;
      for (; e < s.size(); ++e) {
        if (s[e] != '<' || e + 1 >= s.size() || s[e + 1] != '/') continue;
        std::size_t k = e + 2;
        if (lower_name(s, k) == name) break;
      }
      i = e;
      continue;
    }
    if (!nests(name) || (self_closing && foreign > 0)) continue;
    if (name == "svg" || name == "math") ++foreign;
    if (++depth > limit) return at;
  }
  return std::string_view::npos;
}

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
  if (const std::size_t deep = too_deep_at(buf.bytes, kMaxNesting); deep != std::string::npos) {
    const auto p = position_in(d.line_starts, d.byte_of[buf.cp_of[deep]]);
    return Status::error(
               ErrorCode::limit,
               "HTML elements nested deeper than " + std::to_string(kMaxNesting) + " levels", "",
               p.line, p.column)
        .with_hint("clausediff reads pages nested at most " + std::to_string(kMaxNesting) +
                   " elements deep (docs/LIMITS.md); is the page missing its end tags?");
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, buf.bytes.data(), buf.bytes.size());
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
  gumbo_destroy_output(&options, out);
  return Status::success();
}

}  // namespace cd::ingest
