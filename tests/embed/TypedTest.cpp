//===- TypedTest.cpp - Typed handles of the C++ embedding API -------------===//
#include <catch2/catch.hpp>

#include <weft/weft.h>
#include <weft/weft.hpp>

#include <cstring>

#include <thread>
#include <vector>

namespace {

const char *kTypedSource = R"(
def add1(x):
    return x + 1

def mix(a, b: f64, flag: bool) -> f64:
    if flag:
        return a * b
    return a - b

def is_positive(x):
    return x > 0

def half(x: f32) -> f32:
    return x / 2

def floor_div(a, b):
    return a // b

def nothing(x):
    y = x

def first(a):
    return a[0]

def pair(x):
    return x, x
)";

weft::Options uncached() {
  weft::Options o;
  o.cache = false;
  return o;
}

} // namespace

TEST_CASE("typed handles call scalar functions with C++ types", "[typed]") {
  weft::Engine e(uncached());
  weft::Module m = e.compile(kTypedSource, "typed.weft");
  auto add1 = m.function("add1").typed<int64_t(int64_t)>();
  CHECK(add1(41) == 42);
  CHECK(add1(-9223372036854775807LL - 1 + 1) == -9223372036854775807LL + 1);
  // Any C++ integer is Weft's int; the result converts back.
  auto add1Int = m.function("add1").typed<int(int)>();
  CHECK(add1Int(-3) == -2);
  auto add1F = m.function("add1").typed<double(double)>();
  CHECK(add1F(0.5) == 1.5);
  auto mix = m.function("mix").typed<double(double, double, bool)>();
  CHECK(mix(3.0, 4.0, true) == 12.0);
  CHECK(mix(3.0, 4.0, false) == -1.0);
  auto positive = m.function("is_positive").typed<bool(double)>();
  CHECK(positive(2.5));
  CHECK_FALSE(positive(-0.0));
  auto half = m.function("half").typed<float(float)>();
  CHECK(half(3.0f) == 1.5f);
  auto nothing = m.function("nothing").typed<void(int64_t)>();
  nothing(5);
  // The generic path agrees with the typed one.
  CHECK(m.function("add1")(int64_t(41)).as<int64_t>() == 42);
}

TEST_CASE("typed handles check their types when made", "[typed]") {
  weft::Engine e(uncached());
  weft::Module m = e.compile(kTypedSource, "typed.weft");
  try {
    m.function("add1").typed<double(int64_t)>();
    FAIL("no error");
  } catch (const weft::CallError &err) {
    CHECK(std::string(err.what()) ==
          "typed handle of 'add1': it returns i64, which the handle's result "
          "type does not hold; arrays and tuples come back through "
          "Function::operator()");
  }
  try {
    m.function("half").typed<float(double)>();
    FAIL("no error");
  } catch (const weft::CallError &err) {
    CHECK(std::string(err.what()) ==
          "typed handle of 'half': parameter 'x' is f32, not the f64 given; "
          "use its C++ type");
  }
  CHECK_THROWS_AS(m.function("nothing").typed<int64_t(int64_t)>(),
                  weft::CallError);
  CHECK_THROWS_AS(m.function("add1").typed<void(int64_t)>(), weft::CallError);
  CHECK_THROWS_AS(m.function("pair").typed<int64_t(int64_t)>(),
                  weft::CallError);
  // Type errors of the specialisation are compile errors, when made.
  CHECK_THROWS_AS(m.function("first").typed<double(double)>(),
                  weft::CompileError);
  CHECK_THROWS_AS(m.function("add1").typed<int64_t(int64_t, int64_t)>(),
                  weft::CallError);
}

TEST_CASE("typed handles raise runtime errors and stay usable", "[typed]") {
  weft::Engine e(uncached());
  weft::Module m = e.compile(kTypedSource, "typed.weft");
  auto div = m.function("floor_div").typed<int64_t(int64_t, int64_t)>();
  CHECK(div(-7, 2) == -4);
  try {
    div(1, 0);
    FAIL("no error");
  } catch (const weft::RuntimeError &err) {
    CHECK(std::string(err.what()) ==
          "typed.weft:17: ZeroDivisionError: integer division or modulo by "
          "zero");
  }
  CHECK(div(9, 3) == 3);
}

TEST_CASE("typed handles from several threads, timed when asked", "[typed]") {
  weft::Options o = uncached();
  o.timeCalls = true;
  weft::Engine e(o);
  weft::Module m = e.compile(kTypedSource, "typed.weft");
  auto add1 = m.function("add1").typed<int64_t(int64_t)>();
  std::vector<std::thread> threads;
  std::vector<int64_t> sums(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int64_t i = 0; i < 1000; ++i)
        sums[t] += add1(i);
    });
  for (std::thread &t : threads)
    t.join();
  for (int64_t s : sums)
    CHECK(s == 500500);
  CHECK(e.metrics().calls == 4000);
}

