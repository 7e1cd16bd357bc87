//===- EmbedTest.cpp - The C++ and C embedding APIs -----------------------===//
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <weft/weft.h>
#include <weft/weft.hpp>

#include "MetricsJson.h"

#include <atomic>
#include <complex>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// A fresh cache directory per test.
std::string freshCache(const std::string &name) {
  fs::path p = fs::temp_directory_path() /
               ("weft-embed-test-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(p);
  return p.string();
}

weft::Options options(const std::string &cacheDir, bool cache = true) {
  weft::Options o;
  o.cacheDirectory = cacheDir;
  o.cache = cache;
  return o;
}

const char *kSource = R"(
def scale(a, k):
    a[:] = a * k

def total(a):
    return sum(a)

def first_over(a: f64[:], t: f64) -> i64:
    for i in range(len(a)):
        if a[i] > t:
            return i
    return -1

def divide(x: f64, y: f64) -> f64:
    return x / y

def outer2(n: i64) -> f64[:, :]:
    return outer(arange(n) * 1.0, arange(n) * 1.0)
)";

} // namespace

TEST_CASE("one function, several signatures, each compiled once", "[embed]") {
  weft::Options o = options(freshCache("sig"), false);
  o.timeCalls = true;
  weft::Engine e(o);
  weft::Module m = e.compile(kSource, "k.weft");
  std::vector<double> d = {1, 2, 3};
  std::vector<float> f = {1, 2, 3};
  std::vector<int64_t> i = {1, 2, 3};
  weft::ArrayView<double, 1> dv(d.data(), {3});
  weft::ArrayView<float, 1> fv(f.data(), {3});
  weft::ArrayView<int64_t, 1> iv(i.data(), {3});
  CHECK(m.function("total")(dv).as<double>() == 6.0);
  CHECK(m.function("total")(fv).as<double>() == 6.0);
  CHECK(m.function("total")(iv).as<int64_t>() == 6);
  CHECK(m.function("total")(dv).as<double>() == 6.0);
  m.function("scale")(dv, 2.5);
  CHECK(d == std::vector<double>{2.5, 5, 7.5});
  weft::Metrics mt = e.metrics();
  CHECK(mt.compilations == 4); // total x3, scale x1
  CHECK(mt.calls == 5);
  CHECK(mt.json.find("\"signature\": \"total(f32[:])\"") != std::string::npos);
  // Calls per function, in the "run" format of weft run --metrics=json.
  CHECK(weft_test::runEntryInt(mt.json, "total", "calls") == 4);
  CHECK(mt.json.find("\"median_seconds\": ") != std::string::npos);
}

TEST_CASE("calls are not timed unless asked", "[embed]") {
  weft::Engine e(options(freshCache("untimed"), false));
  weft::Module m = e.compile(kSource);
  std::vector<double> d = {1, 2, 3};
  weft::ArrayView<double, 1> dv(d.data(), {3});
  CHECK(m.function("total")(dv).as<double>() == 6.0);
  weft::Metrics mt = e.metrics();
  CHECK(mt.compilations == 1); // compiles are always measured
  CHECK(mt.calls == 0);
  CHECK(mt.json.find("{\"name\": \"total\"") == std::string::npos);
}

TEST_CASE("metrics count parallel regions when asked", "[embed]") {
  weft::Options o = options(freshCache("regions"), false);
  o.metrics = true;
  weft::Engine e(o);
  weft::Module m = e.compile(kSource);
  std::vector<double> d(100000, 1.0);
  weft::ArrayView<double, 1> dv(d.data(), {100000});
  m.function("scale")(dv, 2.0); // one parallel array statement
  m.function("scale")(dv, 2.0);
  std::string json = e.metrics().json;
  CHECK(weft_test::runEntryInt(json, "scale", "calls") == 2);
  CHECK(weft_test::runEntryInt(json, "scale", "parallel_regions") == 2);
}

