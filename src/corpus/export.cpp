#include "corpus/export.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace cd::corpus {
namespace {

using Json = nlohmann::json;
using OJson = nlohmann::ordered_json;

constexpr const char* kExtension = "urn:clausediff:record";
constexpr const char* kFileExtension = "urn:clausediff:file";  // the annotator file
constexpr const char* kDocPrefix = "urn:clausediff:doc:";

// RFC 6920 named information: ni:///sha-256;<base64url of the digest>.
std::string ni_uri(const std::string& hex) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  std::string out = "ni:///sha-256;";
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) |
                       (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                       static_cast<uint8_t>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    if (rest == 2) out.push_back(kAlphabet[(v >> 6) & 63]);
  }
  return out;
}

// xsd:dateTime as the model requires (§3.3.1): a bare date becomes midnight UTC.
std::string date_time(const std::string& d) {
  if (d.size() == 10) return d + "T00:00:00Z";
  return d;
}

OJson w3c_annotation(const StoredAnnotation& a, bool with_context) {
  OJson j;
  if (with_context) j["@context"] = kW3cContext;
  const std::string& file = a.file.empty() ? a.author : a.file;
  j["id"] = "urn:clausediff:annotation:" + a.doc + "/" + file + "/" + a.id;
  j["type"] = "Annotation";
  j["motivation"] = "classifying";
  if (valid_date(a.created)) j["created"] = date_time(a.created);
  OJson creator;
  creator["id"] = "urn:clausediff:annotator:" + a.author;
  creator["type"] = a.source == "machine" ? "Software" : "Person";
  creator["name"] = a.author;
  j["creator"] = creator;
  OJson bodies = OJson::array();
  OJson label;
  label["type"] = "TextualBody";
  label["purpose"] = "classifying";
  label["value"] = a.subtype.empty() ? a.category : a.category + "/" + a.subtype;
  bodies.push_back(label);
  if (!a.note.empty()) {
    OJson note;
    note["type"] = "TextualBody";
    note["purpose"] = "commenting";
    note["value"] = a.note;
    bodies.push_back(note);
  }
  j["body"] = bodies;
  OJson target;
  target["source"] = kDocPrefix + a.doc;
  OJson state;
  state["type"] = "TimeState";
  if (valid_date(a.created))
    state["sourceDate"] = date_time(a.created);
  else
    state["sourceDate"] = "1970-01-01T00:00:00Z";
  if (a.doc_sha256.size() == 64) state["cached"] = ni_uri(a.doc_sha256);
  target["state"] = state;
  OJson pos;
  pos["type"] = "TextPositionSelector";
  pos["start"] = a.start;
  pos["end"] = a.end;
  OJson quote;
  quote["type"] = "TextQuoteSelector";
  quote["exact"] = a.exact;
  quote["prefix"] = a.prefix;
  quote["suffix"] = a.suffix;
  target["selector"] = OJson::array({pos, quote});
  j["target"] = target;
  j[kExtension] = OJson::parse(to_json_line(a));
  if (!a.file.empty()) j[kFileExtension] = a.file;
  return j;
}

