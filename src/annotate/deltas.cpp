// annotate/deltas.cpp: what changed in what the text commits to, B against A.
//
// One function per taxonomy dimension, called in taxonomy order. Each reads
// the two CueGroups (annotations + profile) and emits at most one delta --
// except trigger, which can be narrowed and widened at once (Budapest para 4
// adds "threat of aggression" and "nuclear weapons are used"); then both are
// emitted, narrowed first. Silence is not a change: a dimension that one side
// does not mention at all (no cue) only counts where the taxonomy says its
// absence means something (no immediacy, no procedure, no exception...).
// Decisions on the open cases:
// - geo_scope: B names no place where A names one: widened when B is a legal
//   text that states the trigger (its trigger holds anywhere); no delta when
//   B is a report or does not state the trigger (it may just not say).
// - trigger: "attack" alone is wider than "armed attack" in legal text; a
//   report's "attack" is read as shorthand for the same event (paraphrase).
// - paraphrase: same value on both sides, different words.
#include <algorithm>
#include <functional>
#include <set>

#include "annotate/annotate.h"
#include "annotate/cues.h"
#include "core/utf8.h"

namespace cd::annotate {
namespace {

struct Side {
  const Document* doc = nullptr;
  CueGroup g;
  int slot(const std::string& k) const {
    auto it = g.profile.slots.find(k);
    return it == g.profile.slots.end() ? 0 : it->second;
  }
  std::set<std::string> set(const std::string& k) const {
    auto it = g.profile.sets.find(k);
    return it == g.profile.sets.end() ? std::set<std::string>{}
                                      : std::set<std::string>(it->second.begin(), it->second.end());
  }
  std::vector<const Annotation*> cues(const std::function<bool(const Annotation&)>& keep) const {
    std::vector<const Annotation*> out;
    for (const auto& a : g.annotations) {
      if (keep(a)) out.push_back(&a);
    }
    return out;
  }
  std::vector<const Annotation*> of(const std::string& category) const {
    return cues([&](const Annotation& a) { return a.category == category; });
  }
};

std::vector<Span> spans_of(const std::vector<const Annotation*>& as) {
  std::vector<Span> out;
  for (const auto* a : as) out.push_back(a->span);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// “text” of each cue (as written, whitespace collapsed), at most three.
std::string quote(const Side& s, const std::vector<const Annotation*>& as, int most = 3) {
  std::string out;
  std::set<std::string> seen;
  int n = 0;
  for (const auto* a : as) {
    std::string t = s.doc->utf8(a->span);
    std::string c;
    bool sp = false;
    for (char ch : t) {
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
        sp = !c.empty();
        continue;
      }
      if (sp) c += ' ';
      sp = false;
      c += ch;
    }
    if (c.size() > 90) c = c.substr(0, 87) + "…";
    if (!seen.insert(c).second) continue;
    if (n == most) {
      out += ", …";
      break;
    }
    out += (n ? ", “" : "“") + c + "”";
    ++n;
  }
  return out.empty() ? "(nothing)" : out;
}

std::set<std::string> texts(const Side& s, const std::vector<const Annotation*>& as) {
  std::set<std::string> out;
  for (const auto* a : as) out.insert(cue_text(*s.doc, *a));
  return out;
}

Delta make(const std::string& dim, const std::string& change,
           const std::vector<const Annotation*>& a, const std::vector<const Annotation*>& b,
           std::string explanation) {
  Delta d;
  d.dimension = dim;
  d.change = change;
  d.a_evidence = spans_of(a);
  d.b_evidence = spans_of(b);
  d.explanation = std::move(explanation);
  return d;
}

template <typename T>
std::vector<T> concat(std::vector<T> x, const std::vector<T>& y) {
  x.insert(x.end(), y.begin(), y.end());
  return x;
}

using Out = std::vector<Delta>;

// Same value, different words.
void maybe_paraphrase(Out& out, const std::string& dim, const Side& A, const Side& B,
                      const std::vector<const Annotation*>& a,
                      const std::vector<const Annotation*>& b, const std::string& what) {
  if (a.empty() || b.empty() || texts(A, a) == texts(B, b)) return;
  out.push_back(make(dim, "paraphrase", a, b,
                     "Both say the same about " + what + " in different words: A " + quote(A, a) +
                         ", B " + quote(B, b) + "."));
}

const char* obligation_words(int level) {
  switch (level) {
    case 3:
      return "a firm undertaking";
    case 2:
      return "a conditional declaration of intent";
    case 1:
      return "only a duty to try, consult, recommend or decide";
    default:
      return "no stated duty to act";
  }
}

void obligation(Out& out, const Side& A, const Side& B) {
  const int la = A.slot("obligation"), lb = B.slot("obligation");
  const auto top = [](const Side& s, int level) {
    return s.cues([&](const Annotation& x) { return obligation_level(x) == level && level > 0; });
  };
  auto a = top(A, la), b = top(B, lb);
  if (la == lb) {
    if (la > 0) maybe_paraphrase(out, "obligation", A, B, a, b, "the force of the commitment");
    return;
  }
  // A promise to decide is only understood with what is to be decided.
  const auto with_decider = [](const Side& s, std::vector<const Annotation*> v) {
    const bool decide = std::any_of(
        v.begin(), v.end(), [](const Annotation* x) { return x->subtype == "decide_only"; });
    if (decide) {
      v = concat(v, s.cues([](const Annotation& x) {
        return x.category == "discretion" && x.subtype == "decider";
      }));
    }
    return v;
  };
  a = with_decider(A, a);
  b = with_decider(B, b);
  const bool weaker = lb < la;
  std::string e = std::string("B commits ") + (weaker ? "less" : "more") + " than A: A has " +
                  obligation_words(la) + (a.empty() ? "" : " (" + quote(A, a) + ")") + ", B " +
                  obligation_words(lb) + (b.empty() ? "" : " (" + quote(B, b) + ")") + ".";
  out.push_back(make("obligation", weaker ? "weakened" : "strengthened", a, b, e));
}

void prohibition(Out& out, const Side& A, const Side& B) {
  auto a = A.of("prohibition"), b = B.of("prohibition");
  if (a.empty() == b.empty()) return;
  if (b.empty()) {
    out.push_back(
        make("prohibition", "removed", a, b, "B drops A's prohibition " + quote(A, a) + "."));
  } else {
    out.push_back(make("prohibition", "added", a, b, "B adds a prohibition: " + quote(B, b) + "."));
  }
}

const char* frame_words(int level) {
  switch (level) {
    case 3:
      return "treats the attack as an attack on every party";
    case 2:
      return "treats it only as an attack threatening others' peace and security";
    case 1:
      return "only recognises the attack as dangerous to the guarantor";
    default:
      return "does not construe the attack at all";
  }
}

void trigger_frame(Out& out, const Side& A, const Side& B) {
  const int la = A.slot("trigger_frame"), lb = B.slot("trigger_frame");
  auto a = A.of("trigger_frame"), b = B.of("trigger_frame");
  if (la == lb) {
    maybe_paraphrase(out, "trigger_frame", A, B, a, b, "how the attack is construed");
    return;
  }
  std::string change = la == 0   ? "added"
                       : lb == 0 ? "removed"
                       : lb > la ? "strengthened"
                                 : "weakened";
  std::string e;
  if (lb == 0) {
    e = "B no longer construes the attack: A " + std::string(frame_words(la)) + " (" + quote(A, a) +
        "), B states the duty directly.";
  } else {
    e = "A " + std::string(frame_words(la)) + (a.empty() ? "" : " (" + quote(A, a) + ")") + "; B " +
        frame_words(lb) + " (" + quote(B, b) + ").";
  }
  out.push_back(make("trigger_frame", change, a, b, e));
}

int max_breadth(const std::set<std::string>& events) {
  int m = 0;
  for (const auto& e : events) m = std::max(m, event_breadth(e));
  return m;
}

void trigger(Out& out, const Side& A, const Side& B) {
  auto all_a = A.of("trigger"), all_b = B.of("trigger");
  if (all_a.empty() || all_b.empty()) return;  // one side does not state the trigger
  const auto ra = A.set("trigger_restrictions"), rb = B.set("trigger_restrictions");
  const auto ea = A.set("trigger_events"), eb = B.set("trigger_events");
  const auto events = [](const Side& s) { return s.cues(is_trigger_event); };
  const auto restriction_cues = [](const Side& s, const std::set<std::string>& only) {
    return s.cues([&](const Annotation& x) {
      if (x.category != "trigger" || is_trigger_event(x)) return false;
      for (const auto& v : cue_values(*s.doc, x)) {
        if (only.count(v)) return true;
      }
      return false;
    });
  };
  std::set<std::string> added, removed;
  std::set_difference(rb.begin(), rb.end(), ra.begin(), ra.end(),
                      std::inserter(added, added.end()));
  std::set_difference(ra.begin(), ra.end(), rb.begin(), rb.end(),
                      std::inserter(removed, removed.end()));
  int ba = max_breadth(ea), bb = max_breadth(eb);
  if (ba && bb && ba != bb && (A.doc->is_report() || B.doc->is_report())) {
    // A report's bare "attack" abbreviates the instrument's "armed attack".
    const bool only_shorthand = (ea.count("attack") || eb.count("attack")) &&
                                std::min(ba, bb) == event_breadth("armed attack") &&
                                std::max(ba, bb) == event_breadth("attack");
    if (only_shorthand) ba = bb;
  }
  const bool narrower_event = ba && bb && bb < ba;
  const bool wider_event = ba && bb && bb > ba;
  if (!added.empty() || narrower_event) {
    auto b = restriction_cues(B, added);
    if (narrower_event) b = concat(b, events(B));
    std::string e = "Fewer events count in B: ";
    if (!added.empty()) e += "it adds " + quote(B, restriction_cues(B, added), 8);
    if (narrower_event) {
      e += std::string(added.empty() ? "its " : " and its ") + quote(B, events(B)) +
           " is narrower than";
    } else {
      e += " to";
    }
    e += " A's " + quote(A, events(A)) + ".";
    out.push_back(make("trigger", "narrowed", events(A), b, e));
  }
  if (!removed.empty() || wider_event) {
    auto a = concat(restriction_cues(A, removed), events(A));
    std::string e = "More events count in B: ";
    if (wider_event) e += quote(B, events(B)) + " is wider than A's " + quote(A, events(A));
    if (!removed.empty()) {
      e += std::string(wider_event ? ", and it" : "it") + " drops A's restriction " +
           quote(A, restriction_cues(A, removed));
    }
    e += ".";
    out.push_back(make("trigger", "widened", a, events(B), e));
  }
  if (added.empty() && removed.empty() && ba == bb) {
    maybe_paraphrase(out, "trigger", A, B, all_a, all_b, "the triggering event");
  }
}

void geo_scope(Out& out, const Side& A, const Side& B) {
  const auto pa = A.set("places"), pb = B.set("places");
  auto a = A.of("geo_scope"), b = B.of("geo_scope");
  if (pa.empty() && pb.empty()) return;
  if (pa == pb) {
    maybe_paraphrase(out, "geo_scope", A, B, a, b, "where the attack must happen");
    return;
  }
  if (pb.empty()) {
    if (B.doc->is_report() || B.of("trigger").empty()) return;
    out.push_back(make(
        "geo_scope", "widened", a, b,
        "B sets no place limit on the attack, where A requires it to happen " + quote(A, a) + "."));
    return;
  }
  if (pa.empty()) {
    out.push_back(make("geo_scope", "narrowed", a, b,
                       "B limits where the attack must happen (" + quote(B, b) +
                           "), where A sets no place limit."));
    return;
  }
  const bool b_in_a = std::includes(pa.begin(), pa.end(), pb.begin(), pb.end());
  const bool a_in_b = std::includes(pb.begin(), pb.end(), pa.begin(), pa.end());
  if (b_in_a) {
    out.push_back(
        make("geo_scope", "narrowed", a, b,
             "B covers fewer places: " + quote(B, b) + " instead of A's " + quote(A, a) + "."));
  } else if (a_in_b) {
    out.push_back(
        make("geo_scope", "widened", a, b,
             "B covers more places: " + quote(B, b) + " instead of A's " + quote(A, a) + "."));
  } else {
    out.push_back(
        make("geo_scope", "changed", a, b,
             "B covers different places: " + quote(B, b) + " instead of A's " + quote(A, a) + "."));
  }
}

void discretion(Out& out, const Side& A, const Side& B) {
  const int la = A.slot("discretion"), lb = B.slot("discretion");
  auto a = A.of("discretion"), b = B.of("discretion");
  // A side that states no duty at all says nothing about who decides it.
  const auto silent = [](const Side& s, int level) {
    return level == 0 && s.slot("obligation") == 0;
  };
  if (silent(A, la) || silent(B, lb)) return;
  if (la == 2 && lb == 2) {
    const auto sa = A.set("discretion_cues"), sb = B.set("discretion_cues");
    std::set<std::string> fresh;
    std::set_difference(sb.begin(), sb.end(), sa.begin(), sa.end(),
                        std::inserter(fresh, fresh.end()));
    if (!fresh.empty()) {
      auto nb = B.cues([&](const Annotation& x) {
        return x.category == "discretion" && fresh.count(x.subtype);
      });
      out.push_back(make("discretion", "added", a, nb,
                         "B leaves more to the obligor's judgement: " + quote(B, nb) +
                             ", beyond A's " + quote(A, a) + "."));
    } else {
      maybe_paraphrase(out, "discretion", A, B, a, b, "who decides what the duty requires");
    }
    return;
  }
  if (la == lb) return;
  if (lb > la) {
    const std::string e =
        lb == 2
            ? "B lets the obligor decide what the response is (" + quote(B, b) + "), where A " +
                  (la == 1 ? "fixes no content but names no decider" : "fixes what is owed") + "."
            : "B states a duty without saying what it requires, so the obligor decides "
              "implicitly, where A fixes what is owed.";
    out.push_back(make("discretion", "added", a, b, e));
  } else if (lb == 1) {
    out.push_back(
        make("discretion", "implicit", a, b,
             "B drops A's explicit discretion " + quote(A, a) +
                 " but fixes no content either, so the obligor still decides what to do."));
  } else {
    auto fixed = B.cues([](const Annotation& x) { return means_level(x) == 3; });
    out.push_back(make(
        "discretion", "removed", a, fixed,
        "B fixes what is owed" + (fixed.empty() ? std::string() : " (" + quote(B, fixed) + ")") +
            " instead of leaving it to the obligor's judgement as A does (" + quote(A, a) + ")."));
  }
}

const char* means_words(int level) {
  switch (level) {
    case 3:
      return "all the means in their power";
    case 2:
      return "armed force named as an option";
    case 1:
      return "only a permissive list or non-military means";
    default:
      return "no means named";
  }
}

void means(Out& out, const Side& A, const Side& B) {
  const int la = A.slot("means"), lb = B.slot("means");
  auto a = A.of("means"), b = B.of("means");
  if (la == lb) {
    if (la > 0) maybe_paraphrase(out, "means", A, B, a, b, "what the assistance consists of");
    return;
  }
  out.push_back(make("means", lb > la ? "strengthened" : "weakened", a, b,
                     "A owes " + std::string(means_words(la)) +
                         (a.empty() ? "" : " (" + quote(A, a) + ")") + ", B " + means_words(lb) +
                         (b.empty() ? "" : " (" + quote(B, b) + ")") + "."));
}

// Dimensions whose mere presence matters.
void presence(Out& out, const std::string& dim, const std::vector<const Annotation*>& a,
              const std::vector<const Annotation*>& b, const Side& A, const Side& B,
              const std::string& what) {
  if (a.empty() && b.empty()) return;
  if (!a.empty() && !b.empty()) {
    maybe_paraphrase(out, dim, A, B, a, b, what);
    return;
  }
  if (b.empty()) {
    out.push_back(make(dim, "removed", a, b, "B drops " + what + " " + quote(A, a) + "."));
  } else {
    out.push_back(make(dim, "added", a, b, "B adds " + what + ": " + quote(B, b) + "."));
  }
}

std::optional<double> shortest(const std::set<std::string>& limits) {
  std::optional<double> best;
  for (const auto& l : limits) {
    auto d = duration_days(l);
    if (d && (!best || *d < *best)) best = d;
  }
  return best;
}

void time_limit(Out& out, const Side& A, const Side& B) {
  const auto is_limit = [](const Annotation& x) {
    return x.category == "temporal" && (x.subtype == "duration" || x.subtype == "deadline");
  };
  auto a = A.cues(is_limit), b = B.cues(is_limit);
  if (a.empty() && b.empty()) return;
  if (a.empty() || b.empty()) {
    presence(out, "time_limit", a, b, A, B, "a time limit");
    return;
  }
  auto da = shortest(A.set("time_limits")), db = shortest(B.set("time_limits"));
  if (da && db && *da != *db) {
    const bool shorter = *db < *da;
    out.push_back(make("time_limit", shorter ? "shortened" : "lengthened", a, b,
                       "B's time limit " + quote(B, b) + " is " + (shorter ? "shorter" : "longer") +
                           " than A's " + quote(A, a) + "."));
  }
}

void obligor(Out& out, const Side& A, const Side& B) {
  const auto oa = A.set("obligors"), ob = B.set("obligors");
  auto a = A.of("obligor"), b = B.of("obligor");
  if (oa.empty() || ob.empty()) return;
  if (oa == ob) {
    maybe_paraphrase(out, "obligor", A, B, a, b, "who is bound");
    return;
  }
  out.push_back(
      make("obligor", "changed", a, b,
           "A different party is bound: A names " + quote(A, a) + ", B " + quote(B, b) + "."));
}

void bindingness(Out& out, const Side& A, const Side& B) {
  const auto sa = A.set("bindingness"), sb = B.set("bindingness");
  if (sa.empty() || sb.empty() || sa == sb) return;
  auto a = A.of("bindingness"), b = B.of("bindingness");
  out.push_back(make("bindingness", "changed", a, b,
                     "The legal form differs: A " + quote(A, a) + ", B " + quote(B, b) + "."));
}

// Hedges and vagueness: new kinds of cue on B are added, lost kinds removed.
void kinds(Out& out, const std::string& dim, const std::string& set_name, const Side& A,
           const Side& B, const std::string& what) {
  const auto sa = A.set(set_name), sb = B.set(set_name);
  if (sa == sb) return;
  std::set<std::string> fresh, lost;
  std::set_difference(sb.begin(), sb.end(), sa.begin(), sa.end(),
                      std::inserter(fresh, fresh.end()));
  std::set_difference(sa.begin(), sa.end(), sb.begin(), sb.end(), std::inserter(lost, lost.end()));
  auto a = A.of(dim), b = B.of(dim);
  if (!fresh.empty()) {
    auto nb =
        B.cues([&](const Annotation& x) { return x.category == dim && fresh.count(x.subtype); });
    out.push_back(make(dim, "added", a, nb, "B adds " + what + ": " + quote(B, nb) + "."));
  } else {
    auto na =
        A.cues([&](const Annotation& x) { return x.category == dim && lost.count(x.subtype); });
    out.push_back(make(dim, "removed", na, b, "B drops A's " + what + " " + quote(A, na) + "."));
  }
}

}  // namespace

std::vector<Delta> deltas(const Document& a, const std::vector<std::string>& a_units,
                          const std::vector<Annotation>& a_annotations, const Document& b,
                          const std::vector<std::string>& b_units,
                          const std::vector<Annotation>& b_annotations) {
  Side A{&a, gather(a, a_units, a_annotations)};
  Side B{&b, gather(b, b_units, b_annotations)};
  Out out;
  obligation(out, A, B);
  prohibition(out, A, B);
  trigger_frame(out, A, B);
  trigger(out, A, B);
  geo_scope(out, A, B);
  discretion(out, A, B);
  means(out, A, B);
  presence(out, "domestic_process", A.of("domestic_process"), B.of("domestic_process"), A, B,
           "a domestic constitutional step");
  const auto immediacy = [](const Annotation& x) {
    return x.category == "temporal" && x.subtype == "immediacy";
  };
  presence(out, "immediacy", A.cues(immediacy), B.cues(immediacy), A, B,
           "the demand for immediate action");
  time_limit(out, A, B);
  presence(out, "procedure", A.of("procedure"), B.of("procedure"), A, B,
           "a step required before any response");
  presence(out, "exception", A.of("exception"), B.of("exception"), A, B,
           "an exception or savings clause");
  obligor(out, A, B);
  bindingness(out, A, B);
  kinds(out, "hedge", "hedges", A, B, "hedging");
  kinds(out, "vagueness", "vagueness", A, B, "vague wording");
  return out;
}

}  // namespace cd::annotate
