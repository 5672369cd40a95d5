// ingest/xml_reader.cpp: XML (pugixml) to blocks: USLM bill XML, Akoma Ntoso,
// TEI and generic XML/XHTML.
//
// Safety: pugixml never loads external entities or DTDs; a DOCTYPE that
// declares entities is refused anyway (billion laughs, XXE), and so is nesting
// deeper than kMaxNesting (the walker recurses). Structure: an
// element with a <num> child (USLM section/paragraph/..., AKN article/point/...)
// starts a numbered block: Block.num = the <num> text as written ("SEC. 2.",
// "(a)"), Block.level = its depth among numbered elements, Block.element = its
// name; its <heading> joins the label in a heading block, otherwise the num
// is the start of its first text block. USLM <recital> starts a block with
// element "recital". Text blocks carry level = enclosing depth + 1, so
// structure can nest by levels alone. White space is collapsed to one space
// (XML layout is not text); every kept code point maps to its source byte,
// entity references included.
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace cd::ingest {
namespace {

std::string local(const char* name) {
  const char* c = std::strchr(name, ':');
  return c ? std::string(c + 1) : std::string(name);
}

bool one_of(const std::string& s, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return s == n; });
}

bool is_skipped(const std::string& n) {
  return one_of(n, {"meta", "preface", "endorsement", "attestation", "teiHeader", "script", "style",
                    "toc", "slugLine", "distributionCode", "processedBy", "sidenote"});
}

bool is_block(const std::string& n) {
  return one_of(n, {"main",
                    "body",
                    "text",
                    "front",
                    "back",
                    "preamble",
                    "mainBody",
                    "content",
                    "chapeau",
                    "continuation",
                    "p",
                    "para",
                    "div",
                    "section",
                    "article",
                    "chapter",
                    "part",
                    "list",
                    "item",
                    "li",
                    "ul",
                    "ol",
                    "blockquote",
                    "quote",
                    "quotedContent",
                    "resolvingClause",
                    "enactingFormula",
                    "longTitle",
                    "formula",
                    "conclusions",
                    "intro",
                    "wrapUp",
                    "subsection",
                    "paragraph",
                    "subparagraph",
                    "clause",
                    "subclause",
                    "level",
                    "point",
                    "proviso",
                    "act",
                    "bill",
                    "resolution",
                    "doc",
                    "lg",
                    "l",
                    "table",
                    "tr",
                    "td",
                    "th",
                    "dl",
                    "dd",
                    "dt",
                    "figure",
                    "caption",
                    "address",
                    "pre",
                    "signatures",
                    "html",
                    "hcontainer",
                    "tblock",
                    "blockList",
                    "listIntroduction",
                    "listWrapUp"});
}

bool is_heading(const std::string& n) {
  return one_of(n, {"heading", "head", "h1", "h2", "h3", "h4", "h5", "h6", "subheading"});
}

// <title> outside USLM (generic XML; TEI's sits in the skipped teiHeader);
// USLM <title> is a numbered level and takes the numbered path first.
bool is_title(const std::string& n) { return one_of(n, {"officialTitle", "docTitle", "title"}); }