std::string str_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// One W3C annotation back into our record; returns an error message or "".
std::string read_w3c(const Json& j, StoredAnnotation& a, const std::string& path) {
  if (!j.is_object()) return "an annotation must be a JSON object";
  bool typed = false;
  if (auto t = j.find("type"); t != j.end()) {
    if (t->is_string()) typed = t->get<std::string>() == "Annotation";
    if (t->is_array()) typed = std::find(t->begin(), t->end(), Json("Annotation")) != t->end();
  }
  if (!typed) return "not an Annotation (\"type\")";
  if (auto ext = j.find(kExtension); ext != j.end()) {
    std::vector<Issue> issues;
    auto recs = parse_jsonl(ext->dump(), path, issues);
    if (!issues.empty() || recs.size() != 1) {
      return "bad \"" + std::string(kExtension) +
             "\": " + (issues.empty() ? "" : issues.front().message);
    }
    a = recs.front();
  }
  if (auto f = j.find(kFileExtension); f != j.end() && f->is_string())
    a.file = f->get<std::string>();
  // The W3C terms are authoritative: another tool may have edited them.
  auto target = j.find("target");
  if (target == j.end()) return "no \"target\"";
  const Json& t = target->is_array() && !target->empty() ? (*target)[0] : *target;
  if (!t.is_object()) return "the target must be a SpecificResource object";
  const std::string src = str_of(t, "source");
  if (src.rfind(kDocPrefix, 0) == 0)
    a.doc = src.substr(std::string(kDocPrefix).size());
  else if (a.doc.empty())
    a.doc = src;
  bool have_pos = false, have_quote = false;
  auto sel = t.find("selector");
  if (sel != t.end()) {
    std::vector<Json> sels;
    if (sel->is_array())
      sels.assign(sel->begin(), sel->end());
    else
      sels.push_back(*sel);
    for (const auto& s : sels) {
      const std::string type = str_of(s, "type");
      if (type == "TextPositionSelector" && s.contains("start") && s.contains("end") &&
          s["start"].is_number_unsigned() && s["end"].is_number_unsigned()) {
        a.start = s["start"].get<uint32_t>();
        a.end = s["end"].get<uint32_t>();
        have_pos = true;
      } else if (type == "TextQuoteSelector" && s.contains("exact")) {
        a.exact = str_of(s, "exact");
        a.prefix = str_of(s, "prefix");
        a.suffix = str_of(s, "suffix");
        have_quote = true;
      }
    }
  }
  if (!have_pos) return "the target has no TextPositionSelector (code point start/end)";
  if (!have_quote) return "the target has no TextQuoteSelector";
  auto body = j.find("body");
  std::vector<Json> bodies;
  if (body != j.end()) {
    if (body->is_array())
      bodies.assign(body->begin(), body->end());
    else
      bodies.push_back(*body);
  }
  bool have_label = false;
  a.note.clear();
  for (const auto& b : bodies) {
    const std::string purpose = str_of(b, "purpose");
    if (purpose == "classifying" || purpose == "tagging") {
      const std::string v = str_of(b, "value");
      const auto slash = v.find('/');
      a.category = v.substr(0, slash);
      a.subtype = slash == std::string::npos ? std::string() : v.substr(slash + 1);
      have_label = true;
    } else if (purpose == "commenting") {
      a.note = str_of(b, "value");
    }
  }
  if (!have_label) return "no body with purpose \"classifying\" (the category)";
  if (auto c = j.find("creator"); c != j.end()) {
    if (c->is_object() && !str_of(*c, "name").empty()) a.author = str_of(*c, "name");
    if (c->is_object() && a.source.empty())
      a.source = str_of(*c, "type") == "Software" ? "machine" : "human";
  }
  if (a.created.empty()) a.created = str_of(j, "created");
  if (a.source.empty()) a.source = "human";
  if (a.id.empty()) a.id = make_id(a);  // a foreign annotation: our deterministic id
  return {};
}