TEST_CASE("writes land in caller memory through strided views", "[embed]") {
  weft::Engine e(options(freshCache("view"), false));
  weft::Module m = e.compile(kSource);
  // Column 1 of a 3 x 4 row-major matrix: stride 4.
  std::vector<double> mat(12, 1.0);
  weft::ArrayView<double, 1> col(mat.data() + 1, {3}, {4});
  m.function("scale")(col, 10.0);
  std::vector<double> want(12, 1.0);
  want[1] = want[5] = want[9] = 10.0;
  CHECK(mat == want);
  // A reversed view (negative stride) and a 2-D transposed view.
  std::vector<double> v = {1, 2, 3, 4};
  weft::ArrayView<double, 1> rev(v.data() + 3, {4}, {-1});
  CHECK(m.function("first_over")(rev, 2.5).as<int64_t>() == 0);
  CHECK(m.function("first_over")(rev, 3.5).as<int64_t>() == 0);
  CHECK(m.function("first_over")(rev, 4.0).as<int64_t>() == -1);
  weft::ArrayView<double, 2> t(mat.data(), {4, 3}, {1, 4});
  m.function("scale")(t, 0.5);
  CHECK(mat[1] == 5.0);
  CHECK(mat[0] == 0.5);
}

TEST_CASE("array results are owned and can be passed back", "[embed]") {
  weft::Engine e(options(freshCache("own"), false));
  weft::Module m = e.compile(kSource);
  weft::Array a = m.function("outer2")(3).array();
  CHECK(a.rank() == 2);
  CHECK(a.shape(0) == 3);
  CHECK(a.at<double>(2, 2) == 4.0);
  weft::Array copy = a; // shares the buffer
  CHECK(m.function("total")(copy).as<double>() == 9.0);
  m.function("scale")(a, 2.0);
  CHECK(copy.at<double>(1, 2) == 4.0);
}

TEST_CASE("tuple results: numbers and arrays of every layout", "[embed]") {
  weft::Engine e(options(freshCache("tuple"), false));
  weft::Module m = e.compile(R"(
def stats(a, flag: bool):
    return a.sum(), a * 2.0, (flag, i32(7)), a.shape[0], f32(0.5)
)");
  std::vector<double> d = {1, 2, 3};
  weft::ArrayView<double, 1> dv(d.data(), {3});
  weft::Value r = m.function("stats")(dv, true);
  REQUIRE(r.kind() == weft::Value::Kind::Tuple);
  const std::vector<weft::Value> &v = r.elements();
  REQUIRE(v.size() == 5);
  CHECK(v[0].as<double>() == 6.0);
  CHECK(v[1].array().at<double>(2) == 6.0);
  REQUIRE(v[2].kind() == weft::Value::Kind::Tuple);
  CHECK(v[2].elements()[0].as<bool>());
  CHECK(v[2].elements()[1].as<int>() == 7);
  CHECK(v[3].as<int64_t>() == 3);
  CHECK(v[4].as<double>() == 0.5);
  CHECK_THROWS_AS(v[0].elements(), weft::CallError);

  // The C API: the same tuple, released with weft_value_release.
  weft_value c{};
  weft_options o{};
  o.no_cache = 1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, "def two(n):\n    return arange(n) * 1.0, n + 1\n",
                       "t.weft", &cm) == WEFT_OK);
  weft_arg n = weft_i64(4);
  REQUIRE(weft_call(cm, "two", &n, 1, &c) == WEFT_OK);
  REQUIRE(c.kind == weft_value::WEFT_TUPLE);
  REQUIRE(c.count == 2);
  CHECK(c.elements[0].kind == weft_value::WEFT_ARRAY);
  CHECK(static_cast<double *>(weft_array_data(c.elements[0].array))[3] == 3.0);
  CHECK(c.elements[1].integer == 5);
  weft_value_release(&c);
  CHECK(c.kind == weft_value::WEFT_NONE);
  weft_module_destroy(cm);
  weft_engine_destroy(ce);
}

TEST_CASE("a namedtuple result names its class, C++ and C", "[embed]") {
  weft::Engine e(options(freshCache("record"), false));
  const char *src = R"(
Point = namedtuple("Point", ["x", "y"])
def mid(a: f64, b: f64):
    return Point((a + b) / 2.0, b), (a, b)
)";
  weft::Module m = e.compile(src);
  weft::Value r = m.function("mid")(1.0, 2.0);
  REQUIRE(r.kind() == weft::Value::Kind::Tuple);
  CHECK(r.recordName().empty());
  const std::vector<weft::Value> &v = r.elements();
  CHECK(v[0].recordName() == "Point");
  CHECK(v[0].elements()[0].as<double>() == 1.5);
  CHECK(v[1].recordName().empty());

  weft_options o{};
  o.no_cache = 1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, src, "p.weft", &cm) == WEFT_OK);
  weft_arg args[2] = {weft_f64(1.0), weft_f64(2.0)};
  weft_value c{};
  REQUIRE(weft_call(cm, "mid", args, 2, &c) == WEFT_OK);
  REQUIRE(c.kind == weft_value::WEFT_TUPLE);
  CHECK(c.record_name == nullptr);
  REQUIRE(c.elements[0].record_name != nullptr);
  CHECK(std::string(c.elements[0].record_name) == "Point");
  CHECK(c.elements[1].record_name == nullptr);
  weft_value_release(&c); // (the names too)
  CHECK(c.kind == weft_value::WEFT_NONE);
  weft_module_destroy(cm);
  weft_engine_destroy(ce);
}

