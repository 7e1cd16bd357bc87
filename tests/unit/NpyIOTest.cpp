//===- NpyIOTest.cpp - Unit tests of .npy loading and saving --------------===//
//
// The fixtures in data/ were written by NumPy 1.24 (data/make_npy_fixtures.py);
// arrays saved by the runtime must match them byte for byte.
//
//===----------------------------------------------------------------------===//
#include "runtime/NpyIO.h"
#include "runtime/RuntimeABI.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

using namespace weft::rt;

namespace {

/// A ranked memref descriptor of rank at most 6: sizes in dims[0, rank),
/// strides in dims[rank, 2 * rank), as MLIR lays them out.
struct Memref {
  void *allocated = nullptr;
  void *aligned = nullptr;
  int64_t offset = 0;
  int64_t dims[12] = {};

  int64_t size(int /*rank*/, int k) const { return dims[k]; }
  int64_t stride(int rank, int k) const { return dims[rank + k]; }
};

std::string dataDir() {
#ifdef WEFT_TEST_DATA_DIR
  return WEFT_TEST_DATA_DIR;
#else
  std::string file = __FILE__;
  return file.substr(0, file.find_last_of("/\\")) + "/data";
#endif
}

std::string fixture(const std::string &name) { return dataDir() + "/" + name; }

/// A fresh directory for the files the tests write, removed at exit.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("weft-npy-test-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

std::string tempPath(const std::string &name) {
  static const TempDir dir;
  return (dir.path / name).string();
}

std::string readBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeBytes(const std::string &path, const std::string &bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

/// Loads a file that must load; the caller releases m.allocated.
Memref load(const std::string &path, int32_t kind, int rank) {
  Memref m;
  weft_rt_load_npy(path.c_str(), kind, rank, &m, 1);
  return m;
}

template <typename T> T at(const Memref &m, int rank, std::vector<int64_t> i) {
  int64_t e = m.offset;
  for (int k = 0; k < rank; ++k)
    e += i[k] * m.stride(rank, k);
  return static_cast<const T *>(m.aligned)[e];
}

// Arguments of the runProtected calls (which take a plain function).
std::string gPath;
int32_t gKind;
int64_t gRank;
Memref gMemref;

/// Runs a load that must fail at line 7 and returns its message.
std::string loadError(const std::string &path, int32_t kind, int64_t rank) {
  gPath = path;
  gKind = kind;
  gRank = rank;
  std::string error;
  bool ok = runProtected(
      [] { weft_rt_load_npy(gPath.c_str(), gKind, gRank, &gMemref, 7); },
      error);
  if (ok)
    weft_rt_array_release(gMemref.allocated);
  return ok ? "(no error)" : error;
}

/// Element kind of a C++ type.
template <typename T> constexpr int32_t kindOf();
template <> constexpr int32_t kindOf<bool>() { return WEFT_BOOL; }
template <> constexpr int32_t kindOf<int32_t>() { return WEFT_I32; }
template <> constexpr int32_t kindOf<int64_t>() { return WEFT_I64; }
template <> constexpr int32_t kindOf<float>() { return WEFT_F32; }
template <> constexpr int32_t kindOf<double>() { return WEFT_F64; }

/// Storage type of an element kind (bools are bytes).
template <typename T> struct Storage { using type = T; };
template <> struct Storage<bool> { using type = int8_t; };

template <typename T> typename Storage<T>::type valueFor(int64_t n) {
  if constexpr (std::is_same_v<T, bool>)
    return static_cast<int8_t>(n % 3 == 0);
  else if constexpr (std::is_floating_point_v<T>)
    return static_cast<T>(n) * T(0.5) - T(7.25);
  else
    return static_cast<T>(n * 1000003 % 65537 - 30000);
}

/// Saves views of a buffer (contiguous, transposed, every other element
/// on the last axis, reversed first axis, broadcast first axis) of every
/// rank 1-3, loads them back and compares every element.
template <typename T> void roundTripViews() {
  using S = typename Storage<T>::type;
  const int32_t kind = kindOf<T>();
  std::vector<S> base(200);
  for (size_t i = 0; i < base.size(); ++i)
    base[i] = valueFor<T>(static_cast<int64_t>(i));
  const std::vector<std::vector<int64_t>> shapes = {{5}, {3, 4}, {2, 3, 4}};
  for (const auto &shape : shapes) {
    const int rank = static_cast<int>(shape.size());
    std::vector<int64_t> contiguous(rank, 1);
    for (int k = rank - 1; k > 0; --k)
      contiguous[k - 1] = contiguous[k] * shape[k];
    struct View {
      const char *name;
      std::vector<int64_t> shape, strides;
      int64_t offset;
    };
    std::vector<View> views;
    views.push_back({"contiguous", shape, contiguous, 3});
    views.push_back({"transposed",
                     {shape.rbegin(), shape.rend()},
                     {contiguous.rbegin(), contiguous.rend()},
                     0});
    std::vector<int64_t> step2 = contiguous;
    for (auto &s : step2)
      s *= 2;
    views.push_back({"step 2", shape, step2, 1});
    std::vector<int64_t> reversed = contiguous;
    reversed[0] = -reversed[0];
    views.push_back(
        {"reversed", shape, reversed, (shape[0] - 1) * contiguous[0]});
    std::vector<int64_t> broadcast = contiguous;
    broadcast[0] = 0;
    views.push_back({"broadcast", shape, broadcast, 2});

    for (const View &v : views) {
      INFO("kind " << kind << ", rank " << rank << ", " << v.name);
      Memref src;
      src.allocated = src.aligned = base.data();
      src.offset = v.offset;
      for (int k = 0; k < rank; ++k) {
        src.dims[k] = v.shape[k];
        src.dims[rank + k] = v.strides[k];
      }
      std::string path = tempPath("roundtrip.npy");
      weft_rt_save_npy(path.c_str(), kind, rank, &src, 1);

      int64_t before = liveBuffers();
      Memref m = load(path, kind, rank);
      CHECK(liveBuffers() == before + 1);
      CHECK(m.allocated == m.aligned);
      CHECK(m.offset == 0);
      int64_t count = 1;
      for (int k = rank - 1; k >= 0; --k) {
        CHECK(m.size(rank, k) == v.shape[k]);
        CHECK(m.stride(rank, k) == count);
        count *= v.shape[k];
      }
      std::vector<int64_t> i(rank, 0);
      int64_t mismatches = 0;
      for (int64_t n = 0; n < count; ++n) {
        int64_t rem = n, srcIndex = v.offset;
        for (int k = rank - 1; k >= 0; --k) {
          i[k] = rem % v.shape[k];
          rem /= v.shape[k];
          srcIndex += i[k] * v.strides[k];
        }
        if (at<S>(m, rank, i) != base[srcIndex])
          ++mismatches;
      }
      CHECK(mismatches == 0);
      // The file is exactly the preamble followed by the elements.
      CHECK(readBytes(path).size() ==
            npyPreamble(kind, v.shape).size() + count * sizeof(S));
      weft_rt_array_release(m.allocated);
      CHECK(liveBuffers() == before);
    }
  }
}

} // namespace

TEST_CASE("saved arrays are byte-identical to np.save", "[runtime][npy]") {
  struct Case {
    const char *file;
    int32_t kind;
    int rank;
  } cases[] = {{"f64_2x3.npy", WEFT_F64, 2},   {"f32_4.npy", WEFT_F32, 1},
               {"i64_5.npy", WEFT_I64, 1},     {"i32_2x2x3.npy", WEFT_I32, 3},
               {"bool_2x3.npy", WEFT_BOOL, 2}, {"f64_scalar.npy", WEFT_F64, 0},
               {"f64_0x3.npy", WEFT_F64, 2}};
  for (const Case &c : cases) {
    INFO(c.file);
    int64_t before = liveBuffers();
    Memref m = load(fixture(c.file), c.kind, c.rank);
    std::string out = tempPath(std::string("copy-") + c.file);
    weft_rt_save_npy(out.c_str(), c.kind, c.rank, &m, 1);
    std::string expected = readBytes(fixture(c.file));
    REQUIRE(!expected.empty());
    CHECK(readBytes(out) == expected);
    weft_rt_array_release(m.allocated);
    CHECK(liveBuffers() == before);
  }
}

TEST_CASE("loaded fixtures hold NumPy's values", "[runtime][npy]") {
  Memref m = load(fixture("f64_2x3.npy"), WEFT_F64, 2);
  CHECK(m.size(2, 0) == 2);
  CHECK(m.size(2, 1) == 3);
  CHECK(m.stride(2, 0) == 3);
  CHECK(m.stride(2, 1) == 1);
  CHECK(at<double>(m, 2, {0, 0}) == 1.5);
  CHECK(at<double>(m, 2, {0, 2}) == 0.25);
  CHECK(at<double>(m, 2, {1, 0}) == 1e300);
  CHECK(std::signbit(at<double>(m, 2, {1, 1})));
  CHECK(at<double>(m, 2, {1, 2}) == 3.141592653589793);
  CHECK(reinterpret_cast<uintptr_t>(m.aligned) % 64 == 0);
  weft_rt_array_release(m.allocated);

  m = load(fixture("f32_4.npy"), WEFT_F32, 1);
  CHECK(at<float>(m, 1, {1}) == -2.25f);
  CHECK(at<float>(m, 1, {3}) == 1e-3f);
  weft_rt_array_release(m.allocated);

  m = load(fixture("i64_5.npy"), WEFT_I64, 1);
  CHECK(at<int64_t>(m, 1, {3}) == (int64_t(1) << 40));
  CHECK(at<int64_t>(m, 1, {4}) == -(int64_t(1) << 62));
  weft_rt_array_release(m.allocated);

  m = load(fixture("i32_2x2x3.npy"), WEFT_I32, 3);
  CHECK(m.stride(3, 0) == 6);
  CHECK(at<int32_t>(m, 3, {1, 1, 2}) == 6);
  CHECK(at<int32_t>(m, 3, {0, 0, 0}) == -5);
  weft_rt_array_release(m.allocated);

  m = load(fixture("bool_2x3.npy"), WEFT_BOOL, 2);
  const int8_t expected[] = {1, 0, 1, 0, 0, 1};
  CHECK(std::memcmp(m.aligned, expected, 6) == 0);
  weft_rt_array_release(m.allocated);

  m = load(fixture("f64_scalar.npy"), WEFT_F64, 0);
  CHECK(*static_cast<double *>(m.aligned) == 3.5);
  weft_rt_array_release(m.allocated);

  m = load(fixture("f64_0x3.npy"), WEFT_F64, 2);
  CHECK(m.size(2, 0) == 0);
  CHECK(m.size(2, 1) == 3);
  weft_rt_array_release(m.allocated);
}

TEST_CASE("Fortran-order files are loaded in C order", "[runtime][npy]") {
  int64_t before = liveBuffers();
  Memref c = load(fixture("f64_2x3.npy"), WEFT_F64, 2);
  Memref f = load(fixture("f64_fortran_2x3.npy"), WEFT_F64, 2);
  CHECK(f.stride(2, 0) == 3);
  CHECK(f.stride(2, 1) == 1);
  CHECK(std::memcmp(c.aligned, f.aligned, 6 * sizeof(double)) == 0);
  // Saved again, it is the C-order file NumPy writes for the same array.
  std::string out = tempPath("fortran-as-c.npy");
  weft_rt_save_npy(out.c_str(), WEFT_F64, 2, &f, 1);
  CHECK(readBytes(out) == readBytes(fixture("f64_2x3.npy")));
  weft_rt_array_release(c.allocated);
  weft_rt_array_release(f.allocated);

  Memref g = load(fixture("i32_fortran_2x3x4.npy"), WEFT_I32, 3);
  CHECK(g.size(3, 0) == 2);
  CHECK(g.size(3, 1) == 3);
  CHECK(g.size(3, 2) == 4);
  int mismatches = 0;
  for (int64_t i = 0; i < 24; ++i)
    if (static_cast<int32_t *>(g.aligned)[i] != i)
      ++mismatches;
  CHECK(mismatches == 0);
  weft_rt_array_release(g.allocated);
  CHECK(liveBuffers() == before);
}

TEST_CASE("big-endian files and format versions 2.0 and 3.0 load",
          "[runtime][npy]") {
  Memref m = load(fixture("f64_bigendian_3.npy"), WEFT_F64, 1);
  CHECK(at<double>(m, 1, {0}) == 1.5);
  CHECK(at<double>(m, 1, {1}) == -2.0);
  CHECK(at<double>(m, 1, {2}) == 1e-300);
  weft_rt_array_release(m.allocated);
  for (const char *file : {"i64_v2_3.npy", "i64_v3_3.npy"}) {
    INFO(file);
    NpyInfo info;
    std::string error;
    REQUIRE(inspectNpyFile(fixture(file), info, error));
    CHECK(info.major == (file[5] == '2' ? 2 : 3));
    m = load(fixture(file), WEFT_I64, 1);
    CHECK(at<int64_t>(m, 1, {0}) == 7);
    CHECK(at<int64_t>(m, 1, {2}) == 9);
    weft_rt_array_release(m.allocated);
  }
}

TEST_CASE("every element kind round-trips through strided views",
          "[runtime][npy]") {
  roundTripViews<bool>();
  roundTripViews<int32_t>();
  roundTripViews<int64_t>();
  roundTripViews<float>();
  roundTripViews<double>();
}

TEST_CASE("saved bools are 0 or 1", "[runtime][npy]") {
  int8_t bytes[] = {0, 7, 1, -1};
  Memref src;
  src.allocated = src.aligned = bytes;
  src.dims[0] = 4;
  src.dims[1] = 1;
  std::string path = tempPath("bools.npy");
  weft_rt_save_npy(path.c_str(), WEFT_BOOL, 1, &src, 1);
  std::string file = readBytes(path);
  CHECK(file.substr(file.size() - 4) == std::string("\0\1\1\1", 4));
}

TEST_CASE("load errors name the file and the types", "[runtime][npy]") {
  int64_t before = liveBuffers();
  std::string f64 = fixture("f64_2x3.npy");
  CHECK(loadError(f64, WEFT_I64, 2) ==
        "7: ValueError: '" + f64 +
            "' holds float64 of rank 2 (shape (2, 3)), but the program "
            "expects int64 of rank 2");
  std::string i64 = fixture("i64_5.npy");
  CHECK(loadError(i64, WEFT_F64, 2) ==
        "7: ValueError: '" + i64 +
            "' holds int64 of rank 1 (shape (5,)), but the program expects "
            "float64 of rank 2");
  CHECK(loadError(i64, WEFT_I64, 2) ==
        "7: ValueError: '" + i64 +
            "' holds int64 of rank 1 (shape (5,)), but the program expects "
            "int64 of rank 2");
  std::string u8 = fixture("u8_3.npy");
  CHECK(loadError(u8, WEFT_BOOL, 1) ==
        "7: ValueError: '" + u8 +
            "' holds uint8 of rank 1 (shape (3,)), but the program expects "
            "bool of rank 1");
  std::string scalar = fixture("f64_scalar.npy");
  CHECK(loadError(scalar, WEFT_F32, 1) ==
        "7: ValueError: '" + scalar +
            "' holds float64 of rank 0 (shape ()), but the program expects "
            "float32 of rank 1");

  std::string missing = tempPath("no-such-file.npy");
  CHECK(loadError(missing, WEFT_F64, 1) ==
        "7: FileNotFoundError: cannot open '" + missing +
            "': No such file or directory");

  std::string bytes = readBytes(f64);
  std::string truncated = tempPath("truncated.npy");
  writeBytes(truncated, bytes.substr(0, bytes.size() - 5));
  CHECK(loadError(truncated, WEFT_F64, 2) ==
        "7: ValueError: '" + truncated +
            "' is not a valid .npy file (truncated: the header announces 48 "
            "bytes of data, 43 are there)");
  writeBytes(truncated, bytes.substr(0, 40));
  CHECK(loadError(truncated, WEFT_F64, 2) ==
        "7: ValueError: '" + truncated +
            "' is not a valid .npy file (truncated header: 118 bytes "
            "announced, 30 there)");

  std::string garbage = tempPath("garbage.npy");
  writeBytes(garbage, "x,y\n1,2\n");
  CHECK(loadError(garbage, WEFT_F64, 2) ==
        "7: ValueError: '" + garbage +
            "' is not a valid .npy file (no .npy magic string at the start)");
  writeBytes(garbage, "");
  CHECK(loadError(garbage, WEFT_F64, 2) ==
        "7: ValueError: '" + garbage +
            "' is not a valid .npy file (no .npy magic string at the start)");

  std::string bad = bytes;
  bad[6] = 9; // version 9.0
  writeBytes(garbage, bad);
  CHECK(loadError(garbage, WEFT_F64, 2) ==
        "7: ValueError: '" + garbage +
            "' is not a valid .npy file (unsupported format version 9.0)");
  bad = bytes;
  bad.replace(bad.find("'shape'"), 7, "'shapf'");
  writeBytes(garbage, bad);
  CHECK(loadError(garbage, WEFT_F64, 2) ==
        "7: ValueError: '" + garbage +
            "' is not a valid .npy file (unexpected key in the header "
            "'shapf')");

  std::string dir = tempPath("");
  CHECK(loadError(dir, WEFT_F64, 2)
            .rfind("7: IsADirectoryError: cannot open '", 0) == 0);
  CHECK(liveBuffers() == before);
}

TEST_CASE("save errors name the file", "[runtime][npy]") {
  static double value = 1.0;
  static Memref src;
  src.allocated = src.aligned = &value;
  static std::string path;
  path = tempPath("no-such-dir/out.npy");
  std::string error;
  CHECK_FALSE(runProtected(
      [] { weft_rt_save_npy(path.c_str(), WEFT_F64, 0, &src, 12); }, error));
  CHECK(error ==
        "12: OSError: cannot write '" + path + "': No such file or directory");
}

TEST_CASE("the preamble is NumPy's", "[runtime][npy]") {
  std::string p = npyPreamble(WEFT_F64, {3});
  CHECK(p.size() == 128);
  CHECK(p.substr(0, 10) == std::string("\x93NUMPY\x01\x00\x76\x00", 10));
  // The dict, then 20 spaces of room for the first axis to grow in place.
  CHECK(p.substr(10, 77) ==
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }" +
            std::string(20, ' '));
  CHECK(p.back() == '\n');
  CHECK(npyShapeRepr({}) == "()");
  CHECK(npyShapeRepr({2, 3}) == "(2, 3)");

