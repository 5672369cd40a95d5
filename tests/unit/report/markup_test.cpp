#include <doctest/doctest.h>

#include "core/utf8.h"
#include "report/markup.h"

namespace {

cd::Document doc_of(const char* text) {
  cd::Document d;
  d.text = cd::to_u32(text);
  return d;
}

cd::report::Mark mark(uint32_t s, uint32_t e, const std::string& name, int layer = 0) {
  cd::report::Mark m;
  m.span = {s, e};
  m.open_first = "<" + name + " id>";
  m.open_more = "<" + name + ">";
  m.close = "</" + name + ">";
  m.after = "[" + name + "]";
  m.layer = layer;
  return m;
}

}  // namespace

TEST_CASE("render_marked nests disjoint and contained marks directly") {
  const auto d = doc_of("armed attack by Russia");
  const auto out = cd::report::render_marked(d, {0, 22}, {mark(0, 12, "x"), mark(6, 12, "y")});
  CHECK(out == "<x id>armed <y id>attack</y>[y]</x>[x] by Russia");
}

TEST_CASE("render_marked splits crossing marks and keeps the id on the first fragment") {
  const auto d = doc_of("abcdef");
  // x = [0,4), y = [2,6): y must close at 4 and reopen as a continuation.
  const auto out = cd::report::render_marked(d, {0, 6}, {mark(0, 4, "x"), mark(2, 6, "y")});
  CHECK(out == "<x id>ab<y id>cd</y></x>[x]<y>ef</y>[y]");
}

TEST_CASE("render_marked clips to the range, drops empty marks and escapes text") {
  const auto d = doc_of("a<b>&c");
  const auto out = cd::report::render_marked(d, {1, 5}, {mark(0, 3, "x"), mark(4, 4, "e")});
  CHECK(out == "<x id>&lt;b</x>[x]&gt;&amp;");
}

TEST_CASE("render_marked orders equal spans by layer") {
  const auto d = doc_of("forthwith");
  const auto out =
      cd::report::render_marked(d, {0, 9}, {mark(0, 9, "inner", 2), mark(0, 9, "outer", 0)});
  CHECK(out == "<outer id><inner id>forthwith</inner>[inner]</outer>[outer]");
}