void collect(const Json& j, std::vector<const Json*>& out) {
  if (j.is_array()) {
    for (const auto& x : j) collect(x, out);
    return;
  }
  const std::string type = j.is_object() ? str_of(j, "type") : std::string();
  if (type == "AnnotationCollection") {
    if (auto f = j.find("first"); f != j.end()) collect(*f, out);
    return;
  }
  if (type == "AnnotationPage") {
    if (auto items = j.find("items"); items != j.end()) collect(*items, out);
    return;
  }
  out.push_back(&j);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string to_w3c_collection(const std::vector<StoredAnnotation>& annotations,
                              const std::string& label) {
  std::vector<StoredAnnotation> sorted = annotations;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
    return std::tie(x.doc, x.file, x.author, x.start, x.end, x.id) <
           std::tie(y.doc, y.file, y.author, y.start, y.end, y.id);
  });
  OJson c;
  c["@context"] = kW3cContext;
  c["id"] = "urn:clausediff:collection:annotations";
  c["type"] = "AnnotationCollection";
  c["label"] = label;
  c["total"] = sorted.size();
  OJson page;
  page["id"] = "urn:clausediff:collection:annotations:page1";
  page["type"] = "AnnotationPage";
  page["startIndex"] = 0;
  OJson items = OJson::array();
  for (const auto& a : sorted) items.push_back(w3c_annotation(a, false));
  page["items"] = items;
  c["first"] = page;
  return c.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string to_w3c_jsonl(const std::vector<StoredAnnotation>& annotations) {
  std::vector<StoredAnnotation> sorted = annotations;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
    return std::tie(x.doc, x.file, x.author, x.start, x.end, x.id) <
           std::tie(y.doc, y.file, y.author, y.start, y.end, y.id);
  });
  std::string out;
  for (const auto& a : sorted) {
    out += w3c_annotation(a, true).dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

Result<std::vector<StoredAnnotation>> from_w3c(std::string_view bytes, const std::string& path) {
  std::vector<Json> docs;
  std::vector<uint32_t> doc_lines;
  try {
    docs.push_back(Json::parse(bytes));
    doc_lines.push_back(0);
  } catch (const Json::parse_error&) {
    // Not one JSON value: JSON Lines, one annotation per line.
    uint32_t line = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
      ++line;
      std::size_t nl = bytes.find('\n', pos);
      if (nl == std::string_view::npos) nl = bytes.size();
      const std::string_view l = bytes.substr(pos, nl - pos);
      pos = nl + 1;
      if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      try {
        docs.push_back(Json::parse(l));
        doc_lines.push_back(line);
      } catch (const Json::parse_error& e) {
        return Status::error(ErrorCode::invalid_input, std::string("not valid JSON: ") + e.what(),
                             path, line);
      }
    }
  }
  std::vector<StoredAnnotation> out;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    std::vector<const Json*> items;
    collect(docs[d], items);
    for (std::size_t i = 0; i < items.size(); ++i) {
      StoredAnnotation a;
      a.source.clear();
      const std::string err = read_w3c(*items[i], a, path);
      if (!err.empty()) {
        return Status::error(ErrorCode::invalid_input,
                             "annotation " + std::to_string(i + 1) + ": " + err, path,
                             doc_lines[d]);
      }
      out.push_back(std::move(a));
    }
  }
  return out;
}

