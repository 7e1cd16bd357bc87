//===- LifetimeTest.cpp - Module lifetime and thread counts of the engine -===//
#include <catch2/catch.hpp>

#include "MetricsJson.h"

#include <weft/weft.h>
#include <weft/weft.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define WEFT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WEFT_TEST_ASAN 1
#endif
#endif
#ifdef WEFT_TEST_ASAN
// The sanitizer runtime's (sanitizer/allocator_interface.h, which gcc
// does not install).
extern "C" size_t __sanitizer_get_current_allocated_bytes(void);
#endif

namespace fs = std::filesystem;

namespace {

/// What a leaked module keeps: memory mappings (all, and the anonymous
/// executable ones, which hold JIT code) and memory in use.
struct Footprint {
  long mappings = 0, codeMappings = 0, memory = 0;
};

Footprint footprint() {
  Footprint f;
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    std::istringstream fields(line);
    std::string range, perms, offset, device, inode, path;
    fields >> range >> perms >> offset >> device >> inode >> path;
    ++f.mappings;
    f.codeMappings += perms.size() > 2 && perms[2] == 'x' && path.empty();
  }
#ifdef WEFT_TEST_ASAN
  // ASan's quarantine keeps freed memory resident: count live heap bytes.
  f.memory = static_cast<long>(__sanitizer_get_current_allocated_bytes());
#else
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0)
      f.memory = std::stol(line.substr(6)) * 1024;
#endif
  return f;
}

/// Checks that the footprint stayed within a few mappings and 8 MiB of
/// `start` (leaking, each cycle kept about 4 code mappings, 12 mappings
/// and 340 KB).
void checkBounded(const Footprint &start) {
  Footprint now = footprint();
  INFO("mappings " << start.mappings << " -> " << now.mappings
                   << ", code mappings " << start.codeMappings << " -> "
                   << now.codeMappings << ", memory " << start.memory << " -> "
                   << now.memory);
  CHECK(now.codeMappings - start.codeMappings <= 2);
#ifndef WEFT_TEST_ASAN // ASan maps large blocks it holds in quarantine
  CHECK(now.mappings - start.mappings <= 4);
#endif
  CHECK(now.memory - start.memory < 8L << 20);
}

std::string lifetimeCache(const std::string &name) {
  fs::path p = fs::temp_directory_path() /
               ("weft-lifetime-test-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(p);
  return p.string();
}

// Several functions (compiled in partitions), a parallel loop and an
// array result: each module gets two specialisations.
const char *kModule = R"(
def total(a: f64[:]) -> f64:
    return sum(a)

def doubled(a: f64[:]) -> f64[:]:
    return a * 2.0

def count(n: i64) -> f64:
    s = 0.0
    for i in prange(n):
        s += 1.0
    return s

def run(n: i64) -> f64[:]:
    return doubled(ones(n)) * (total(ones(n)) + count(n))
)";

const int kCycles = 300;

} // namespace

TEST_CASE("destroying a module releases its machine code and mappings",
          "[embed][lifetime]") {
  std::string dir = lifetimeCache("cpp");
  weft::Options o;
  o.cacheDirectory = dir; // after the first cycle each load is a cache hit
  o.timeCalls = true;     // the counters stay bounded too
  weft::Engine e(o);
  Footprint start;
  weft::Array kept; // an array result outlives its module
  for (int i = 0; i < kCycles; ++i) {
    {
      weft::Module m = e.compile(kModule, "lifetime.weft");
      weft::Array r = m.function("run")(4).array();
      REQUIRE(r.at<double>(3) == 16.0);
      REQUIRE(m.function("count")(5).as<double>() == 5.0);
      if (i == 0)
        kept = r;
    }
    if (i == 9) // after the first cycles' one-time allocations
      start = footprint();
  }
  checkBounded(start);
  CHECK(kept.at<double>(0) == 16.0);
  // The counters stay; the specialisations of destroyed modules are gone.
  weft::Metrics mt = e.metrics();
  CHECK(mt.compilations + mt.cacheHits == 2 * kCycles);
  CHECK(mt.calls == 2 * kCycles);
  llvm::json::Value doc = weft_test::parseMetrics(mt.json);
  const llvm::json::Object *top = doc.getAsObject();
  REQUIRE(top);
  REQUIRE(top->getArray("specializations"));
  CHECK(top->getArray("specializations")->empty());
  fs::remove_all(dir);
}

TEST_CASE("the C API: weft_module_destroy releases the module's code",
          "[embed][lifetime]") {
  std::string dir = lifetimeCache("c");
  weft_options o{};
  o.cache_directory = dir.c_str();
  o.opt_level = -1;
  weft_engine *e = nullptr;
  REQUIRE(weft_engine_create(&o, &e) == WEFT_OK);
  Footprint start;
  for (int i = 0; i < kCycles; ++i) {
    weft_module *m = nullptr;
    REQUIRE(weft_compile(e, kModule, "lifetime.weft", &m) == WEFT_OK);
    weft_arg n = weft_i64(4);
    weft_value r;
    REQUIRE(weft_call(m, "run", &n, 1, &r) == WEFT_OK);
    REQUIRE(r.kind == weft_value::WEFT_ARRAY);
    REQUIRE(static_cast<double *>(weft_array_data(r.array))[3] == 16.0);
    weft_module_destroy(m);
    weft_array_release(r.array); // after its module: a heap buffer
    if (i == 9)
      start = footprint();
  }
  checkBounded(start);
  weft_engine_destroy(e);
  fs::remove_all(dir);
}

