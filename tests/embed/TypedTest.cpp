//===- TypedTest.cpp - Typed handles of the C++ embedding API -------------===//
#include <catch2/catch.hpp>

#include <weft/weft.hpp>

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
