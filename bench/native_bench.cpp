// The native reference for the benchmark: times foldmark::to_html / render in-process on the
// same corpus files as the wasm run, so process start-up and file reading are never counted.
// Usage: native_bench html|render SECONDS FILE...   prints one JSON line: {"mbps":…,"iters":…}
// BENCH_CLOCK=wall times elapsed time; otherwise the process's CPU time, as bench/run.mjs does.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "foldmark/foldmark.h"

namespace {

using Clock = std::chrono::steady_clock;

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// One pass over every input; returns the output bytes so the work cannot be optimised away.
// render does what the JS render() asks of the core: the article, its fields as JSON and its
// HTML; JSON-LD is left to be built on first access there, so it is left out here too.
std::size_t run_once(bool html, const std::vector<std::string>& inputs) {
  foldmark::Options article_options;
  article_options.json_ld = false;
  std::size_t produced = 0;
  for (const auto& in : inputs) {
    if (html) {
      produced += foldmark::to_html(in).html.size();
    } else {
      const foldmark::Article a = foldmark::render(in, article_options);
      produced += foldmark::article_fields_json(a).size() + a.html.size();
    }
  }
  return produced;
}

bool wall_clock() {
  const char* clock = std::getenv("BENCH_CLOCK");
  return clock != nullptr && std::string(clock) == "wall";
}

double now_seconds() {
  if (wall_clock()) return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

double seconds_since(double t0) {
  return now_seconds() - t0;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // glibc maps blocks above its thresholds fresh for each call and returns them on free, so the
  // reference timed page faults: 69 against 155 MB/s on the Docusaurus corpus for the same code,
  // depending only on where a change moved the allocation sizes. Kept mapped, it times the engine.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  if (argc < 4) {
    std::fputs("usage: native_bench html|render SECONDS FILE...\n", stderr);
    return 2;
  }
  const bool html = std::string(argv[1]) == "html";
  const double target = std::atof(argv[2]);
  std::vector<std::string> inputs(static_cast<std::size_t>(argc - 3));
  std::size_t bytes = 0;
  for (int i = 3; i < argc; ++i) {
    if (!read_file(argv[i], inputs[static_cast<std::size_t>(i - 3)])) {
      std::fprintf(stderr, "native_bench: cannot read %s\n", argv[i]);
      return 1;
    }
    bytes += inputs[static_cast<std::size_t>(i - 3)].size();
  }
  // Warm caches and the allocator the way the JS side's earlier rounds do.
  std::size_t sink = 0;
  const double warm = now_seconds();
  while (seconds_since(warm) < target / 5) sink += run_once(html, inputs);
  long iters = 0;
  const double t0 = now_seconds();
  double elapsed = 0;
  do {
    sink += run_once(html, inputs);
    ++iters;
    elapsed = seconds_since(t0);
  } while (elapsed < target);
  const double mbps = static_cast<double>(bytes) * static_cast<double>(iters) / elapsed / 1e6;
  std::printf("{\"mbps\":%.3f,\"iters\":%ld,\"seconds\":%.4f,\"out\":%zu}\n", mbps, iters, elapsed,
              sink);
  return 0;
}