TEST_CASE("thread counts outside 1 to 4096 are refused", "[embed][threads]") {
  auto engineError = [](int threads) -> std::string {
    weft::Options o;
    o.cache = false;
    o.threads = threads;
    try {
      weft::Engine e(o);
    } catch (const weft::Error &err) {
      return err.what();
    }
    return "";
  };
  CHECK(engineError(100000) ==
        "weft::Engine: the number of threads must be from 1 to 4096 (0: "
        "WEFT_NUM_THREADS, else all cores), not 100000");
  CHECK(engineError(-1) ==
        "weft::Engine: the number of threads must be from 1 to 4096 (0: "
        "WEFT_NUM_THREADS, else all cores), not -1");
  // With threads = 0 the environment decides, and is checked the same way.
  for (const char *bad : {"100000", "0", "-5", "8 threads"}) {
    setenv("WEFT_NUM_THREADS", bad, 1);
    CHECK(engineError(0) == std::string("weft::Engine: WEFT_NUM_THREADS "
                                        "needs a number of threads from 1 "
                                        "to 4096, not '") +
                                bad + "'");
  }
  // The C API reports the same message with WEFT_ERROR.
  setenv("WEFT_NUM_THREADS", "100000", 1);
  weft_options co{};
  co.no_cache = 1;
  co.opt_level = -1;
  weft_engine *e = nullptr;
  CHECK(weft_engine_create(&co, &e) == WEFT_ERROR);
  CHECK(e == nullptr);
  CHECK(std::string(weft_last_error()) ==
        "weft::Engine: WEFT_NUM_THREADS needs a number of threads from 1 to "
        "4096, not '100000'");
  unsetenv("WEFT_NUM_THREADS");
  co.threads = 5000;
  CHECK(weft_engine_create(&co, &e) == WEFT_ERROR);
  CHECK(std::string(weft_last_error()).find("not 5000") != std::string::npos);
  co.threads = 0; // all cores
  REQUIRE(weft_engine_create(&co, &e) == WEFT_OK);
  weft_engine_destroy(e);
}

TEST_CASE("an engine's thread count holds on every host thread, and only "
          "for its calls",
          "[embed][threads]") {
  // libomp is loaded with libweft: the host's own OpenMP setting.
  auto maxThreads =
      reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "omp_get_max_threads"));
  REQUIRE(maxThreads != nullptr);
  int hostThreads = maxThreads();
  weft::Options o;
  o.cache = false;
  o.threads = 1;
  o.timeCalls = true; // the metrics report the calls' thread count
  weft::Engine one(o);
  CHECK(maxThreads() == hostThreads); // not changed by the engine
  weft::Module m = one.compile(R"(
def work(n):
    s = 0.0
    for i in prange(n):
        s += sqrt(i * 0.5)
    return s
)",
                               "work.weft");
  weft::Function work = m.function("work");
  // From a thread the engine was not made on, a long parallel loop runs
  // on that thread alone: other threads use next to no CPU time meanwhile
  // (with two threads, a worker would do half the work). Earlier tests'
  // OpenMP workers stop spinning 200 ms after their last region.
  auto cpuSeconds = [](clockid_t clock) {
    timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
  };
  double othersShare = 1;
  std::thread other([&] {
    work(int64_t(1000));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    double p0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    double t0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    double r = work(int64_t(100000000)).as<double>();
    double mine = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - t0;
    double all = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - p0;
    othersShare = (all - mine) / all;
    CHECK(r > 0);
  });
  other.join();
  CHECK(othersShare < 0.2);
  CHECK(maxThreads() == hostThreads);
  CHECK(one.metrics().json.find("\"threads\": 1") != std::string::npos);
}

namespace {
/// Calls made from a host thread's thread_local destructor, which runs
/// after the runtime may have cleaned up other per-thread state.
struct CallsAtThreadExit {
  std::function<void()> call;
  ~CallsAtThreadExit() {
    if (call)
      call();
  }
};
thread_local CallsAtThreadExit tAtExit;
} // namespace

TEST_CASE("calls from a thread's thread_local destructors keep their own "
          "errors",
          "[embed][threads]") {
  weft::Engine e;
  weft::Module m = e.compile(R"(
def spread(n: i64, z: i64) -> i64:
    s = 0
    for i in prange(n):
        s += i // z
    return s
)",
                             "exit.weft");
  auto spread = m.function("spread").typed<int64_t(int64_t, int64_t)>();
  std::string inThread, atExit;
  int64_t okAtExit = -1;
  std::thread t([&] {
    // A failing parallel loop, then calls after the thread's other
    // thread_local state is gone: a good one, then a failing one.
    try {
      spread(100000, 0);
    } catch (const weft::RuntimeError &x) {
      inThread = x.what();
    }
    tAtExit.call = [&] {
      okAtExit = spread(100, 1);
      try {
        spread(100000, 0);
      } catch (const weft::RuntimeError &x) {
        atExit = x.what();
      }
    };
  });
  t.join();
  CHECK(inThread == "exit.weft:5: ZeroDivisionError: integer division or "
                    "modulo by zero");
  CHECK(okAtExit == 4950);
  CHECK(atExit == inThread);
}
