// Runs corpus files through the fuzz target without libFuzzer, so the corpus is a ctest test
// (under ASan/UBSan in a sanitizer build). Arguments: files or directories (not recursive).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern const char* g_foldmark_fuzz_input_name;

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> collect(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int k = 1; k < argc; ++k) {
    const fs::path p(argv[k]);
    if (fs::is_directory(p)) {
      for (const auto& e : fs::directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fuzz_replay CORPUS_DIR_OR_FILE...\n");
    return 2;
  }
  const std::vector<fs::path> files = collect(argc, argv);
  double slowest = 0;
  std::string slowest_name;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", f.c_str());
      return 1;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string name = f.string();
    g_foldmark_fuzz_input_name = name.c_str();
    const auto t0 = std::chrono::steady_clock::now();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s > slowest) {
      slowest = s;
      slowest_name = f.filename().string();
    }
  }
  g_foldmark_fuzz_input_name = nullptr;
  if (files.empty()) {
    std::fprintf(stderr, "fuzz_replay: no inputs found\n");
    return 1;
  }
  std::printf("fuzz_replay: %zu inputs, 0 violations (slowest %s: %.3f s)\n", files.size(),
              slowest_name.c_str(), slowest);
  return 0;
}