  // Headers over 64 KiB need version 2.0, still aligned to 64 bytes.
  std::vector<int64_t> manyAxes(30000, 1);
  std::string big = npyPreamble(WEFT_I32, manyAxes);
  CHECK(big.substr(0, 8) == std::string("\x93NUMPY\x02\x00", 8));
  CHECK(big.size() % 64 == 0);
  NpyInfo info;
  std::string problem;
  REQUIRE(parseNpyPreamble(big.data(), big.size(), info, problem));
  CHECK(info.major == 2);
  CHECK(info.shape.size() == 30000);
  CHECK(info.elemKind == WEFT_I32);
  CHECK(info.dataOffset == static_cast<int64_t>(big.size()));
}

TEST_CASE("header dicts are parsed as Python literals", "[runtime][npy]") {
  auto parse = [](const std::string &header, NpyInfo &info,
                  std::string &problem) {
    std::string bytes("\x93NUMPY\x01\x00", 8);
    bytes.push_back(static_cast<char>(header.size()));
    bytes.push_back('\0');
    bytes += header;
    return parseNpyPreamble(bytes.data(), bytes.size(), info, problem);
  };
  NpyInfo info;
  std::string problem;
  REQUIRE(parse("{\"shape\": (2L, 3L), \"fortran_order\": True, "
                "\"descr\": \"<i8\"}\n",
                info, problem));
  CHECK(info.elemKind == WEFT_I64);
  CHECK(info.fortranOrder);
  CHECK(info.shape == std::vector<int64_t>{2, 3});
  CHECK(info.dataBytes == 48);

  REQUIRE(parse("{'descr': '>i4', 'fortran_order': False, 'shape': ()}", info,
                problem));
  CHECK(info.elemKind == WEFT_I32);
  CHECK(info.byteSwapped);
  CHECK(info.shape.empty());

  REQUIRE(parse("{'descr': [('a', '<i4')], 'fortran_order': False, "
                "'shape': (2,)}",
                info, problem));
  CHECK(info.elemKind == -1);
  CHECK(info.typeName == "a structured dtype");

  REQUIRE(parse("{'descr': '<U5', 'fortran_order': False, 'shape': (2,)}", info,
                problem));
  CHECK(info.typeName == "dtype('<U5')");

  CHECK_FALSE(parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3)}",
                    info, problem));
  CHECK(problem == "'shape' is not a tuple");
  CHECK_FALSE(parse("{'descr': '<f8', 'shape': (3,)}", info, problem));
  CHECK(problem == "the header has no 'fortran_order'");
  CHECK_FALSE(parse("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
                    info, problem));
  CHECK(problem == "'shape' holds something else than sizes");
  CHECK_FALSE(parse("{'descr': '<f8', 'fortran_order': False, 'shape': "
                    "(4294967296, 4294967296)}",
                    info, problem));
  CHECK(problem == "'shape' is too large");
  CHECK_FALSE(parse("{'descr': '<f8' 'fortran_order': False}", info, problem));
  CHECK(problem == "malformed header: expected ',' or '}'");
}