BratFiles to_brat(const std::vector<StoredAnnotation>& annotations, std::u32string_view text) {
  BratFiles f;
  f.txt = to_u8(text);
  const std::string sha = text_sha256(text);
  std::vector<StoredAnnotation> sorted = annotations;
  sort_annotations(sorted);
  int t = 0, attr = 0, note = 0;
  for (const auto& a : sorted) {
    OJson side;
    const bool placeable = a.status != AnchorStatus::orphaned && a.doc_sha256 == sha &&
                           a.end <= text.size() && a.start < a.end &&
                           to_u8(text.substr(a.start, a.end - a.start)) == a.exact;
    // Fragments: the span cut at line breaks (brat refuses a span across one).
    std::vector<Span> frags;
    if (placeable) {
      uint32_t s = a.start;
      for (uint32_t i = a.start; i <= a.end; ++i) {
        if (i == a.end || text[i] == U'\n' || text[i] == U'\r') {
          if (i > s) frags.push_back(Span{s, i});
          s = i + 1;
        }
      }
    }
    if (frags.empty()) {
      side["brat"] = nullptr;
      ++f.sidecar_only;
    } else {
      const std::string tid = "T" + std::to_string(++t);
      std::string offs, covered;
      for (std::size_t i = 0; i < frags.size(); ++i) {
        if (i) {
          offs += ';';
          covered += ' ';
        }
        offs += std::to_string(frags[i].start) + " " + std::to_string(frags[i].end);
        covered += to_u8(text.substr(frags[i].start, frags[i].size()));
      }
      f.ann += tid + "\t" + a.category + " " + offs + "\t" + covered + "\n";
      if (!a.subtype.empty())
        f.ann += "A" + std::to_string(++attr) + "\tSubtype " + tid + " " + a.subtype + "\n";
      if (!a.note.empty()) {
        std::string n = a.note;
        std::replace(n.begin(), n.end(), '\n', ' ');
        std::replace(n.begin(), n.end(), '\t', ' ');
        f.ann += "#" + std::to_string(++note) + "\tAnnotatorNotes " + tid + "\t" + n + "\n";
      }
      side["brat"] = tid;
      ++f.in_ann;
    }
    side["record"] = OJson::parse(to_json_line(a));
    f.map += side.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  return f;
}

Result<std::vector<StoredAnnotation>> from_brat(std::string_view txt, std::string_view ann,
                                                std::string_view map, const std::string& ann_path,
                                                const std::string& doc, const std::string& author,
                                                const std::string& created) {
  const std::u32string text = to_u32(txt);
  const std::string sha = text_sha256(text);
  // Sidecar first: brat id -> full record, plus the records brat could not hold.
  std::map<std::string, StoredAnnotation> by_tid;
  std::vector<StoredAnnotation> out;
  {
    uint32_t line = 0;
    std::size_t pos = 0;
    while (pos < map.size()) {
      ++line;
      std::size_t nl = map.find('\n', pos);
      if (nl == std::string_view::npos) nl = map.size();
      const std::string_view l = map.substr(pos, nl - pos);
      pos = nl + 1;
      if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      Json j;
      try {
        j = Json::parse(l);
      } catch (const Json::parse_error& e) {
        return Status::error(ErrorCode::invalid_input,
                             std::string("sidecar: not valid JSON: ") + e.what(),
                             ann_path + ".map.jsonl", line);
      }
      std::vector<Issue> issues;
      auto recs = parse_jsonl(j.value("record", Json::object()).dump(), ann_path, issues);
      if (!issues.empty() || recs.size() != 1) {
        return Status::error(ErrorCode::invalid_input,
                             "sidecar: bad record" +
                                 (issues.empty() ? std::string() : ": " + issues.front().message),
                             ann_path + ".map.jsonl", line);
      }
      if (j.contains("brat") && j["brat"].is_string())
        by_tid[j["brat"].get<std::string>()] = recs.front();
      else
        out.push_back(recs.front());
    }
  }
  std::map<std::string, StoredAnnotation> spans;  // T id -> annotation
  std::vector<std::string> order;
  uint32_t line = 0;
  std::size_t pos = 0;
  auto bad = [&](const std::string& msg) {
    return Status::error(ErrorCode::invalid_input, msg, ann_path, line);
  };
  while (pos < ann.size()) {
    ++line;
    std::size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string l(ann.substr(pos, nl - pos));
    pos = nl + 1;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.empty()) continue;
    const auto tab1 = l.find('\t');
    if (tab1 == std::string::npos) return bad("a brat line needs an id and a tab");
    const std::string id = l.substr(0, tab1);
    const auto tab2 = l.find('\t', tab1 + 1);
    const std::string mid =
        l.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
    const std::string tail = tab2 == std::string::npos ? std::string() : l.substr(tab2 + 1);
    if (id[0] == 'T') {
      const auto sp = mid.find(' ');
      if (sp == std::string::npos) return bad("T line needs a type and offsets");
      StoredAnnotation a;
      a.category = mid.substr(0, sp);
      // "s e;s e": fragments must be in order and separated only by line breaks.
      std::string offs = mid.substr(sp + 1);
      std::vector<Span> frags;
      std::size_t p = 0;
      while (p <= offs.size()) {
        std::size_t semi = offs.find(';', p);
        if (semi == std::string::npos) semi = offs.size();
        const std::string part = offs.substr(p, semi - p);
        const auto blank = part.find(' ');
        try {
          if (blank == std::string::npos) throw std::invalid_argument("offsets");
          frags.push_back(Span{static_cast<uint32_t>(std::stoul(part.substr(0, blank))),
                               static_cast<uint32_t>(std::stoul(part.substr(blank + 1)))});
        } catch (const std::exception&) {
          return bad("bad offsets '" + part + "'");
        }
        p = semi + 1;
      }
      std::string covered;
      for (std::size_t i = 0; i < frags.size(); ++i) {
        const Span f = frags[i];
        if (f.end < f.start || f.end > text.size())
          return bad("offsets " + std::to_string(f.start) + " " + std::to_string(f.end) +
                     " are outside the text");
        if (i > 0) {
          if (f.start < frags[i - 1].end) return bad("fragments overlap or are out of order");
          for (uint32_t k = frags[i - 1].end; k < f.start; ++k) {
            if (text[k] != U'\n' && text[k] != U'\r') {
              return bad("fragments with text between them cannot become one span");
            }
          }
          covered += ' ';
        }
        covered += to_u8(text.substr(f.start, f.size()));
      }
      if (covered != tail)
        return bad("the text of " + id + " is \"" + tail + "\" but the .txt has \"" + covered +
                   "\" there");
      auto side = by_tid.find(id);
      if (side != by_tid.end()) a = side->second, a.category = mid.substr(0, sp);
      a.start = frags.front().start;
      a.end = frags.back().end;
      a.subtype.clear();
      a.note.clear();
      if (side == by_tid.end()) {
        a.doc = doc;
        a.author = author;
        a.created = created;
        a.source = "human";
      }
      fill_quote(a, text, sha);
      if (a.id.empty()) a.id = make_id(a);
      spans[id] = a;
      order.push_back(id);
    } else if (id[0] == 'A' || id[0] == 'M') {
      std::istringstream in(mid);
      std::string name, target, value;
      in >> name >> target >> value;
      if (!spans.count(target)) return bad("attribute for unknown span '" + target + "'");
      if (name == "Subtype") spans[target].subtype = value;
    } else if (id[0] == '#') {
      std::istringstream in(mid);
      std::string name, target;
      in >> name >> target;
      if (!spans.count(target)) return bad("note for unknown span '" + target + "'");
      // The sidecar keeps notes with line breaks; brat's copy has them flattened.
      auto side = by_tid.find(target);
      spans[target].note = side != by_tid.end() ? side->second.note : tail;
    }
    // R, E, N and * lines have no counterpart in the store; they are ignored.
  }
  for (const auto& id : order) out.push_back(spans[id]);
  sort_annotations(out);
  return out;
}

