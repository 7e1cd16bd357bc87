//===- BoundaryTest.cpp - Argument checks of the C++ and C APIs -----------===//
#include <catch2/catch.hpp>

#include <weft/weft.h>
#include <weft/weft.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

const char *kBoundarySource = R"(
def scale(a, k):
    a[:] = a * k

def total(a):
    return sum(a)

def same(x):
    return x

def shift_add(out, inp):
    out[:] = inp + 1.0

def copy_and_return_source(dst, src):
    dst[:] = src
    return src

def store_first(b, x):
    b[0] = x

def write_through_callee(a):
    store_first(a.T[1:], 5.0)

def same32(n: i32) -> i64:
    return n

def same64(n: i64) -> i64:
    return n
)";

weft::Options noCache() {
  weft::Options o;
  o.cache = false;
  return o;
}

std::string messageOf(weft_status s) {
  return std::to_string(static_cast<int>(s)) + " " + weft_last_error();
}

} // namespace

TEST_CASE("read-only views are refused for written parameters only",
          "[embed]") {
  weft::Engine e(noCache());
  weft::Module m = e.compile(kBoundarySource, "b.weft");
  const std::vector<double> data = {1, 2, 3, 4};
  weft::ArrayView<const double, 1> view(data.data(), {4});
  try {
    m.function("scale")(view, 2.0);
    FAIL("no error");
  } catch (const weft::ReadOnlyError &err) {
    CHECK(std::string(err.what()) ==
          "argument 1 ('a') of 'scale' is read-only; 'scale' writes into it "
          "(pass a writable array or a copy)");
  }
  CHECK_THROWS_AS(m.function("write_through_callee")(view),
                  weft::ReadOnlyError);
  CHECK(data == std::vector<double>{1, 2, 3, 4});
  CHECK(m.function("total")(view).as<double>() == 10.0);
  // Zero elements count too: the refusal depends on the function only.
  weft::ArrayView<const double, 1> empty(data.data(), {0});
  CHECK_THROWS_AS(m.function("scale")(empty, 2.0), weft::ReadOnlyError);

  // The C API: weft_const_view and its status.
  weft_options o{};
  o.no_cache = 1;
  o.opt_level = -1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, kBoundarySource, "b.weft", &cm) == WEFT_OK);
  int64_t n = 4;
  weft_arg args[2] = {weft_const_view(WEFT_F64, data.data(), 1, &n, nullptr),
                      weft_f64(3.0)};
  weft_value r;
  weft_status s = weft_call(cm, "scale", args, 2, &r);
  CHECK(messageOf(s) == "5 argument 1 ('a') of 'scale' is read-only; 'scale' "
                        "writes into it (pass a writable array or a copy)");
  CHECK(data == std::vector<double>{1, 2, 3, 4});
  CHECK(weft_call(cm, "total", args, 1, &r) == WEFT_OK);
  CHECK(r.number == 10.0);
  weft_module_destroy(cm);
  weft_engine_destroy(ce);
}

TEST_CASE("numbers outside their parameter's type are refused", "[embed]") {
  weft::Engine e(noCache());
  weft::Module m = e.compile(kBoundarySource, "b.weft");
  CHECK(m.function("same32")(int64_t(2147483647)).as<int64_t>() == 2147483647);
  CHECK(m.function("same32")(int64_t(-2147483648LL)).as<int64_t>() ==
        -2147483648LL);
  try {
    m.function("same32")(int64_t(2147483648LL));
    FAIL("no error");
  } catch (const weft::OverflowError &err) {
    CHECK(std::string(err.what()) ==
          "argument 1 ('n') of 'same32' is 2147483648, outside i32's range "
          "(-2147483648 to 2147483647)");
  }
  CHECK_THROWS_AS(m.function("same32")(int64_t(-3000000000LL)),
                  weft::OverflowError);
  CHECK_THROWS_AS(m.function("same64")(std::nan("")), weft::OverflowError);
  CHECK_THROWS_AS(m.function("same64")(1e19), weft::OverflowError);
  CHECK(m.function("same64")(-2.5).as<int64_t>() == -2);

  weft_options o{};
  o.no_cache = 1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, kBoundarySource, "b.weft", &cm) == WEFT_OK);
  weft_arg big = weft_i64(int64_t(1) << 40);
  weft_value r;
  CHECK(messageOf(weft_call(cm, "same32", &big, 1, &r)) ==
        "6 argument 1 ('n') of 'same32' is 1099511627776, outside i32's "
        "range (-2147483648 to 2147483647)");
  weft_module_destroy(cm);
  weft_engine_destroy(ce);
}