TEST_CASE("the C API's prepared entries", "[typed]") {
  weft_options co{};
  co.no_cache = 1;
  co.opt_level = -1;
  weft_engine *e = nullptr;
  REQUIRE(weft_engine_create(&co, &e) == WEFT_OK);
  weft_module *m = nullptr;
  REQUIRE(weft_compile(e, kTypedSource, "typed.weft", &m) == WEFT_OK);
  weft_module *arrays = nullptr;
  REQUIRE(weft_compile(e, R"(
def total(a):
    return a.sum()

def shift(dst, src):
    dst[:] = src + 1.0
    return dst[0]
)",
                       "arrays.weft", &arrays) == WEFT_OK);

  weft_arg mixArgs[3] = {weft_f64(3.0), weft_f64(4.0), weft_bool(1)};
  weft_entry *mix = nullptr;
  int result = 0;
  REQUIRE(weft_entry_create(m, "mix", mixArgs, 3, &mix, &result) == WEFT_OK);
  CHECK(result == WEFT_F64);
  uint64_t out = 0;
  REQUIRE(weft_entry_call(mix, mixArgs, &out) == WEFT_OK);
  double r;
  std::memcpy(&r, &out, 8);
  CHECK(r == 12.0);
  // Another layout than prepared: refused, nothing called.
  weft_arg wrong[3] = {weft_i64(3), weft_f64(4.0), weft_bool(1)};
  CHECK(weft_entry_call(mix, wrong, &out) == WEFT_CALL_ERROR);
  weft_entry_destroy(mix);

  weft_arg byZero[2] = {weft_i64(1), weft_i64(0)};
  weft_entry *div = nullptr;
  REQUIRE(weft_entry_create(m, "floor_div", byZero, 2, &div, &result) ==
          WEFT_OK);
  CHECK(result == WEFT_I64);
  CHECK(weft_entry_call(div, byZero, &out) == WEFT_RUNTIME_ERROR);
  CHECK(std::string(weft_last_error()) ==
        "typed.weft:17: ZeroDivisionError: integer division or modulo by "
        "zero");
  weft_entry *none = nullptr;
  REQUIRE(weft_entry_create(m, "nothing", byZero, 1, &none, &result) ==
          WEFT_OK);
  CHECK(result == -1);
  CHECK(weft_entry_call(none, byZero, &out) == WEFT_OK);
  weft_entry_destroy(none);

  // Arrays: views of the caller's memory, strided too.
  double x[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  int64_t eight = 8, four = 4, two = 2;
  weft_arg xs[1] = {weft_view(WEFT_F64, x, 1, &eight, nullptr)};
  weft_entry *total = nullptr;
  REQUIRE(weft_entry_create(arrays, "total", xs, 1, &total, &result) ==
          WEFT_OK);
  REQUIRE(weft_entry_call(total, xs, &out) == WEFT_OK);
  std::memcpy(&r, &out, 8);
  CHECK(r == 36.0);
  weft_arg odd[1] = {weft_view(WEFT_F64, x, 1, &four, &two)};
  REQUIRE(weft_entry_call(total, odd, &out) == WEFT_OK);
  std::memcpy(&r, &out, 8);
  CHECK(r == 1 + 3 + 5 + 7);
  weft_entry_destroy(total);
  // A written view overlapping a read one takes weft_call's path, which
  // reads the right side as if copied first: x[1:5] = x[0:4] + 1.
  weft_arg overlap[2] = {weft_view(WEFT_F64, x + 1, 1, &four, nullptr),
                         weft_view(WEFT_F64, x, 1, &four, nullptr)};
  weft_entry *shift = nullptr;
  REQUIRE(weft_entry_create(arrays, "shift", overlap, 2, &shift, &result) ==
          WEFT_OK);
  REQUIRE(weft_entry_call(shift, overlap, &out) == WEFT_OK);
  CHECK(x[1] == 2.0);
  CHECK(x[2] == 3.0);
  CHECK(x[4] == 5.0);
  // Read-only data for the written parameter: ReadOnlyError, unwritten.
  double y[4] = {0, 0, 0, 0};
  weft_arg readOnly[2] = {weft_const_view(WEFT_F64, y, 1, &four, nullptr),
                          weft_view(WEFT_F64, x, 1, &four, nullptr)};
  CHECK(weft_entry_call(shift, readOnly, &out) == WEFT_READ_ONLY_ERROR);
  CHECK(y[0] == 0.0);
  weft_entry_destroy(shift);

  // Refused: another annotated type, an array result, a dtype that is no
  // number's; the module outlives its entries' users.
  weft_entry *bad = nullptr;
  weft_arg f64[1] = {weft_f64(1.0)};
  CHECK(weft_entry_create(m, "half", f64, 1, &bad, &result) == WEFT_CALL_ERROR);
  CHECK(bad == nullptr);
  CHECK(weft_entry_create(m, "pair", byZero, 1, &bad, &result) ==
        WEFT_CALL_ERROR);
  weft_arg u8 = weft_i64(1);
  u8.dtype = WEFT_U8;
  CHECK(weft_entry_create(m, "add1", &u8, 1, &bad, &result) != WEFT_OK);
  weft_module_destroy(m);
  weft_arg nine[2] = {weft_i64(9), weft_i64(3)};
  CHECK(weft_entry_call(div, nine, &out) == WEFT_OK); // kept alive
  CHECK(out == 3);
  weft_entry_destroy(div);
  weft_module_destroy(arrays);
  weft_engine_destroy(e);
}