// A <num> written as a word label ("Article 6", "SEC. 2.") is a heading line
// of its own; an enumerator ("(1)", "1.") starts its text block.
bool word_label(const std::u32string& num) {
  int run = 0;
  for (char32_t c : num) {
    const bool letter = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    run = letter ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

struct Chars {
  std::u32string text;
  std::vector<uint32_t> bytes;
  void push(char32_t c, uint32_t byte) { push_collapsing(text, bytes, c, byte); }
  void append(const Chars& o) {
    for (std::size_t i = 0; i < o.text.size(); ++i) push(o.text[i], o.bytes[i]);
  }
  void trim() {
    while (!text.empty() && text.back() == U' ') {
      text.pop_back();
      bytes.pop_back();
    }
  }
  bool empty() const { return text.empty(); }
};

struct XmlWalker {
  const Decoded& d;
  const Utf8Buffer& buf;
  TextBuilder& b;

  Chars pending;
  Chars pending_num;
  bool pending_start = false;  // the next block starts a numbered element or recital
  int pending_level = 0;
  std::string pending_element;

  uint32_t byte_at(std::size_t p) const {
    return d.byte_of[buf.cp_of[std::min(p, buf.bytes.size())]];
  }

  // The code points of a text node with their bytes; entity references in the
  // raw source map to the '&' that wrote them.
  void text_of(pugi::xml_node n, Chars& out) const {
    const char* v = n.value();
    const std::ptrdiff_t off = n.offset_debug();
    std::size_t raw = off >= 0 ? static_cast<std::size_t>(off) : 0;
    const auto u = decode_utf8(v);
    const bool cdata = n.type() == pugi::node_cdata;
    for (std::size_t i = 0; i < u.text.size(); ++i) {
      const std::size_t len = u.byte_offset[i + 1] - u.byte_offset[i];
      const std::string_view want(v + u.byte_offset[i], len);
      std::size_t at = raw;
      if (!cdata && raw < buf.bytes.size() && buf.bytes[raw] == '&' && want != "&") {
        const std::size_t semi = buf.bytes.find(';', raw);
        raw = semi == std::string::npos ? raw + 1 : semi + 1;
      } else if (!cdata && buf.bytes.compare(raw, 5, "&amp;") == 0 && want == "&") {
        raw += 5;
      } else {
        raw += len;
      }
      out.push(u.text[i], byte_at(at));
    }
  }

  void collect(pugi::xml_node n, Chars& out) const {
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text_of(c, out);
      } else if (c.type() == pugi::node_element) {
        const std::string name = local(c.name());
        if (name == "br") {
          out.push(
              U' ',
              byte_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug()))));
        } else if (!is_skipped(name)) {
          collect(c, out);
        }
      }
    }
  }

  void emit(Chars& c, BlockKind kind, int level, const std::string& num,
            const std::string& element) {
    c.trim();
    if (c.empty()) return;
    b.separate(c.bytes.front());
    Block blk;
    blk.kind = kind;
    blk.level = level;
    blk.num = num;
    blk.element = element;
    blk.span.start = b.size();
    b.push(c.text, c.bytes.data());
    blk.span.end = b.size();
    b.add_block(blk);
  }

  void flush(int depth) {
    pending.trim();
    if (pending.empty()) return;  // a pending <num> waits for its text
    if (pending_start && !pending_num.empty()) {
      Chars all = pending_num;
      all.push(U' ', pending_num.bytes.back());
      all.append(pending);
      std::string num = encode_utf8(pending_num.text);
      emit(all, BlockKind::paragraph, pending_level, num, pending_element);
      pending_start = false;
    } else if (pending_start && !pending.empty()) {
      emit(pending, BlockKind::paragraph, pending_level, "", pending_element);
      pending_start = false;
    } else {
      emit(pending, BlockKind::paragraph, depth + 1, "", "");
    }
    pending = Chars{};
  }

  void numbered(pugi::xml_node n, int depth) {
    flush(depth - 1);
    const std::string name = local(n.name());
    Chars num, heading;
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string cn = local(c.name());
      if (cn == "num" && num.empty()) collect(c, num);
      if (is_heading(cn) && heading.empty()) collect(c, heading);
    }
    num.trim();
    const std::string label = encode_utf8(num.text);
    if (heading.empty() && word_label(num.text)) {
      Chars label_only = num;
      emit(label_only, BlockKind::heading, depth, label, name);
    } else if (!heading.empty()) {
      Chars all = num;
      if (!all.empty()) all.push(U' ', all.bytes.back());
      all.append(heading);
      emit(all, BlockKind::heading, depth, label, name);
    } else {
      pending_num = num;
      pending_start = true;
      pending_level = depth;
      pending_element = name;
    }
    walk(n, depth, true);
    flush(depth);
    if (pending_start && !pending_num.empty()) {  // a number without any text
      emit(pending_num, BlockKind::paragraph, depth, label, name);
    }
    pending_start = false;
    pending_num = Chars{};
  }

  static bool has_num(pugi::xml_node n) {
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_element && local(c.name()) == "num") return true;
    }
    return false;
  }

  int div_depth(pugi::xml_node n) const {
    int k = 0;
    for (pugi::xml_node p = n.parent(); p; p = p.parent()) {
      const std::string pn = local(p.name());
      if (pn == "div" || pn == "section" || pn == "article") ++k;
    }
    return k;
  }

  void walk(pugi::xml_node n, int depth, bool skip_num_heading) {
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text_of(c, pending);
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string name = local(c.name());
      if (is_skipped(name)) continue;
      if (skip_num_heading && (name == "num" || (is_heading(name) && name != "h1"))) continue;
      if (has_num(c)) {
        numbered(c, depth + 1);
      } else if (name == "recital") {
        flush(depth);
        pending_start = true;
        pending_level = depth + 1;
        pending_element = "recital";
        walk(c, depth + 1, false);
        flush(depth + 1);
        pending_start = false;
      } else if (is_title(name)) {
        flush(depth);
        Chars t;
        collect(c, t);
        emit(t, BlockKind::title, 0, "", name);
      } else if (is_heading(name)) {
        flush(depth);
        Chars t;
        collect(c, t);
        int level = depth + 1;
        if (name.size() == 2 && name[0] == 'h') level = name[1] - '0';
        if (name == "head" || name == "heading") level = std::max(1, div_depth(c));
        emit(t, BlockKind::heading, level, "", name);
      } else if (name == "br") {
        pending.push(
            U' ', byte_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug()))));
      } else if (is_block(name)) {
        flush(depth);
        const bool item = name == "li" || name == "item";
        walk(c, depth, false);
        if (item && !pending.empty()) {
          pending.trim();
          emit(pending, BlockKind::list_item, depth + 1, "", name);
          pending = Chars{};
        }
        flush(depth);
      } else {
        walk(c, depth, false);  // inline element: its text joins the paragraph
      }
    }
  }
};

std::string text(pugi::xml_node n) {
  std::string s;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    if (c.type() == pugi::node_element) s += text(c);
  }
  std::string out;
  for (char ch : trim_ascii(s)) {
    const bool sp = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (sp && (out.empty() || out.back() == ' ')) continue;
    out.push_back(sp ? ' ' : ch);
  }
  return out;
}