TEST_CASE("a uint64 number goes in as uint64", "[embed]") {
  // weft_u64: a generic parameter becomes u64 (Numba types np.uint64 and
  // the ints past int64 so); an i64 parameter takes it only if it fits.
  weft_options o{};
  o.no_cache = 1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, kBoundarySource, "b.weft", &cm) == WEFT_OK);
  weft_arg big = weft_u64(13835058055282163711ULL);
  weft_value r;
  REQUIRE(weft_call(cm, "same", &big, 1, &r) == WEFT_OK);
  CHECK(r.kind == weft_value::WEFT_NUMBER);
  CHECK(r.dtype == WEFT_U64);
  CHECK(uint64_t(r.integer) == 13835058055282163711ULL);
  weft_value_release(&r);
  CHECK(messageOf(weft_call(cm, "same32", &big, 1, &r)) ==
        "6 argument 1 ('n') of 'same32' is 13835058055282163711, outside "
        "i32's range");
  weft_arg small = weft_u64(7);
  REQUIRE(weft_call(cm, "same32", &small, 1, &r) == WEFT_OK);
  CHECK(r.integer == 7);
  weft_value_release(&r);
  weft_module_destroy(cm);
  weft_engine_destroy(ce);
}

TEST_CASE("the C API reports bad dtypes and ranks", "[embed]") {
  weft_options o{};
  o.no_cache = 1;
  weft_engine *e = nullptr;
  REQUIRE(weft_engine_create(&o, &e) == WEFT_OK);
  weft_module *m = nullptr;
  REQUIRE(weft_compile(e, kBoundarySource, "b.weft", &m) == WEFT_OK);
  double d[32] = {};
  int64_t shape[6] = {2, 2, 2, 2, 2, 0};
  weft_value r;

  weft_arg x = weft_f64(1.0);
  x.dtype = static_cast<weft_dtype>(99);
  CHECK(messageOf(weft_call(m, "same", &x, 1, &r)) ==
        "2 argument 1 of 'same': unknown dtype 99 (WEFT_BOOL to WEFT_C64)");
  weft_arg v = weft_view(static_cast<weft_dtype>(99), d, 1, shape, nullptr);
  CHECK(weft_call(m, "same", &v, 1, &r) == WEFT_CALL_ERROR);

  // Rank 5 is an array (NPBench's conv2d has them); rank 9 is refused.
  for (double &e : d)
    e = 0.5;
  weft_arg five = weft_view(WEFT_F64, d, 5, shape, nullptr);
  REQUIRE(weft_call(m, "total", &five, 1, &r) == WEFT_OK);
  CHECK(r.number == 16.0);
  weft_arg nine = weft_view(WEFT_F64, d, 9, shape, nullptr);
  CHECK(messageOf(weft_call(m, "total", &nine, 1, &r)) ==
        "2 argument 1 of 'total': rank 9; a number has rank 0 and arrays "
        "have 1 to 8 axes");
  weft_arg minus = weft_view(WEFT_F64, d, -1, shape, nullptr);
  CHECK(messageOf(weft_call(m, "same", &minus, 1, &r)) ==
        "2 argument 1 of 'same': rank -1; a number has rank 0 and arrays "
        "have 1 to 8 axes");
  weft_arg zero = weft_view(WEFT_F64, d, 0, shape, nullptr);
  CHECK(weft_call(m, "same", &zero, 1, &r) == WEFT_CALL_ERROR);
  CHECK(std::string(weft_last_error()).find("a view of rank 0") !=
        std::string::npos);

  int64_t negative = -3;
  weft_arg neg = weft_view(WEFT_F64, d, 1, &negative, nullptr);
  CHECK(messageOf(weft_call(m, "total", &neg, 1, &r)) ==
        "2 argument 1 of 'total': size -3 of axis 0 is negative");
  int64_t huge = int64_t(1) << 62;
  weft_arg wide = weft_view(WEFT_F64, d, 1, &huge, nullptr);
  CHECK(weft_call(m, "total", &wide, 1, &r) == WEFT_CALL_ERROR);
  CHECK(std::string(weft_last_error()).find("beyond the address space") !=
        std::string::npos);

  // Still usable, and the fixed views still work.
  weft_arg four = weft_view(WEFT_F64, d, 4, shape, nullptr);
  CHECK(weft_call(m, "total", &four, 1, &r) == WEFT_OK);
  CHECK(r.number == 8.0); // 16 of the elements set to 0.5 above
  weft_module_destroy(m);
  weft_engine_destroy(e);
}