TEST_CASE("errors are exceptions and the engine stays usable", "[embed]") {
  weft::Engine e(options(freshCache("err"), false));
  // Annotated functions are checked by compile(), generic ones (as in
  // Numba) when a call fixes their types.
  try {
    e.compile("def f(x: f64) -> f64:\n    return y\n", "bad.weft");
    FAIL("no error");
  } catch (const weft::CompileError &err) {
    CHECK(std::string(err.what())
              .find("bad.weft:2:12: error: name 'y' is "
                    "not defined") != std::string::npos);
  }
  weft::Module generic = e.compile("def f(x):\n    return y\n", "g.weft");
  CHECK_THROWS_AS(generic.function("f")(1.0), weft::CompileError);
  weft::Module m = e.compile(kSource, "k.weft");
  std::vector<double> d = {1, 2};
  weft::ArrayView<double, 1> dv(d.data(), {2});
  CHECK_THROWS_AS(m.function("nope"), weft::CallError);
  CHECK_THROWS_AS(m.function("total")(dv, 1.0), weft::CallError);
  std::vector<int64_t> i = {1, 2};
  weft::ArrayView<int64_t, 1> iv(i.data(), {2});
  try {
    m.function("first_over")(iv, 1.0);
    FAIL("no error");
  } catch (const weft::CallError &err) {
    CHECK(std::string(err.what())
              .find("argument 1 of 'first_over' must be "
                    "f64[:], the host passed i64[:]") != std::string::npos);
  }
  try {
    m.function("divide")(1.0, 0.0);
    FAIL("no error");
  } catch (const weft::RuntimeError &err) {
    CHECK(std::string(err.what()) ==
          "k.weft:15: ZeroDivisionError: division by zero");
  }
  CHECK(m.function("divide")(1.0, 4.0).as<double>() == 0.25);
}

TEST_CASE("the on-disk cache: hits, invalidation, corrupt entries", "[embed]") {
  std::string dir = freshCache("disk");
  std::vector<double> d = {1, 2, 3};
  weft::ArrayView<double, 1> dv(d.data(), {3});
  {
    weft::Engine e(options(dir));
    CHECK(e.compile(kSource).function("total")(dv).as<double>() == 6.0);
    CHECK(e.metrics().compilations == 1);
  }
  {
    weft::Engine e(options(dir)); // as a second process would
    CHECK(e.compile(kSource).function("total")(dv).as<double>() == 6.0);
    CHECK(e.metrics().cacheHits == 1);
    CHECK(e.metrics().compilations == 0);
    CHECK(e.metrics().json.find("\"stage\": \"codegen\"") == std::string::npos);
  }
  // A callee's source changes: the caller's entry no longer applies.
  const char *v1 = "def g(x):\n    return x + 1.0\n\n"
                   "def f(x: f64) -> f64:\n    return g(x) * 2.0\n";
  const char *v2 = "def g(x):\n    return x + 2.0\n\n"
                   "def f(x: f64) -> f64:\n    return g(x) * 2.0\n";
  {
    weft::Engine e(options(dir));
    CHECK(e.compile(v1).function("f")(1.0).as<double>() == 4.0);
  }
  {
    weft::Engine e(options(dir));
    CHECK(e.compile(v2).function("f")(1.0).as<double>() == 6.0);
    CHECK(e.metrics().compilations == 1);
  }
  // Corrupt every entry: ignored and rebuilt, never trusted.
  for (auto &entry : fs::directory_iterator(dir)) {
    std::fstream f(entry.path(),
                   std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(40);
    f.write("garbage!", 8);
  }
  {
    weft::Engine e(options(dir));
    CHECK(e.compile(kSource).function("total")(dv).as<double>() == 6.0);
    CHECK(e.metrics().compilations == 1);
    CHECK(e.metrics().cacheHits == 0);
  }
  // Truncated entries likewise.
  for (auto &entry : fs::directory_iterator(dir))
    fs::resize_file(entry.path(), 30);
  {
    weft::Engine e(options(dir));
    CHECK(e.compile(kSource).function("total")(dv).as<double>() == 6.0);
    CHECK(e.metrics().compilations == 1);
  }
  fs::remove_all(dir);
}

TEST_CASE("one engine from many threads: compiling and calling", "[embed]") {
  weft::Options o = options(freshCache("threads"), false);
  o.timeCalls = true; // the timing's counters under concurrent calls
  weft::Engine e(o);
  weft::Module m = e.compile(kSource);
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int r = 0; r < 3; ++r) {
        // Each thread uses its own buffer; the dtype varies with the
        // thread, so signatures compile concurrently with calls.
        if (t % 2 == 0) {
          std::vector<double> d(1000, 1.0);
          weft::ArrayView<double, 1> v(d.data(), {1000});
          m.function("scale")(v, 2.0);
          if (m.function("total")(v).as<double>() != 2000.0)
            ++bad;
        } else {
          std::vector<float> f(1000, 1.0f);
          weft::ArrayView<float, 1> v(f.data(), {1000});
          if (m.function("total")(v).as<double>() != 1000.0)
            ++bad;
        }
        try {
          m.function("divide")(1.0, 0.0);
          ++bad;
        } catch (const weft::RuntimeError &) {
        }
      }
    });
  for (auto &th : threads)
    th.join();
  CHECK(bad == 0);
  CHECK(e.metrics().calls == 4 * 3 * 2 + 2 * 3);
}

