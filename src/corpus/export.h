// corpus/export.h: the annotation store in other tools' formats, and back.
//
// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/):
// one AnnotationCollection whose first AnnotationPage holds every
// annotation, or one annotation per line (JSONL). Each annotation is
// motivated by "classifying"; its body is a TextualBody with purpose
// "classifying" and value "category" or "category/subtype" (a note is a
// second TextualBody with purpose "commenting"); its target is a
// SpecificResource on "urn:clausediff:doc:<id>" with a TextPositionSelector
// (§4.2.5, code point offsets, end exclusive) and a TextQuoteSelector
// (§4.2.4, exact + 32 code points of prefix and suffix) as alternatives, and
// a TimeState (§4.3.1) whose `cached` names the exact text version as an
// RFC 6920 hash URI (ni:///sha-256;...). What the model has no term for
// (native id, anchor status and score, machine/human, rule, decision log,
// previous anchor) travels in one extension property with an absolute IRI
// key, "urn:clausediff:record", so export then import is lossless.
// brat standoff (https://brat.nlplab.org/standoff.html): `.txt` holds the
// canonical text as UTF-8 and `.ann` T lines count code points, as brat's
// Python 3 server does, so no offset conversion is needed. brat rejects
// spans that cross a line break; such spans are written as fragments
// ("start end;start end") split at the line breaks. Subtypes become
// attributes (A lines), notes AnnotatorNotes (# lines). Everything brat
// cannot hold goes to the sidecar `<name>.ann.map.jsonl`, one line per
// annotation; annotations that cannot be placed in this text version
// (orphaned or made on another version) are only in the sidecar, with
// "brat": null, never dropped.
// CSV (RFC 4180): one row per annotation, for spreadsheets; export only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "corpus/annotation_store.h"

namespace cd::corpus {

inline constexpr const char* kW3cContext = "http://www.w3.org/ns/anno.jsonld";

std::string to_w3c_collection(const std::vector<StoredAnnotation>& annotations,
                              const std::string& label = "clausediff annotations");
std::string to_w3c_jsonl(const std::vector<StoredAnnotation>& annotations);
// Accepts an AnnotationCollection (with its first page), an AnnotationPage, a
// single Annotation, a JSON array of them, or JSONL. Annotations without our
// extension get a derived id, source "human" and status "exact".
Result<std::vector<StoredAnnotation>> from_w3c(std::string_view bytes, const std::string& path);

struct BratFiles {
  std::string txt;
  std::string ann;
  std::string map;  // sidecar JSONL
  std::size_t in_ann = 0;
  std::size_t sidecar_only = 0;
};
// `text` is the document's current canonical text.
BratFiles to_brat(const std::vector<StoredAnnotation>& annotations, std::u32string_view text);
// `doc`, `author` and `created` fill what a plain .ann (without sidecar) lacks.
Result<std::vector<StoredAnnotation>> from_brat(std::string_view txt, std::string_view ann,
                                                std::string_view map, const std::string& ann_path,
                                                const std::string& doc, const std::string& author,
                                                const std::string& created);

std::string to_csv(const std::vector<StoredAnnotation>& annotations);

}  // namespace cd::corpus
