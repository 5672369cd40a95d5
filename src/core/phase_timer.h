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
    std::fprintf(stderr, "timing %s %-12s %.3f s  peak %ld MiB\n", scope_, what,
                 std::chrono::duration<double>(now - t_).count(), peak_mib());
    t_ = now;
  }

 private:
  // Peak resident memory so far (Linux /proc/self/status VmHWM), -1 elsewhere.
  static long peak_mib() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (f == nullptr) return -1;
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, f) != nullptr) {
      if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
    }
    std::fclose(f);
    return kb < 0 ? -1 : kb / 1024;
  }
  const char* scope_;
  bool on_ = std::getenv("CLAUSEDIFF_TIMING") != nullptr;
  std::chrono::steady_clock::time_point t_ = std::chrono::steady_clock::now();
};

}  // namespace cd
