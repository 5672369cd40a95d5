// annotate/cues.cpp: ordinals and canonical values of single cues.
#include "annotate/cues.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/utf8.h"

namespace cd::annotate {
namespace {

std::string canon(std::u32string_view s) {
  std::u32string out;
  bool space = false;
  for (char32_t c : s) {
    if (c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u2018' || c == U'\u2019' ||
        c == U'\u00AB' || c == U'\u00BB') {
      continue;
    }
    if (u_isspace(static_cast<UChar32>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(U' ');
    space = false;
    out.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
  return to_u8(out);
}

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

std::string strip_prefixes(std::string s, const std::vector<std::string>& prefixes) {
  bool again = true;
  while (again) {
    again = false;
    for (const auto& p : prefixes) {
      if (starts_with(s, p)) {
        s = s.substr(p.size());
        again = true;
      }
    }
  }
  return s;
}

std::vector<std::string> split_list(const std::string& s) {
  // "europe or north america" / "europe, north america and the pacific"
  std::vector<std::string> out;
  std::string cur;
  std::size_t i = 0;
  const auto flush = [&] {
    auto t = strip_prefixes(cur, {" ", "in ", "the ", "or ", "and "});
    while (!t.empty() && (t.back() == ' ' || t.back() == ',')) t.pop_back();
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  while (i < s.size()) {
    if (s[i] == ',') {
      flush();
      ++i;
    } else if (s.compare(i, 4, " or ") == 0 || s.compare(i, 5, " and ") == 0) {
      flush();
      i += s.compare(i, 4, " or ") == 0 ? 4 : 5;
    } else {
      cur += s[i++];
    }
  }
  flush();
  return out;
}

std::string canonical_place(std::string p) {
  static const std::map<std::string, std::string> same = {
      {"pacific", "pacific area"},
      {"pacific ocean", "pacific area"},
      {"ceasefire line", "armistice line"},
      {"cease-fire line", "armistice line"},
      {"agreed armistice line", "armistice line"},
      {"agreed ceasefire line", "armistice line"},
      {"contact line", "armistice line"},
      {"line of contact", "armistice line"},
      {"mediterranean sea", "mediterranean"},
  };
  auto it = same.find(p);
  return it == same.end() ? p : it->second;
}

std::string canonical_qualifier(std::string q) {
  std::replace(q.begin(), q.end(), ' ', '-');
  static const std::map<std::string, std::string> same = {
      {"intentional", "deliberate"}, {"prolonged", "sustained"},    {"widespread", "large-scale"},
      {"massive", "large-scale"},    {"full-scale", "large-scale"}, {"substantial", "significant"},
  };
  auto it = same.find(q);
  return it == same.end() ? q : it->second;
}

std::optional<int> number_word(const std::string& w) {
  static const std::map<std::string, int> words = {
      {"one", 1},          {"two", 2},     {"three", 3},     {"four", 4},     {"five", 5},
      {"six", 6},          {"seven", 7},   {"eight", 8},     {"nine", 9},     {"ten", 10},
      {"eleven", 11},      {"twelve", 12}, {"fourteen", 14}, {"fifteen", 15}, {"twenty", 20},
      {"twenty-five", 25}, {"thirty", 30}, {"fifty", 50},    {"sixty", 60},   {"ninety", 90}};
  if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return w.size() < 7 ? std::optional<int>(std::stoi(w)) : std::nullopt;
  }
  auto it = words.find(w);
  return it == words.end() ? std::nullopt : std::optional<int>(it->second);
}

// "valid for ten years" -> "10 years"
std::string time_limit_of(const std::string& text) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : text + " ") {
    if (c == ' ') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    auto n = number_word(words[i]);
    if (!n) continue;
    std::string unit = words[i + 1];
    if (!unit.empty() && unit.back() == 's') unit.pop_back();
    if (unit != "year" && unit != "month" && unit != "week" && unit != "day" && unit != "hour") {
      continue;
    }
    return std::to_string(*n) + " " + unit + (*n == 1 ? "" : "s");
  }
  return text;
}

}  // namespace

std::string cue_text(const Document& doc, const Annotation& a) {
  const auto n = static_cast<uint32_t>(doc.text.size());
  const uint32_t s = std::min(a.span.start, n);
  const uint32_t e = std::min(std::max(a.span.end, s), n);
  return canon(std::u32string_view(doc.text).substr(s, e - s));
}

int obligation_level(const Annotation& a) {
  if (a.category != "obligation") return 0;
  static const std::map<std::string, int> by_subtype = {
      {"obligation", 3},       {"commissive_will", 3}, {"conditional_declaration", 2},
      {"endeavour", 1},        {"recommendation", 1},  {"consult_only", 1},
      {"delegate_to_body", 1}, {"decide_only", 1},     {"coordinate_only", 1}};
  auto it = by_subtype.find(a.subtype);
  return it != by_subtype.end() ? it->second : std::clamp(a.strength, 0, 3);
}

int frame_level(const Annotation& a) {
  if (a.category != "trigger_frame") return 0;
  static const std::map<std::string, int> by_subtype = {
      {"collective_attack", 3}, {"threatening_attack", 2}, {"threat_recognition", 1}};
  auto it = by_subtype.find(a.subtype);
  return it != by_subtype.end() ? it->second : std::clamp(a.strength, 0, 3);
}

int means_level(const Annotation& a) {
  if (a.category != "means") return 0;
  static const std::map<std::string, int> by_subtype = {{"all_means", 3},
                                                        {"military_aid", 3},
                                                        {"armed_force_option", 2},
                                                        {"menu", 1},
                                                        {"non_military", 1}};
  auto it = by_subtype.find(a.subtype);
  return it != by_subtype.end() ? it->second : std::clamp(a.strength, 0, 3);
}

bool is_menu(const Annotation& a) { return a.category == "means" && a.subtype == "menu"; }

bool is_explicit_discretion(const Annotation& a) { return a.category == "discretion"; }

bool is_trigger_event(const Annotation& a) {
  return a.category == "trigger" && a.subtype == "event";
}

int event_breadth(const std::string& e) {
  static const std::map<std::string, int> breadth = {{"armed invasion", 1},
                                                     {"armed attack", 2},
                                                     {"attack", 3},
                                                     {"aggression", 3},
                                                     {"armed aggression", 3},
                                                     {"threat of aggression", 4},
                                                     {"threat or use of force", 4}};
  auto it = breadth.find(e);
  return it == breadth.end() ? 2 : it->second;
}

std::optional<double> duration_days(const std::string& t) {
  const auto sp = t.find(' ');
  if (sp == std::string::npos) return std::nullopt;
  auto n = number_word(t.substr(0, sp));
  if (!n) return std::nullopt;
  const std::string unit = t.substr(sp + 1);
  double per = 0;
  if (starts_with(unit, "year"))
    per = 365;
  else if (starts_with(unit, "month"))
    per = 30;
  else if (starts_with(unit, "week"))
    per = 7;
  else if (starts_with(unit, "day"))
    per = 1;
  else if (starts_with(unit, "hour"))
    per = 1.0 / 24;
  else
    return std::nullopt;
  return *n * per;
}

std::vector<std::string> cue_values(const Document& doc, const Annotation& a) {
  const std::string t = cue_text(doc, a);
  if (a.category == "trigger") {
    if (a.subtype == "event") {
      if (t == "act of aggression" || t == "aggression which is not an armed attack") {
        return {"aggression"};
      }
      return {t};
    }
    if (a.subtype == "intensity_qualifier") return {canonical_qualifier(t)};
    if (a.subtype == "named_adversary") {
      std::string n = strip_prefixes(t, {"by ", "the "});
      if (n == "russian federation") n = "russia";
      return {"by " + n};
    }
    return {t};
  }
  if (a.category == "geo_scope") {
    if (a.subtype == "administered_territory") {
      return {t == "on its territory" ? "own territory" : t};
    }
    if (a.subtype == "forces_extension") return {"forces, vessels or aircraft"};
    std::string s = strip_prefixes(
        t, {"in ", "within ", "on ", "against ", "upon ", "across ", "beyond ", "the "});
    if (a.subtype == "line") return {canonical_place(strip_prefixes(s, {"the "}))};
    std::vector<std::string> out;
    for (auto& p : split_list(s)) out.push_back(canonical_place(p));
    return out;
  }
  if (a.category == "temporal" && (a.subtype == "duration" || a.subtype == "deadline")) {
    return {time_limit_of(t)};
  }
  if (a.category == "obligor" || a.category == "bindingness") return {a.subtype};
  return {};
}

CueGroup gather(const Document& doc, const std::vector<std::string>& units,
                const std::vector<Annotation>& annotations) {
  std::vector<Span> spans;
  std::set<std::string> ids(units.begin(), units.end());
  // The units' spans, looked up by id (units_of() would build every unit of
  // the document for each pair: quadratic over a 5,000-article comparison).
  for (const auto& id : ids) {
    if (const Clause* c = doc.clause(id)) {
      spans.push_back(c->span.empty() ? c->body : c->span);
    } else if (const Sentence* st = doc.sentence(id)) {
      spans.push_back(st->span);
    }
  }
  std::vector<Annotation> mine;
  for (const auto& a : annotations) {
    const bool inside =
        std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.contains(a.span); });
    if (inside || (!a.unit.empty() && ids.count(a.unit))) mine.push_back(a);
  }
  std::string label;
  for (const auto& u : units) label += (label.empty() ? "" : "+") + u;
  return gather_selected(doc, label, std::move(mine));
}