TEST_CASE("overlapping views as two arguments follow NumPy's rule", "[embed]") {
  weft::Engine e(noCache());
  weft::Module m = e.compile(kBoundarySource, "b.weft");
  // out = v[1:], inp = v[:-1]: out[:] = inp + 1 reads inp as before.
  std::vector<double> v = {0, 1, 4, 9, 16, 25};
  weft::ArrayView<double, 1> out(v.data() + 1, {5}), inp(v.data(), {5});
  m.function("shift_add")(out, inp);
  CHECK(v == std::vector<double>{0, 1, 2, 5, 10, 17});
  // Reversed onto itself, through the C API.
  weft_options o{};
  o.no_cache = 1;
  weft_engine *ce = nullptr;
  REQUIRE(weft_engine_create(&o, &ce) == WEFT_OK);
  weft_module *cm = nullptr;
  REQUIRE(weft_compile(ce, kBoundarySource, "b.weft", &cm) == WEFT_OK);
  double w[5] = {0, 1, 4, 9, 16};
  int64_t n = 5, back = -1;
  weft_arg args[2] = {weft_view(WEFT_F64, w + 4, 1, &n, &back),
                      weft_view(WEFT_F64, w, 1, &n, nullptr)};
  weft_value r;
  REQUIRE(weft_call(cm, "shift_add", args, 2, &r) == WEFT_OK);
  CHECK(std::vector<double>(w, w + 5) == std::vector<double>{17, 10, 5, 2, 1});
  weft_module_destroy(cm);
  weft_engine_destroy(ce);

  // float elements over double ones cannot share a base pointer: the
  // argument only read is copied first, and a result viewing the copy
  // owns it.
  std::vector<double> d = {0, 1, 2, 3, 4, 5, 6, 7};
  weft::ArrayView<float, 1> dst(reinterpret_cast<float *>(d.data()) + 2, {4});
  weft::ArrayView<double, 1> src(d.data(), {4});
  weft::Array kept = m.function("copy_and_return_source")(dst, src).array();
  CHECK(std::vector<float>(dst.data, dst.data + 4) ==
        std::vector<float>{0, 1, 2, 3});
  REQUIRE(kept.rank() == 1);
  CHECK(kept.at<double>(0) == 0.0);
  CHECK(kept.at<double>(3) == 3.0);
  CHECK(kept.data<double>() != d.data());
}

namespace {
const char *kSpinSource = R"(
def spin(n: i64) -> i64:
    s = 0
    i = 0
    while i < n:
        s += i % 7
        i += 1
    return s
)";

std::atomic<int> gHostSigints{0};
void hostSigint(int) { ++gHostSigints; }
} // namespace

TEST_CASE("weft::interrupt and Ctrl-C stop a running call", "[embed]") {
  weft::Options o = noCache();
  o.catchInterrupts = true;
  weft::Engine e(o);
  weft::Module m = e.compile(kSpinSource, "spin.weft");
  REQUIRE(m.function("spin")(int64_t(10)).as<int64_t>() == 24);

  // From another thread, until the call is over (a request made before
  // it started is cleared when it starts).
  std::atomic<bool> done{false};
  auto repeat = [&](void (*action)()) {
    return std::thread([&done, action] {
      while (!done) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        action();
      }
    });
  };
  std::thread stopper = repeat([] { weft::interrupt(); });
  try {
    m.function("spin")(int64_t(1) << 60);
    FAIL("not interrupted");
  } catch (const weft::RuntimeError &err) {
    CHECK(std::string(err.what()) ==
          "spin.weft:5: KeyboardInterrupt: interrupted (Ctrl-C)");
  }
  done = true;
  stopper.join();
  CHECK(m.function("spin")(int64_t(10)).as<int64_t>() == 24);

  // SIGINT while the call runs: the call stops and the host's own handler
  // (set after Weft's, which a call installs again over it) still runs.
  struct sigaction host = {}, before = {}, after = {};
  host.sa_handler = hostSigint;
  sigemptyset(&host.sa_mask);
  REQUIRE(sigaction(SIGINT, &host, &before) == 0);
  done = false;
  std::thread ctrlC = repeat([] { kill(getpid(), SIGINT); });
  CHECK_THROWS_AS(m.function("spin")(int64_t(1) << 60), weft::RuntimeError);
  done = true;
  ctrlC.join();
  CHECK(gHostSigints >= 1);
  // Between calls Weft's handler stays and only passes Ctrl-C on: the
  // host's handler runs, and the next call is not interrupted.
  int seen = gHostSigints;
  kill(getpid(), SIGINT);
  CHECK(gHostSigints == seen + 1);
  CHECK(m.function("spin")(int64_t(10)).as<int64_t>() == 24);
  REQUIRE(sigaction(SIGINT, &before, &after) == 0);
  CHECK((after.sa_flags & SA_SIGINFO) != 0); // Weft's, chaining to the host's
}