TEST_CASE("the C API: statuses and messages, no exceptions", "[embed]") {
  weft_options o{};
  std::string dir = freshCache("capi");
  o.cache_directory = dir.c_str();
  o.opt_level = -1;
  weft_engine *e = nullptr;
  REQUIRE(weft_engine_create(&o, &e) == WEFT_OK);
  weft_module *m = nullptr;
  CHECK(weft_compile(e, "def f(:\n", "bad.weft", &m) == WEFT_COMPILE_ERROR);
  CHECK(m == nullptr);
  CHECK(std::string(weft_last_error()).find("bad.weft:1:7: error:") !=
        std::string::npos);
  REQUIRE(weft_compile(e, kSource, "k.weft", &m) == WEFT_OK);
  double d[4] = {1, 2, 3, 4};
  int64_t n = 4;
  weft_arg args[2] = {weft_view(WEFT_F64, d, 1, &n, nullptr), weft_f64(3.0)};
  weft_value r;
  CHECK(weft_call(m, "scale", args, 2, &r) == WEFT_OK);
  CHECK(r.kind == weft_value::WEFT_NONE);
  CHECK(d[3] == 12.0);
  CHECK(weft_call(m, "total", args, 1, &r) == WEFT_OK);
  CHECK(r.number == 30.0);
  weft_arg div[2] = {weft_f64(1.0), weft_f64(0.0)};
  CHECK(weft_call(m, "divide", div, 2, &r) == WEFT_RUNTIME_ERROR);
  CHECK(std::string(weft_last_error()) ==
        "k.weft:15: ZeroDivisionError: division by zero");
  CHECK(weft_call(m, "total", args, 2, &r) == WEFT_CALL_ERROR);
  weft_arg three = weft_i64(3);
  REQUIRE(weft_call(m, "outer2", &three, 1, &r) == WEFT_OK);
  REQUIRE(r.kind == weft_value::WEFT_ARRAY);
  CHECK(weft_array_rank(r.array) == 2);
  CHECK(static_cast<double *>(weft_array_data(r.array))[8] == 4.0);
  weft_arg back = weft_array_arg(r.array);
  CHECK(weft_call(m, "total", &back, 1, &r) == WEFT_OK);
  CHECK(r.number == 9.0);
  weft_array_release(back.array ? const_cast<weft_array *>(back.array)
                                : nullptr);
  char *json = nullptr;
  CHECK(weft_engine_metrics_json(e, &json) == WEFT_OK);
  CHECK(std::string(json).find("weft-engine-metrics/1") != std::string::npos);
  weft_free(json);
  CHECK(weft_call(nullptr, "f", nullptr, 0, &r) == WEFT_ERROR);
  weft_module_destroy(m);
  weft_engine_destroy(e);
  fs::remove_all(dir);
}