CueGroup gather_selected(const Document& doc, const std::string& label,
                         std::vector<Annotation> annotations) {
  CueGroup g;
  g.annotations = std::move(annotations);
  std::sort(g.annotations.begin(), g.annotations.end(),
            [](const Annotation& x, const Annotation& y) {
              return std::tie(x.span.start, x.span.end, x.rule) <
                     std::tie(y.span.start, y.span.end, y.rule);
            });
  Profile& p = g.profile;
  p.unit = label;
  int obligation = 0, frame = 0, means = 0;
  bool menu = false, explicit_discretion = false, immediacy = false;
  std::map<std::string, int> counts;
  std::map<std::string, std::set<std::string>> sets;
  for (const auto& a : g.annotations) {
    obligation = std::max(obligation, obligation_level(a));
    frame = std::max(frame, frame_level(a));
    means = std::max(means, means_level(a));
    menu = menu || is_menu(a);
    explicit_discretion = explicit_discretion || is_explicit_discretion(a);
    if (a.category == "temporal" && a.subtype == "immediacy") immediacy = true;
    ++counts[a.category];
    const auto values = cue_values(doc, a);
    if (a.category == "trigger") {
      auto& s = sets[is_trigger_event(a) ? "trigger_events" : "trigger_restrictions"];
      s.insert(values.begin(), values.end());
    } else if (a.category == "geo_scope") {
      sets["places"].insert(values.begin(), values.end());
    } else if (a.category == "obligor") {
      sets["obligors"].insert(values.begin(), values.end());
    } else if (a.category == "bindingness") {
      sets["bindingness"].insert(values.begin(), values.end());
    } else if (a.category == "temporal" && !values.empty()) {
      sets["time_limits"].insert(values.begin(), values.end());
    } else if (a.category == "discretion") {
      sets["discretion_cues"].insert(a.subtype);
    } else if (a.category == "hedge") {
      sets["hedges"].insert(a.subtype);
    } else if (a.category == "vagueness") {
      sets["vagueness"].insert(a.subtype);
    } else if (a.category == "exception") {
      sets["exceptions"].insert(a.subtype);
    }
  }
  // A permissive menu makes every listed means optional, armed force included;
  // only an "all the means" formula survives it.
  if (menu && means < 3) means = 1;
  int discretion = 0;
  if (explicit_discretion) {
    discretion = 2;
  } else if (obligation >= 2 && means < 3) {
    discretion = 1;  // a substantive duty whose content nobody fixed
  }
  p.slots["obligation"] = obligation;
  p.slots["trigger_frame"] = frame;
  p.slots["means"] = means;
  p.slots["discretion"] = discretion;
  p.slots["immediacy"] = immediacy ? 1 : 0;
  for (const char* c : {"prohibition", "permission", "domestic_process", "procedure", "exception",
                        "hedge", "vagueness"}) {
    p.slots[c] = counts[c];
  }
  p.slots["time_limit"] = static_cast<int>(sets["time_limits"].size());
  for (auto& [k, v] : sets) {
    if (!v.empty()) p.sets[k] = std::vector<std::string>(v.begin(), v.end());
  }
  return g;
}

}  // namespace cd::annotate