// Offset (in the parsed buffer) of the first element nested deeper than
// `limit`, or -1. Iterative: the point is to check before anything recurses.
std::ptrdiff_t too_deep_at(pugi::xml_node root, int limit) {
  int depth = 0;
  pugi::xml_node n = root;
  while (n) {
    if (pugi::xml_node c = n.first_child()) {
      n = c;
      ++depth;
      if (depth > limit && n.type() == pugi::node_element) return n.offset_debug();
      continue;
    }
    while (n != root && !n.next_sibling()) {
      n = n.parent();
      --depth;
    }
    if (n == root) break;
    n = n.next_sibling();
  }
  return -1;
}

pugi::xml_node find_local(pugi::xml_node root, const char* name) {
  return root.find_node([&](pugi::xml_node n) { return local(n.name()) == name; });
}

}  // namespace

Status read_xml(const Decoded& d, TextBuilder& b, Document& doc) {
  const Utf8Buffer buf = make_utf8(d, 0, static_cast<uint32_t>(d.text.size()));
  {
    const std::size_t root_at = buf.bytes.find("<!DOCTYPE");
    const std::size_t ent = buf.bytes.find("<!ENTITY");
    if (root_at != std::string::npos && ent != std::string::npos) {
      const auto p = position_in(d.line_starts, d.byte_of[buf.cp_of[ent]]);
      return Status::error(ErrorCode::invalid_input, "XML entity declarations are not accepted", "",
                           p.line, p.column)
          .with_hint(
              "remove the DOCTYPE's <!ENTITY> declarations (they are never expanded, for safety)");
    }
  }
  pugi::xml_document x;
  const unsigned flags = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_doctype;
  const pugi::xml_parse_result r =
      x.load_buffer(buf.bytes.data(), buf.bytes.size(), flags, pugi::encoding_utf8);
  if (!r) {
    const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, r.offset));
    const auto p =
        position_in(d.line_starts, d.byte_of[buf.cp_of[std::min(off, buf.bytes.size())]]);
    return Status::error(ErrorCode::invalid_input,
                         std::string("XML parse error: ") + r.description(), "", p.line, p.column)
        .with_hint("check that the file is well-formed XML");
  }
  if (const std::ptrdiff_t deep = too_deep_at(x, kMaxNesting); deep >= 0) {
    const auto off = std::min(static_cast<std::size_t>(deep), buf.bytes.size());
    const auto p = position_in(d.line_starts, d.byte_of[buf.cp_of[off]]);
    return Status::error(
               ErrorCode::limit,
               "XML elements nested deeper than " + std::to_string(kMaxNesting) + " levels", "",
               p.line, p.column)
        .with_hint("clausediff reads documents nested at most " + std::to_string(kMaxNesting) +
                   " elements deep (docs/LIMITS.md)");
  }
  pugi::xml_node root = x.document_element();
  const std::string rn = local(root.name());
  const std::string ns = root.attribute("xmlns").value();
  std::string format = "xml";
  if (ns.find("schemas.gpo.gov/xml/uslm") != std::string::npos || rn == "bill" ||
      rn == "resolution") {
    format = "uslm";
  } else if (rn == "akomaNtoso") {
    format = "akn";
  } else if (rn == "TEI") {
    format = "tei";
  }
  doc.meta.format = format;

  if (format == "uslm") {
    pugi::xml_node meta = find_local(root, "meta");
    if (meta) {
      doc.meta.title = text(find_local(meta, "title"));
      doc.meta.date = text(find_local(meta, "date"));
      doc.meta.status = text(find_local(meta, "docStage"));
    }
    if (doc.meta.title.empty()) doc.meta.title = text(find_local(root, "officialTitle"));
    if (doc.meta.date.empty()) {
      pugi::xml_node dt = root.find_node(
          [](pugi::xml_node n) { return local(n.name()) == "date" && n.attribute("date"); });
      if (dt) doc.meta.date = dt.attribute("date").value();
    }
    if (!doc.meta.status.empty()) doc.meta.kind = "draft";
  } else if (format == "akn") {
    doc.meta.title = text(find_local(root, "docTitle"));
    pugi::xml_node dt = find_local(root, "FRBRdate");
    if (dt) doc.meta.date = dt.attribute("date").value();
  } else if (format == "tei") {
    pugi::xml_node hdr = find_local(root, "titleStmt");
    if (hdr) doc.meta.title = text(find_local(hdr, "title"));
    pugi::xml_node dt = find_local(root, "date");
    if (dt) doc.meta.date = dt.attribute("when") ? dt.attribute("when").value() : text(dt);
  } else {
    doc.meta.title = text(find_local(root, "title"));
  }

  XmlWalker w{d, buf, b, {}, {}, false, 0, {}};
  if (format == "tei") {
    pugi::xml_node body = find_local(root, "text");
    w.walk(body ? body : root, 0, false);
  } else {
    w.walk(root, 0, false);
  }
  w.flush(0);
  return Status::success();
}

}  // namespace cd::ingest