TEST_CASE("uint8 and int16 views: in place, wrapped, widened on read",
          "[embed][dtypes]") {
  weft::Engine e(options(freshCache("narrow"), false));
  weft::Module m = e.compile(kSource);
  std::vector<uint8_t> px = {10, 200, 255};
  weft::ArrayView<uint8_t, 1> pv(px.data(), {3});
  CHECK(m.function("total")(pv).as<int64_t>() == 465); // not wrapped
  m.function("scale")(pv, 2); // stored back into the u8 view: wraps
  CHECK(px == std::vector<uint8_t>{20, 144, 254});
  std::vector<int16_t> s = {-300, 7};
  weft::ArrayView<int16_t, 1> sv(s.data(), {2});
  CHECK(m.function("total")(sv).as<int64_t>() == -293);
  weft::Array doubled = m.function("outer2")(2).array();
  CHECK(doubled.dtype() == weft::DType::F64);
}

TEST_CASE("complex128 views and complex numbers, C++ and C",
          "[embed][dtypes]") {
  const char *source = R"(
def rotate(z, w):
    z[:] = z * w

def magnitude(z, w):
    return sum(abs(z * w))

def product(z, w):
    return z * w, sum(z)
)";
  weft::Engine e(options(freshCache("complex"), false));
  weft::Module m = e.compile(source);
  using C = std::complex<double>;
  std::vector<C> z = {{1, 0}, {0, 2}, {3, -4}};
  weft::ArrayView<C, 1> zv(z.data(), {3});
  m.function("rotate")(zv, C(0, 1)); // times i, in place
  CHECK(z == std::vector<C>{{0, 1}, {-2, 0}, {4, 3}});
  CHECK(m.function("magnitude")(zv, 2.0).as<double>() == 16.0);
  CHECK(m.function("magnitude")(zv, C(0, -1)).as<double>() == 8.0);
  weft::Value pr = m.function("product")(C(1, 2), C(3, -1));
  REQUIRE(pr.elements()[0].kind() == weft::Value::Kind::Complex);
  CHECK(pr.elements()[0].complex() == C(5, 5));
  CHECK_THROWS_AS(pr.elements()[0].as<double>(), weft::CallError);

  weft_options o{};
  o.no_cache = 1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, source, "c.weft", &cm) == WEFT_OK);
  double parts[4] = {1, 1, 2, -2}; // 1+1j, 2-2j
  int64_t n = 2;
  weft_arg args[2] = {weft_view(WEFT_C128, parts, 1, &n, nullptr),
                      weft_c128(0, 2)};
  weft_value r;
  REQUIRE(weft_call(cm, "rotate", args, 2, &r) == WEFT_OK);
  CHECK(parts[0] == -2.0);
  CHECK(parts[1] == 2.0);
  CHECK(parts[2] == 4.0);
  CHECK(parts[3] == 4.0);
  weft_arg two[2] = {weft_c128(1, 2), weft_c128(3, -1)};
  REQUIRE(weft_call(cm, "product", two, 2, &r) == WEFT_OK);
  REQUIRE(r.kind == weft_value::WEFT_TUPLE);
  CHECK(r.elements[0].dtype == WEFT_C128);
  CHECK(r.elements[0].number == 5.0);
  CHECK(r.elements[0].imag == 5.0);
  weft_value_release(&r);
  weft_arg bad[2] = {weft_view(WEFT_C128, parts, 1, &n, nullptr),
                     weft_c128(1, 0)};
  bad[1].dtype = static_cast<weft_dtype>(9); // a u32 number
  CHECK(weft_call(cm, "magnitude", bad, 2, &r) == WEFT_CALL_ERROR);
  weft_module_destroy(cm);
  weft_engine_destroy(ce);
}