std::string to_csv(const std::vector<StoredAnnotation>& annotations) {
  std::vector<StoredAnnotation> sorted = annotations;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
    return std::tie(x.doc, x.file, x.author, x.start, x.end, x.id) <
           std::tie(y.doc, y.file, y.author, y.start, y.end, y.id);
  });
  std::string out =
      "id,doc,doc_sha256,start,end,category,subtype,author,created,status,score,source,rule,exact,"
      "prefix,"
      "suffix,note,decisions\r\n";
  for (const auto& a : sorted) {
    std::string decisions;
    for (const auto& d : a.decisions) {
      if (!decisions.empty()) decisions += " | ";
      decisions += d.action + " by " + d.by + " " + d.date + (d.ref.empty() ? "" : " " + d.ref);
    }
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", a.score);
    const std::vector<std::string> row = {a.id,
                                          a.doc,
                                          a.doc_sha256,
                                          std::to_string(a.start),
                                          std::to_string(a.end),
                                          a.category,
                                          a.subtype,
                                          a.author,
                                          a.created,
                                          to_string(a.status),
                                          score,
                                          a.source,
                                          a.rule,
                                          a.exact,
                                          a.prefix,
                                          a.suffix,
                                          a.note,
                                          decisions};
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += csv_field(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace cd::corpus
