// core/phase_timer.h: wall-clock phase timings on stderr, for benchmarks.
//
// Off unless the environment variable CLAUSEDIFF_TIMING is set, so that
// normal output stays deterministic; bench/ scripts set it to see where a
// command spends its time. Not a profiler: one line per lap, nothing kept.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace cd {

class PhaseTimer {
 public:
  explicit PhaseTimer(const char* scope) : scope_(scope) {}
  void lap(const char* what) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "timing %s %-12s %.3f s\n", scope_, what,
                 std::chrono::duration<double>(now - t_).count());
    t_ = now;
  }

 private:
  const char* scope_;
  bool on_ = std::getenv("CLAUSEDIFF_TIMING") != nullptr;
  std::chrono::steady_clock::time_point t_ = std::chrono::steady_clock::now();
};

}  // namespace cd