TEST_CASE("complex64 views and numbers, C++ and C", "[embed][dtypes]") {
  const char *source = R"(
def scale(z, w):
    z[:] = z * w

def power(z):
    return sum(abs(z)), z[0] * z[1]
)";
  weft::Engine e(options(freshCache("complex64"), false));
  weft::Module m = e.compile(source);
  using C = std::complex<float>;
  std::vector<C> z = {{1, 0}, {0, 2}, {3, -4}};
  weft::ArrayView<C, 1> zv(z.data(), {3});
  m.function("scale")(zv, C(0, 1)); // times i, in place, in float32
  CHECK(z == std::vector<C>{{0, 1}, {-2, 0}, {4, 3}});
  weft::Value p = m.function("power")(zv);
  CHECK(p.elements()[0].as<double>() == 8.0); // a float32 sum of |z|
  REQUIRE(p.elements()[1].kind() == weft::Value::Kind::Complex);
  CHECK(p.elements()[1].complex() == std::complex<double>(0, -2));

  weft_options o{};
  o.no_cache = 1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, source, "c64.weft", &cm) == WEFT_OK);
  float parts[4] = {1, 1, 2, -2}; // 1+1j, 2-2j
  int64_t n = 2;
  weft_arg args[2] = {weft_view(WEFT_C64, parts, 1, &n, nullptr),
                      weft_c64(0.5f, 0)};
  weft_value r;
  REQUIRE(weft_call(cm, "scale", args, 2, &r) == WEFT_OK);
  CHECK(parts[0] == 0.5f);
  CHECK(parts[3] == -1.0f);
  weft_module_destroy(cm);
  weft_engine_destroy(ce);
}

TEST_CASE("a list of lists of any lengths: starts, lengths and the pool",
          "[embed]") {
  weft::Engine e(options(freshCache("ragged"), false));
  weft::Module m = e.compile(R"(
@jit(python_lists=True)
def triangle(n):
    rows = [[] for _ in range(n)]
    for i in range(n):
        for j in range(i):
            rows[i].append(j * 10)
    return rows
)");
  weft::Value r = m.function("triangle")(4);
  REQUIRE(r.kind() == weft::Value::Kind::Tuple);
  REQUIRE(r.isRagged());
  const std::vector<weft::Value> &v = r.elements();
  REQUIRE(v.size() == 3);
  const weft::Array &starts = v[0].array(), &lengths = v[1].array(),
                    &pool = v[2].array();
  REQUIRE(lengths.shape(0) == 4);
  for (int64_t i = 0; i < 4; ++i) {
    REQUIRE(lengths.at<int64_t>(i) == i);
    for (int64_t j = 0; j < i; ++j)
      CHECK(pool.at<int64_t>(starts.at<int64_t>(i) + j) == j * 10);
  }
  CHECK_FALSE(r.raggedArrayRows());
}

TEST_CASE("a list of 1-D arrays of any lengths", "[embed]") {
  weft::Engine e(options(freshCache("array-rows"), false));
  weft::Module m = e.compile(R"(
@jit(python_lists=True)
def prefixes(n):
    out = []
    for i in range(n):
        out.append(np.arange(i) * 0.5)
    return out
)");
  weft::Value r = m.function("prefixes")(3);
  REQUIRE(r.isRagged());
  CHECK(r.raggedArrayRows());
  const std::vector<weft::Value> &v = r.elements();
  REQUIRE(v.size() == 3);
  REQUIRE(v[1].array().shape(0) == 3);
  CHECK(v[1].array().at<int64_t>(2) == 2);
  CHECK(v[2].array().at<double>(v[0].array().at<int64_t>(2) + 1) == 0.5);
}

TEST_CASE("uint64 views and results through the C++ API", "[embed]") {
  weft::Engine e(options(freshCache("u64"), false));
  weft::Module m = e.compile(R"(
def mix(a):
    for i in range(len(a)):
        a[i] = (a[i] ^ (a[i] >> 33)) * 18446744073709551557
    return a.max(), a[0] > a[1]
)",
                             "u64.weft");
  std::vector<uint64_t> v = {1, (uint64_t(1) << 63) + 5};
  std::vector<uint64_t> want = v;
  for (uint64_t &x : want)
    x = (x ^ (x >> 33)) * 18446744073709551557ull;
  weft::Value r =
      m.function("mix")(weft::ArrayView<uint64_t, 1>(v.data(), {2}));
  CHECK(v == want);
  REQUIRE(r.kind() == weft::Value::Kind::Tuple);
  const weft::Value &mx = r.elements()[0];
  CHECK(mx.isUnsigned());
  CHECK(mx.as<uint64_t>() == std::max(want[0], want[1]));
  CHECK(r.elements()[1].as<bool>() == (want[0] > want[1]));
}
