// tests/unit/report/json_writer_test.cpp: the streaming writer gives the same
// bytes as nlohmann's dump(2), which the other renderers and the goldens use.
#include "report/json_writer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>

#include "core/utf8.h"

using namespace cd;
using Json = nlohmann::ordered_json;

namespace {

std::string nlohmann_dump(const Json& j) {
  return j.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace);
}

// Writes `j` through JsonWriter (strings as text() or string() by turns).
void write(report::JsonWriter& w, const Json& j, bool& as_text) {
  if (j.is_object()) {
    w.begin_object();
    for (const auto& [k, v] : j.items()) {
      w.key(k);
      write(w, v, as_text);
    }
    w.end_object();
  } else if (j.is_array()) {
    w.begin_array();
    for (const auto& v : j) write(w, v, as_text);
    w.end_array();
  } else if (j.is_string()) {
    as_text = !as_text;
    if (as_text) {
      w.text(to_u32(j.get<std::string>()));
    } else {
      w.string(j.get<std::string>());
    }
  } else if (j.is_number_unsigned()) {
    w.number(j.get<uint64_t>());
  } else if (j.is_number_integer()) {
    w.number(j.get<int64_t>());
  } else if (j.is_number_float()) {
    w.number(j.get<double>());
  } else if (j.is_boolean()) {
    w.boolean(j.get<bool>());
  } else {
    w.null();
  }
}

std::string ours(const Json& j) {
  std::string out;
  report::JsonWriter w(out);
  bool as_text = false;
  write(w, j, as_text);
  return out;
}

}  // namespace

TEST_CASE("JsonWriter: same bytes as nlohmann dump(2)") {
  Json j;
  j["op"] = "equal";
  j["old_start"] = 0u;
  j["neg"] = -3;
  j["text"] =
      "Article 5\n\t\"quoted\" back\\slash \x01\x1f \x7f caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80";
  j["empty_array"] = Json::array();
  j["empty_object"] = Json::object();
  j["nested"] = Json::array({Json::object(), Json::array({1, 2}), nullptr, true, false});
  j["similarity"] = Json::array({1.0, 0.5, 0.873, 0.001, 0.0, 1e-7, 123456789.0, 0.1 + 0.2});
  CHECK(ours(j) == nlohmann_dump(j));
  CHECK(ours(Json::array()) == "[]");
  CHECK(ours(Json::object()) == "{}");
}

TEST_CASE("JsonWriter: random documents match nlohmann") {
  std::mt19937 rng(7);
  std::function<Json(int)> gen = [&](int depth) -> Json {
    const int kind = static_cast<int>(rng() % (depth > 3 ? 5 : 7));
    switch (kind) {
      case 0:
        return static_cast<uint64_t>(rng());
      case 1:
        return static_cast<double>(rng() % 100000) / 1000.0;
      case 2: {
        std::string s;
        const char* parts[] = {"a", " ", "\n", "\"", "\\", "\x02", "\xC3\xA9", "\xE2\x80\x94"};
        for (int i = static_cast<int>(rng() % 6); i > 0; --i) s += parts[rng() % 8];
        return s;
      }
      case 3:
        return nullptr;
      case 4:
        return rng() % 2 == 0;
      case 5: {
        Json a = Json::array();
        for (int i = static_cast<int>(rng() % 4); i > 0; --i) a.push_back(gen(depth + 1));
        return a;
      }
      default: {
        Json o = Json::object();
        for (int i = static_cast<int>(rng() % 4); i > 0; --i)
          o["k" + std::to_string(i)] = gen(depth + 1);
        return o;
      }
    }
  };
  for (int n = 0; n < 300; ++n) {
    const Json j = gen(0);
    REQUIRE(ours(j) == nlohmann_dump(j));
  }
}

TEST_CASE("JsonWriter: invalid UTF-8 in a string becomes U+FFFD, NaN becomes null") {
  std::string out;
  report::JsonWriter w(out);
  w.begin_array();
  w.string(
      "a\xFF"
      "b");
  w.number(std::nan(""));
  w.string_or_null("");
  w.end_array();
  CHECK(out ==
        "[\n  \"a\xEF\xBF\xBD"
        "b\",\n  null,\n  null\n]");
}
