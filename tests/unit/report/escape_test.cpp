#include <doctest/doctest.h>

#include "report/escape.h"

using cd::report::html_escape;

TEST_CASE("html_escape replaces the five HTML-significant characters") {
  CHECK(html_escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("\"><img onerror>") == "&quot;&gt;&lt;img onerror&gt;");
}

TEST_CASE("html_escape keeps tab, newline and non-ASCII text") {
  CHECK(html_escape("a\tb\nc") == "a\tb\nc");
  CHECK(html_escape("\u201CPlatinum\u201D \u2014 \u0423\u043A\u0440\u0430\u0457\u043D\u0430") ==
        "\u201CPlatinum\u201D \u2014 \u0423\u043A\u0440\u0430\u0457\u043D\u0430");
  CHECK(html_escape("") == "");
}

TEST_CASE("html_escape turns control characters into U+FFFD") {
  CHECK(html_escape(std::string("a\x01"
                                "b",
                                3)) == "a\uFFFDb");
  CHECK(html_escape(std::string("\x00", 1)) == "\uFFFD");
  CHECK(html_escape("x\x1b[31my") == "x\uFFFD[31my");
  CHECK(html_escape("\r\x7f") == "\uFFFD\uFFFD");
  CHECK(html_escape("\u0085") == "\uFFFD");  // C1 control (NEL)
  CHECK(html_escape("\uFFFE\uFDD0") == "\uFFFD\uFFFD");
}

TEST_CASE("html_escape repairs invalid UTF-8 instead of passing it on") {
  CHECK(html_escape("a\xff"
                    "b") == "a\uFFFDb");
  CHECK(html_escape("\xc3") == "\uFFFD");
}
