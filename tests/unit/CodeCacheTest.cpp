//===- CodeCacheTest.cpp - The code cache's trust checks and key recipe ---===//
#include "runtime/CodeCache.h"
#include "runtime/CachedProgram.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace weft;
namespace fs = std::filesystem;

namespace {

/// A fresh, missing directory for one test.
std::string freshDirectory(const std::string &name) {
  fs::path p = fs::temp_directory_path() /
               ("weft-cache-test-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(p);
  return p.string();
}

/// What `f` writes on stderr (file descriptor 2).
std::string stderrOf(const std::function<void()> &f) {
  fs::path path = fs::temp_directory_path() /
                  ("weft-cache-test-stderr-" + std::to_string(getpid()));
  std::fflush(stderr);
  int saved = ::dup(2);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  ::dup2(fd, 2);
  ::close(fd);
  f();
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  fs::remove(path);
  return ss.str();
}

unsigned modeOf(const std::string &path) {
  struct stat st;
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string entryPath(const std::string &dir, const cache::Key &key) {
  return (fs::path(dir) / (key.digest() + ".o")).string();
}

std::string readAll(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int countOf(const std::string &text, const std::string &what) {
  int n = 0;
  for (size_t p = text.find(what); p != std::string::npos;
       p = text.find(what, p + 1))
    ++n;
  return n;
}

/// The key of the object code for `function(argTypes)` of `source`, as
/// the embedding engine compiles it.
std::string entryKey(const std::string &source, const std::string &function,
                     std::vector<Type> argTypes, CompileOptions co = {},
                     JITOptions jit = {}) {
  Compilation c("k.weft", source, co);
  c.requestEntries({{function, std::move(argTypes), nullptr}});
  REQUIRE(c.analyze());
  REQUIRE(c.entries()[0].instance);
  jit.exports = {c.entries()[0].instance->symbol};
  return programKey(c, jit).text();
}

std::string scriptKey(const std::string &source, CompileOptions co = {},
                      JITOptions jit = {}) {
  Compilation c("s.weft", source, co);
  REQUIRE(c.analyze());
  return programKey(c, jit).text();
}

const Type kF64 = Type::scalar(ScalarKind::F64);

} // namespace

TEST_CASE("cache entries: private modes, their own key only", "[cache]") {
  std::string dir = freshDirectory("modes");
  std::string sub = (fs::path(dir) / "sub").string();
  cache::Key a, b;
  a.add("program A");
  b.add("program B");
  mode_t oldMask = ::umask(0);
  bool stored = cache::store(a, "object of A", sub);
  ::umask(oldMask);
  REQUIRE(stored);
  CHECK(modeOf(dir) == 0700);
  CHECK(modeOf(sub) == 0700);
  CHECK(modeOf(entryPath(sub, a)) == 0600);
  CHECK(cache::load(a, sub) == std::optional<std::string>("object of A"));
  CHECK(!cache::load(b, sub));
  // A's entry copied to B's file name: B never gets A's object.
  fs::copy_file(entryPath(sub, a), entryPath(sub, b));
  CHECK(!cache::load(b, sub));
  // The whole key text is in the entry.
  CHECK(readAll(entryPath(sub, a)).find(a.text()) != std::string::npos);
  // Corrupt the object: the checksum catches it.
  {
    std::fstream f(entryPath(sub, a),
                   std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-3, std::ios::end);
    f.write("XYZ", 3);
  }
  CHECK(!cache::load(a, sub));
  // store() replaces the bad entry.
  REQUIRE(cache::store(a, "object of A", sub));
  CHECK(cache::load(a, sub) == std::optional<std::string>("object of A"));
  cache::remove(a, sub);
  CHECK(!fs::exists(entryPath(sub, a)));
  fs::remove_all(dir);
}

TEST_CASE("a link planted at a temporary path is not followed", "[cache]") {
  std::string dir = freshDirectory("links");
  std::string victim = dir + "-victim";
  { std::ofstream(victim) << "precious"; }
  cache::Key key;
  key.add("linked");
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all);
  // Links at every temporary name this process would use next.
  std::string entry = entryPath(dir, key);
  for (int n = 0; n < 2000; ++n)
    fs::create_symlink(victim, entry + ".tmp." + std::to_string(getpid()) +
                                   "." + std::to_string(n));
  cache::store(key, "object", dir);
  CHECK(readAll(victim) == "precious");
  CHECK(!fs::exists(entry)); // every name was taken: nothing stored
  for (int n = 0; n < 2000; ++n)
    CHECK(fs::is_symlink(entry + ".tmp." + std::to_string(getpid()) + "." +
                         std::to_string(n)));
  fs::remove_all(dir);
  fs::remove(victim);
}

TEST_CASE("directories others can write are refused with one warning",
          "[cache]") {
  cache::Key key;
  key.add("shared");
  for (auto mode : {0770, 0707, 01777}) {
    std::string dir = freshDirectory("mode" + std::to_string(mode));
    fs::create_directories(dir);
    REQUIRE(::chmod(dir.c_str(), mode) == 0);
    std::string err = stderrOf([&] {
      CHECK(!cache::store(key, "object", dir));
      CHECK(!cache::load(key, dir));
      CHECK(!cache::store(key, "object", dir));
    });
    CHECK(err == "weft: warning: the code cache directory '" + dir +
                     "' is writable by group or others; the program is "
                     "compiled without it\n");
    CHECK(fs::is_empty(dir));
    fs::remove_all(dir);
  }
}

TEST_CASE("a directory or an entry of another user is refused", "[cache]") {
  if (::geteuid() != 0) {
    WARN("skipped: only root can give a file to another user");
    return;
  }
  cache::Key key;
  key.add("foreign");
  std::string dir = freshDirectory("foreign");
  fs::create_directories(dir);
  REQUIRE(::chmod(dir.c_str(), 0700) == 0);
  REQUIRE(::chown(dir.c_str(), 65534, -1) == 0);
  std::string err = stderrOf([&] {
    CHECK(!cache::store(key, "object", dir));
    CHECK(!cache::load(key, dir));
  });
  CHECK(err == "weft: warning: the code cache directory '" + dir +
                   "' belongs to another user; the program is compiled "
                   "without it\n");
  CHECK(fs::is_empty(dir));
  // The directory is the user's, the entry is not.
  REQUIRE(::chown(dir.c_str(), ::geteuid(), -1) == 0);
  REQUIRE(cache::store(key, "object", dir));
  std::string entry = entryPath(dir, key);
  REQUIRE(::chown(entry.c_str(), 65534, -1) == 0);
  err = stderrOf([&] { CHECK(!cache::load(key, dir)); });
  CHECK(err == "weft: warning: the code cache entry '" + entry +
                   "' belongs to another user; it is ignored\n");
  fs::remove_all(dir);
}

TEST_CASE("entries that are not plain, private, bounded files are refused",
          "[cache]") {
  cache::Key key;
  key.add("odd entries");
  std::string dir = freshDirectory("odd");
  REQUIRE(cache::store(key, "object", dir));
  std::string entry = entryPath(dir, key);
  auto refused = [&](const std::string &why) {
    auto t0 = std::chrono::steady_clock::now();
    std::string err = stderrOf([&] { CHECK(!cache::load(key, dir)); });
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    CHECK(err == "weft: warning: the code cache entry '" + entry + "' " + why +
                     "; it is ignored\n");
  };
  // Writable by others.
  REQUIRE(::chmod(entry.c_str(), 0606) == 0);
  refused("is writable by group or others");
  // A FIFO: no blocking open, no read.
  fs::remove(entry);
  REQUIRE(::mkfifo(entry.c_str(), 0600) == 0);
  refused("is not a regular file");
  // A link to /dev/zero: not followed.
  fs::remove(entry);
  fs::create_symlink("/dev/zero", entry);
  refused("is a symbolic link");
  // A sparse file past the bound: refused before reading.
  fs::remove(entry);
  { std::ofstream(entry) << ""; }
  REQUIRE(::chmod(entry.c_str(), 0600) == 0);
  fs::resize_file(entry, cache::kMaxEntryBytes + 1);
  refused("is larger than 1 GiB");
  // store() puts a good entry in place of any of them.
  REQUIRE(cache::store(key, "object", dir));
  CHECK(cache::load(key, dir) == std::optional<std::string>("object"));
  fs::remove_all(dir);
}

TEST_CASE("the key covers decorator options and every function compiled",
          "[cache]") {
  std::string sq = "def sq(x: f64) -> f64:\n    return x * x\n\n";
  std::string f = "def f(x: f64) -> f64:\n    return x + 1.0\n\n";
  // @jit(boundscheck=True) and fastmath=True: another key.
  std::string pick = "def pick(a: f64[:], i: i64) -> f64:\n    return a[i]\n";
  std::vector<Type> pickArgs = {Type::array(ScalarKind::F64, 1),
                                Type::scalar(ScalarKind::I64)};
  std::string plain = entryKey(pick, "pick", pickArgs);
  CHECK(entryKey("@jit(boundscheck=True)\n" + pick, "pick", pickArgs) != plain);
  CHECK(entryKey("@jit(fastmath=True)\n" + pick, "pick", pickArgs) != plain);
  // grad(sq): the generated gradient follows sq.
  std::string dsq = "def dsq(x: f64) -> f64:\n    return grad(sq)(x)\n";
  std::string cube = "def sq(x: f64) -> f64:\n    return x * x * x\n\n";
  CHECK(entryKey(sq + dsq, "dsq", {kF64}) !=
        entryKey(cube + dsq, "dsq", {kF64}));
  std::string vdsq = "def vdsq(x: f64) -> f64:\n"
                     "    v, d = value_and_grad(sq)(x)\n    return d\n";
  CHECK(entryKey(sq + vdsq, "vdsq", {kF64}) !=
        entryKey(cube + vdsq, "vdsq", {kF64}));
  // vmap(f) and a @vectorize function: the mapped function's text.
  std::string g = "def g(a: f64[:]) -> f64[:]:\n    return vmap(f)(a)\n";
  std::string f2 = "def f(x: f64) -> f64:\n    return x + 2.0\n\n";
  std::vector<Type> arr = {Type::array(ScalarKind::F64, 1)};
  CHECK(entryKey(f + g, "g", arr) != entryKey(f2 + g, "g", arr));
  std::string h = "def h(a: f64[:]) -> f64[:]:\n    return v(a)\n";
  std::string v1 = "@vectorize\ndef v(x: f64) -> f64:\n    return x + 1.0\n\n";
  std::string v2 = "@vectorize\ndef v(x: f64) -> f64:\n    return x + 2.0\n\n";
  CHECK(entryKey(v1 + h, "h", arr) != entryKey(v2 + h, "h", arr));
  // A function not reached leaves the key alone.
  CHECK(entryKey(f + sq + dsq, "dsq", {kF64}) ==
        entryKey(f2 + sq + dsq, "dsq", {kF64}));
  // A module constant the code folds in, and a function's line (which its
  // run-time errors name), do not.
  std::string n3 = "N = 3\n", n4 = "N = 4\n";
  std::string twice = "def twice() -> i64:\n    return N * 2\n";
  CHECK(entryKey(n3 + twice, "twice", {}) != entryKey(n4 + twice, "twice", {}));
  CHECK(entryKey(sq + dsq, "dsq", {kF64}) !=
        entryKey("\n" + sq + dsq, "dsq", {kF64}));
  // Another signature, another key.
  std::string u = "def u(x):\n    return x + 1\n";
  CHECK(entryKey(u, "u", {kF64}) !=
        entryKey(u, "u", {Type::scalar(ScalarKind::I64)}));
}

TEST_CASE("the key covers every compile and JIT option", "[cache]") {
  std::string src = "x = 21\nassert x * 22 == 462\n";
  std::string base = scriptKey(src);
  CHECK(scriptKey(src) == base);
  CHECK(scriptKey(src + "\n") != base);
  auto withOptions = [&](const std::function<void(CompileOptions &)> &set) {
    CompileOptions co;
    set(co);
    return scriptKey(src, co);
  };
  CHECK(withOptions([](CompileOptions &o) { o.optLevel = 1; }) != base);
  CHECK(withOptions([](CompileOptions &o) { o.boundscheck = true; }) != base);
  CHECK(withOptions([](CompileOptions &o) { o.fastmath = true; }) != base);
  CHECK(withOptions([](CompileOptions &o) { o.metrics = true; }) != base);
  CHECK(withOptions([](CompileOptions &o) { o.gpuArch = "sm_90"; }) != base);
  JITOptions jit;
  jit.optLevel = 0;
  CHECK(scriptKey(src, {}, jit) != base);
  jit = {};
  jit.vectorMath = true;
  CHECK(scriptKey(src, {}, jit) != base);
  CHECK(base.find(cache::hostAndCompilerIdentity()) != std::string::npos);
}

TEST_CASE("an entry that does not load is compiled over, never an error",
          "[cache]") {
  std::string dir = freshDirectory("fallback");
  std::string src = "x = 21\nassert x * 22 == 462\n";
  CacheUse use;
  use.directory = dir;
  use.entryPoints = {"__weft_main"};
  cache::Key key;
  {
    Compilation c("s.weft", src);
    REQUIRE(c.analyze());
    key = programKey(c, {});
  }
  // Right key, right checksum, not an object file.
  REQUIRE(cache::store(key, "garbage, not an object file", dir));
  auto run = [&](ProgramOrigin expected) {
    Compilation c("s.weft", src);
    ProgramOrigin origin;
    std::string error;
    std::unique_ptr<JITProgram> p =
        compileThroughCache(c, JITOptions{}, use, origin, error);
    REQUIRE(p);
    CHECK(origin == expected);
    CHECK(p->run(error) == RunStatus::Ok);
  };
  run(ProgramOrigin::Compiled);
  std::optional<std::string> object = cache::load(key, dir);
  REQUIRE(object);
  CHECK(*object != "garbage, not an object file");
  run(ProgramOrigin::Cache);

  // A real object, but without the entry point asked for: compiled over.
  std::string two = "def f(x: f64) -> f64:\n    return x + 1.0\n\n"
                    "def g(x: f64) -> f64:\n    return x + 2.0\n";
  auto entry = [&](const std::string &name, ProgramOrigin &origin) {
    Compilation c("m.weft", two);
    c.requestEntries({{name, {kF64}, nullptr}});
    REQUIRE(c.analyze());
    JITOptions jit;
    jit.exports = {c.entries()[0].instance->symbol};
    CacheUse u = use;
    u.entryPoints = {"__weft_packed_" + jit.exports[0]};
    std::string error;
    std::unique_ptr<JITProgram> p =
        compileThroughCache(c, jit, u, origin, error);
    CHECK(p);
    return programKey(c, jit);
  };
  ProgramOrigin origin;
  cache::Key keyF = entry("f", origin);
  cache::Key keyG = entry("g", origin);
  std::optional<std::string> objectG = cache::load(keyG, dir);
  REQUIRE(objectG);
  REQUIRE(cache::store(keyF, *objectG, dir));
  entry("f", origin);
  CHECK(origin == ProgramOrigin::Compiled);
  entry("f", origin);
  CHECK(origin == ProgramOrigin::Cache);
  fs::remove_all(dir);
}
