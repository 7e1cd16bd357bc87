//===- NpyIO.cpp - Reading and writing NumPy .npy files -------------------===//
//
// The .npy format (numpy/lib/format.py): the magic string "\x93NUMPY", a
// major and a minor version byte, the header length (uint16 for 1.0,
// uint32 for 2.0 and 3.0, little-endian), then the header: a Python dict
// literal {'descr': ..., 'fortran_order': ..., 'shape': ...} padded with
// spaces and a final '\n' so that the data starts at a multiple of 64
// bytes. The data follows, in C or Fortran order.
//
// weft_rt_fail does not return (it longjmps), so the work is done in
// functions that return an error message kept in thread-local storage, and
// the extern "C" entry points raise it once every local is destroyed.
//
//===----------------------------------------------------------------------===//
#include "runtime/NpyIO.h"

#include "runtime/ErrorRecord.h"
#include "runtime/RuntimeABI.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

namespace weft {
namespace rt {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicLen = 6;
/// Bytes read and written at a time when elements are not contiguous.
constexpr size_t kChunkBytes = 1 << 16;
/// The largest header accepted when reading (NumPy itself refuses
/// headers above 10000 bytes unless told to trust the file).
constexpr uint32_t kMaxHeaderBytes = 1u << 24;
/// np.save pads the header so that the first axis can grow to this many
/// digits in place (numpy/lib/format.py: GROWTH_AXIS_MAX_DIGITS).
constexpr size_t kGrowthAxisMaxDigits = 21;

bool hostIsLittleEndian() {
  const uint16_t probe = 1;
  unsigned char first;
  std::memcpy(&first, &probe, 1);
  return first == 1;
}

void byteSwap(char *p, int64_t itemSize) {
  for (int64_t i = 0, j = itemSize - 1; i < j; ++i, --j)
    std::swap(p[i], p[j]);
}

std::string quoted(const char *path) { return "'" + std::string(path) + "'"; }

/// Python's exception class for an errno from opening a file.
const char *osErrorClass(int err) {
  switch (err) {
  case ENOENT:
    return "FileNotFoundError";
  case EACCES:
  case EPERM:
    return "PermissionError";
  case EISDIR:
    return "IsADirectoryError";
  default:
    return "OSError";
  }
}

std::string openError(const char *path, int err) {
  return std::string(osErrorClass(err)) + ": cannot open " + quoted(path) +
         ": " + std::strerror(err);
}

std::string invalidFile(const char *path, const std::string &problem) {
  return "ValueError: " + quoted(path) + " is not a valid .npy file (" +
         problem + ")";
}

//===--- Parsing the header dict ------------------------------------------===//

/// A Python literal of the subset the header uses.
struct Literal {
  enum Kind { Str, Int, Bool, None, Tuple, List, Dict } kind = None;
  std::string str;
  int64_t integer = 0;
  bool intOverflow = false;
  bool boolean = false;
  /// Elements of a tuple or list; keys and values alternating in a dict.
  std::vector<Literal> items;
};

class LiteralParser {
public:
  LiteralParser(const char *begin, const char *end) : p(begin), end(end) {}

  /// Parses the whole text as one literal followed by blanks only.
  bool parseAll(Literal &out, std::string &problem) {
    if (!parseValue(out, 0))
      return fail(problem);
    skipBlanks();
    if (p != end) {
      error = "unexpected text after the header dict";
      return fail(problem);
    }
    return true;
  }

private:
  const char *p, *end;
  std::string error;

  bool fail(std::string &problem) {
    problem = "malformed header: " + error;
    return false;
  }

  void skipBlanks() {
    while (p != end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
      ++p;
  }

  bool expect(const char *what) {
    error = std::string("expected ") + what;
    return false;
  }

  bool startsWithWord(const char *word) {
    size_t n = std::strlen(word);
    if (static_cast<size_t>(end - p) < n || std::memcmp(p, word, n) != 0)
      return false;
    const char *after = p + n;
    return after == end ||
           !(std::isalnum(static_cast<unsigned char>(*after)) || *after == '_');
  }

  bool parseValue(Literal &out, int depth) {
    if (depth > 32) {
      error = "nested too deeply";
      return false;
    }
    skipBlanks();
    if (p == end)
      return expect("a value");
    char c = *p;
    if (c == '\'' || c == '"')
      return parseString(out);
    if (c == '-' || (c >= '0' && c <= '9'))
      return parseInt(out);
    if (c == '(' || c == '[')
      return parseSequence(out, depth);
    if (c == '{')
      return parseDict(out, depth);
    static const struct {
      const char *word;
      Literal::Kind kind;
      bool value;
    } words[] = {{"True", Literal::Bool, true},
                 {"False", Literal::Bool, false},
                 {"None", Literal::None, false}};
    for (const auto &w : words)
      if (startsWithWord(w.word)) {
        p += std::strlen(w.word);
        out.kind = w.kind;
        out.boolean = w.value;
        return true;
      }
    return expect("a string, number, True, False, tuple, list or dict");
  }

  bool parseString(Literal &out) {
    char quote = *p++;
    out.kind = Literal::Str;
    while (p != end && *p != quote) {
      if (*p == '\\' && p + 1 != end)
        ++p;
      out.str.push_back(*p++);
    }
    if (p == end)
      return expect("a closing quote");
    ++p;
    return true;
  }

  bool parseInt(Literal &out) {
    bool negative = *p == '-';
    if (negative)
      ++p;
    if (p == end || !(*p >= '0' && *p <= '9'))
      return expect("a digit");
    out.kind = Literal::Int;
    uint64_t v = 0;
    while (p != end && *p >= '0' && *p <= '9') {
      uint64_t digit = static_cast<uint64_t>(*p++ - '0');
      if (v > (UINT64_MAX - digit) / 10)
        out.intOverflow = true;
      else
        v = v * 10 + digit;
    }
    if (p != end && (*p == 'L' || *p == 'l')) // Python 2 longs
      ++p;
    if (v > static_cast<uint64_t>(INT64_MAX))
      out.intOverflow = true;
    out.integer = negative ? -static_cast<int64_t>(v & INT64_MAX)
                           : static_cast<int64_t>(v & INT64_MAX);
    return true;
  }

  bool parseSequence(Literal &out, int depth) {
    char close = *p == '(' ? ')' : ']';
    out.kind = *p == '(' ? Literal::Tuple : Literal::List;
    ++p;
    bool sawComma = false;
    for (;;) {
      skipBlanks();
      if (p != end && *p == close) {
        ++p;
        // (x) is x itself in Python, not a tuple.
        if (out.kind == Literal::Tuple && out.items.size() == 1 && !sawComma) {
          Literal inner = std::move(out.items[0]);
          out = std::move(inner);
        }
        return true;
      }
      out.items.emplace_back();
      if (!parseValue(out.items.back(), depth + 1))
        return false;
      skipBlanks();
      if (p != end && *p == ',') {
        ++p;
        sawComma = true;
      } else if (p == end || *p != close) {
        return expect(close == ')' ? "',' or ')'" : "',' or ']'");
      }
    }
  }

  bool parseDict(Literal &out, int depth) {
    out.kind = Literal::Dict;
    ++p;
    for (;;) {
      skipBlanks();
      if (p != end && *p == '}') {
        ++p;
        return true;
      }
      out.items.emplace_back();
      if (!parseValue(out.items.back(), depth + 1))
        return false;
      skipBlanks();
      if (p == end || *p != ':')
        return expect("':' after a dict key");
      ++p;
      out.items.emplace_back();
      if (!parseValue(out.items.back(), depth + 1))
        return false;
      skipBlanks();
      if (p != end && *p == ',')
        ++p;
      else if (p == end || *p != '}')
        return expect("',' or '}'");
    }
  }
};

//===--- dtypes -----------------------------------------------------------===//

/// Fills the dtype fields of `info` from a `descr` string such as "<f8".
/// Anything that is not a plain number or bool type is named by its repr
/// and gets element kind -1.
void describeDtype(const std::string &descr, NpyInfo &info) {
  info.descr = descr;
  info.elemKind = -1;
  info.itemSize = 0;
  info.byteSwapped = false;
  info.typeName = "dtype('" + descr + "')";

  std::string rest = descr;
  char order = '=';
  if (!rest.empty() && std::strchr("<>=|", rest[0])) {
    order = rest[0];
    rest.erase(0, 1);
  }
  char kind = 0;
  int64_t size = 0;
  // One-character type codes (np.dtype('d') etc.; 'l' is 8 bytes on LP64).
  static const struct {
    char code, kind;
    int size;
  } codes[] = {{'?', 'b', 1}, {'b', 'i', 1}, {'B', 'u', 1}, {'h', 'i', 2},
               {'H', 'u', 2}, {'i', 'i', 4}, {'I', 'u', 4}, {'l', 'i', 8},
               {'L', 'u', 8}, {'q', 'i', 8}, {'Q', 'u', 8}, {'e', 'f', 2},
               {'f', 'f', 4}, {'d', 'f', 8}, {'F', 'c', 8}, {'D', 'c', 16}};
  if (rest.size() == 1) {
    for (const auto &c : codes)
      if (c.code == rest[0]) {
        kind = c.kind;
        size = c.size;
      }
  } else if (rest.size() >= 2 && rest.size() <= 4 &&
             std::strchr("biufc", rest[0])) {
    kind = rest[0];
    for (size_t i = 1; i < rest.size(); ++i) {
      if (rest[i] < '0' || rest[i] > '9') {
        kind = 0;
        break;
      }
      size = size * 10 + (rest[i] - '0');
    }
  }
  bool valid = false;
  switch (kind) {
  case 'b':
    valid = size == 1;
    break;
  case 'i':
  case 'u':
    valid = size == 1 || size == 2 || size == 4 || size == 8;
    break;
  case 'f':
    valid = size == 2 || size == 4 || size == 8 || size == 12 || size == 16;
    break;
  case 'c':
    valid = size == 8 || size == 16 || size == 24 || size == 32;
    break;
  }
  if (!valid)
    return;

  info.itemSize = size;
  if (kind == 'b') {
    info.typeName = "bool";
  } else {
    static const char *const names[] = {"int", "uint", "float", "complex"};
    const char *base = names[std::strchr("iufc", kind) - "iufc"];
    info.typeName = base + std::to_string(size * 8);
  }
  bool little = hostIsLittleEndian();
  info.byteSwapped =
      size > 1 && ((order == '>' && little) || (order == '<' && !little));
  if (kind == 'b')
    info.elemKind = WEFT_BOOL;
  else if (kind == 'i' && size == 1)
    info.elemKind = WEFT_I8;
  else if (kind == 'i' && size == 2)
    info.elemKind = WEFT_I16;
  else if (kind == 'u' && size == 1)
    info.elemKind = WEFT_U8;
  else if (kind == 'u' && size == 2)
    info.elemKind = WEFT_U16;
  else if (kind == 'u' && size == 4)
    info.elemKind = WEFT_U32;
  else if (kind == 'u' && size == 8)
    info.elemKind = WEFT_U64;
  else if (kind == 'i' && size == 4)
    info.elemKind = WEFT_I32;
  else if (kind == 'i' && size == 8)
    info.elemKind = WEFT_I64;
  else if (kind == 'f' && size == 4)
    info.elemKind = WEFT_F32;
  else if (kind == 'f' && size == 8)
    info.elemKind = WEFT_F64;
}

uint32_t readLE(const unsigned char *p, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i)
    v = (v << 8) | p[i];
  return v;
}

/// Calls `run(start, count, stride)` for each innermost run of elements
/// of an array of `shape` whose element (i0, i1, ...) lies at
/// sum(ik * strides[k]), in row-major order (last index fastest).
template <typename Fn>
void forEachRun(const std::vector<int64_t> &shape,
                const std::vector<int64_t> &strides, Fn run) {
  size_t rank = shape.size();
  for (int64_t s : shape)
    if (s == 0)
      return;
  if (rank == 0) {
    run(int64_t(0), int64_t(1), int64_t(1));
    return;
  }
  std::vector<int64_t> index(rank - 1, 0);
  int64_t start = 0;
  for (;;) {
    run(start, shape[rank - 1], strides[rank - 1]);
    // Advance the odometer over all but the last axis.
    size_t k = rank - 1;
    for (;;) {
      if (k == 0)
        return;
      --k;
      start += strides[k];
      if (++index[k] < shape[k])
        break;
      start -= strides[k] * shape[k];
      index[k] = 0;
    }
  }
}

std::vector<int64_t> rowMajorStrides(const std::vector<int64_t> &shape) {
  std::vector<int64_t> strides(shape.size(), 1);
  for (size_t k = shape.size(); k-- > 1;)
    strides[k - 1] = strides[k] * shape[k];
  return strides;
}

/// Opens `path`, parses its preamble into `info` and checks that the file
/// holds all the data. Returns the file positioned at the data, or null
/// with the full error message in `error`.
FILE *openNpy(const char *path, NpyInfo &info, std::string &error) {
  errno = 0;
  FILE *f = std::fopen(path, "rb");
  if (!f) {
    error = openError(path, errno ? errno : ENOENT);
    return nullptr;
  }
  auto failWith = [&](std::string message) -> FILE * {
    std::fclose(f);
    error = std::move(message);
    return nullptr;
  };
  // Magic and version, then the header length field and the header.
  // Read in order without seeking, so that pipes work too.
  std::string preamble;
  auto readMore = [&](size_t n) {
    size_t had = preamble.size();
    preamble.resize(had + n);
    size_t got = n ? std::fread(&preamble[had], 1, n, f) : 0;
    preamble.resize(had + got);
    return got == n;
  };
  errno = 0;
  if (readMore(kMagicLen + 2) &&
      std::memcmp(preamble.data(), kMagic, kMagicLen) == 0 &&
      preamble[6] >= 1 && preamble[6] <= 3 && preamble[7] == 0) {
    size_t lengthBytes = preamble[6] == 1 ? 2 : 4;
    if (readMore(lengthBytes)) {
      uint32_t headerLen = readLE(
          reinterpret_cast<const unsigned char *>(&preamble[kMagicLen + 2]),
          static_cast<int>(lengthBytes));
      if (headerLen > kMaxHeaderBytes)
        return failWith(invalidFile(
            path, "header of " + std::to_string(headerLen) + " bytes"));
      readMore(headerLen);
    }
  }
  if (std::ferror(f))
    return failWith(openError(path, errno ? errno : EIO));
  std::string problem;
  if (!parseNpyPreamble(preamble.data(), preamble.size(), info, problem))
    return failWith(invalidFile(path, problem));

  // Check the size when the file can tell it (not for pipes).
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long fileSize = std::ftell(f);
    if (fileSize >= 0 && info.itemSize > 0 &&
        fileSize - info.dataOffset < info.dataBytes)
      return failWith(invalidFile(
          path, "truncated: the header announces " +
                    std::to_string(info.dataBytes) + " bytes of data, " +
                    std::to_string(fileSize - info.dataOffset) + " are there"));
    if (std::fseek(f, static_cast<long>(info.dataOffset), SEEK_SET) != 0)
      return failWith(openError(path, errno ? errno : EIO));
  } else {
    std::clearerr(f);
  }
  return f;
}

/// Reads a file in chunks.
struct ChunkReader {
  explicit ChunkReader(FILE *file) : file(file) {}
  FILE *file;
  size_t pos = 0, len = 0;
  char buffer[kChunkBytes];

  /// Copies the next `n` bytes (n <= kChunkBytes) to `out`.
  bool read(char *out, size_t n) {
    if (len - pos < n) {
      std::memmove(buffer, buffer + pos, len - pos);
      len -= pos;
      pos = 0;
      len += std::fread(buffer + len, 1, kChunkBytes - len, file);
      if (len < n)
        return false;
    }
    std::memcpy(out, buffer + pos, n);
    pos += n;
    return true;
  }
};

/// The error of the last load on this thread, raised once its locals are
/// gone (weft_rt_fail skips destructors).
thread_local std::string tMessage;
/// The file a load keeps open while it allocates the array: allocation
/// may fail with a longjmp, so the next load closes it if that happened.
thread_local FILE *tLoadFile = nullptr;
/// Header of the file being loaded; thread-local for the same reason.
thread_local NpyInfo tLoadInfo;

const char *fail(std::string message) {
  tMessage = std::move(message);
  return tMessage.c_str();
}

/// Writes a ranked memref descriptor.
void writeDescriptor(void *out, void *buffer, const std::vector<int64_t> &sizes,
                     const std::vector<int64_t> &strides) {
  char *d = static_cast<char *>(out);
  std::memcpy(d, &buffer, sizeof buffer);
  std::memcpy(d + sizeof buffer, &buffer, sizeof buffer);
  size_t at = 2 * sizeof buffer;
  int64_t offset = 0;
  std::memcpy(d + at, &offset, sizeof offset);
  at += sizeof offset;
  for (int64_t s : sizes) {
    std::memcpy(d + at, &s, sizeof s);
    at += sizeof s;
  }
  for (int64_t s : strides) {
    std::memcpy(d + at, &s, sizeof s);
    at += sizeof s;
  }
}

/// The body of weft_rt_load_npy: null on success, else the error message.
const char *loadNpy(const char *path, int32_t elemKind, int64_t rank,
                    void *descriptorOut) {
  if (tLoadFile) {
    std::fclose(tLoadFile);
    tLoadFile = nullptr;
  }
  if (!npyTypeName(elemKind) || rank < 0)
    return fail("SystemError: load of an array of unknown element kind " +
                std::to_string(elemKind) + " or rank " + std::to_string(rank));
  NpyInfo &info = tLoadInfo;
  info = NpyInfo();
  {
    std::string error;
    FILE *f = openNpy(path, info, error);
    if (!f)
      return fail(std::move(error));
    tLoadFile = f;
  }
  if (info.elemKind != elemKind ||
      static_cast<int64_t>(info.shape.size()) != rank) {
    std::fclose(tLoadFile);
    tLoadFile = nullptr;
    return fail("ValueError: " + quoted(path) + " holds " + info.typeName +
                " of rank " + std::to_string(info.shape.size()) + " (shape " +
                npyShapeRepr(info.shape) + "), but the program expects " +
                npyTypeName(elemKind) + " of rank " + std::to_string(rank));
  }

  // May longjmp on failure: only thread-local state is alive here.
  char *data = static_cast<char *>(
      _mlir_memref_to_llvm_alloc(static_cast<size_t>(info.dataBytes)));

  const int64_t itemSize = info.itemSize;
  const int64_t count = info.dataBytes / (itemSize ? itemSize : 1);
  bool ok = true;
  int readErrno = 0;
  std::vector<int64_t> strides = rowMajorStrides(info.shape);
  if (!info.fortranOrder || rank <= 1) {
    errno = 0;
    size_t want = static_cast<size_t>(info.dataBytes);
    ok = want == 0 || std::fread(data, 1, want, tLoadFile) == want;
    readErrno = errno;
    if (ok && info.byteSwapped)
      for (int64_t i = 0; i < count; ++i)
        byteSwap(data + i * itemSize, itemSize);
  } else {
    // The file lists elements with the first index fastest: visit the
    // axes in reverse order, storing each element at its C-order place.
    std::vector<int64_t> revShape(info.shape.rbegin(), info.shape.rend());
    std::vector<int64_t> revStrides(strides.rbegin(), strides.rend());
    auto reader = std::make_unique<ChunkReader>(tLoadFile);
    forEachRun(revShape, revStrides,
               [&](int64_t start, int64_t n, int64_t stride) {
                 for (int64_t i = 0; ok && i < n; ++i) {
                   char *dst = data + (start + i * stride) * itemSize;
                   ok = reader->read(dst, static_cast<size_t>(itemSize));
                   if (ok && info.byteSwapped)
                     byteSwap(dst, itemSize);
                 }
               });
    readErrno = errno;
  }
  bool readError = std::ferror(tLoadFile) != 0;
  std::fclose(tLoadFile);
  tLoadFile = nullptr;
  if (!ok) {
    _mlir_memref_to_llvm_free(data);
    if (readError)
      return fail("OSError: cannot read " + quoted(path) + ": " +
                  std::strerror(readErrno ? readErrno : EIO));
    return fail(invalidFile(path, "truncated: the data ends early"));
  }
  if (elemKind == WEFT_BOOL)
    for (int64_t i = 0; i < count; ++i)
      data[i] = data[i] != 0;
  writeDescriptor(descriptorOut, data, info.shape, strides);
  return nullptr;
}

/// The body of weft_rt_save_npy: null on success, else the error message.
const char *saveNpy(const char *path, int32_t elemKind, int64_t rank,
                    const void *descriptor) {
  if (!npyTypeName(elemKind) || rank < 0)
    return fail("SystemError: save of an array of unknown element kind " +
                std::to_string(elemKind) + " or rank " + std::to_string(rank));
  const char *d = static_cast<const char *>(descriptor);
  const char *aligned;
  int64_t offset;
  std::memcpy(&aligned, d + sizeof(void *), sizeof aligned);
  std::memcpy(&offset, d + 2 * sizeof(void *), sizeof offset);
  std::vector<int64_t> shape(static_cast<size_t>(rank)),
      strides(static_cast<size_t>(rank));
  const char *fields = d + 2 * sizeof(void *) + sizeof offset;
  if (rank > 0) {
    std::memcpy(shape.data(), fields, rank * sizeof(int64_t));
    std::memcpy(strides.data(), fields + rank * sizeof(int64_t),
                rank * sizeof(int64_t));
  }
  for (int64_t s : shape)
    if (s < 0)
      return fail("SystemError: save of an array with a negative size");

  const int64_t itemSize = npyItemSize(elemKind);
  const std::string preamble = npyPreamble(elemKind, shape);
  errno = 0;
  FILE *f = std::fopen(path, "wb");
  if (!f)
    return fail("OSError: cannot write " + quoted(path) + ": " +
                std::strerror(errno ? errno : EIO));
  bool ok =
      std::fwrite(preamble.data(), 1, preamble.size(), f) == preamble.size();
  const char *base = aligned + offset * itemSize;
  if (ok && elemKind != WEFT_BOOL && strides == rowMajorStrides(shape)) {
    int64_t count = 1;
    for (int64_t s : shape)
      count *= s;
    size_t bytes = static_cast<size_t>(count * itemSize);
    ok = bytes == 0 || std::fwrite(base, 1, bytes, f) == bytes;
  } else if (ok) {
    std::vector<char> chunk(kChunkBytes);
    size_t used = 0;
    forEachRun(shape, strides, [&](int64_t start, int64_t n, int64_t stride) {
      for (int64_t i = 0; ok && i < n; ++i) {
        if (used + itemSize > chunk.size()) {
          ok = std::fwrite(chunk.data(), 1, used, f) == used;
          used = 0;
        }
        const char *src = base + (start + i * stride) * itemSize;
        if (elemKind == WEFT_BOOL)
          chunk[used] = *src != 0;
        else
          std::memcpy(&chunk[used], src, static_cast<size_t>(itemSize));
        used += static_cast<size_t>(itemSize);
      }
    });
    ok = ok && (used == 0 || std::fwrite(chunk.data(), 1, used, f) == used);
  }
  int err = errno;
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (!ok)
    return fail("OSError: cannot write " + quoted(path) + ": " +
                std::strerror(err ? err : EIO));
  return nullptr;
}

} // namespace

//===--- Public helpers ---------------------------------------------------===//

const char *npyTypeName(int32_t elemKind) {
  switch (elemKind) {
  case WEFT_BOOL:
    return "bool";
  case WEFT_I32:
    return "int32";
  case WEFT_I64:
    return "int64";
  case WEFT_F32:
    return "float32";
  case WEFT_F64:
    return "float64";
  case WEFT_I8:
    return "int8";
  case WEFT_I16:
    return "int16";
  case WEFT_U8:
    return "uint8";
  case WEFT_U16:
    return "uint16";
  case WEFT_U32:
    return "uint32";
  case WEFT_U64:
    return "uint64";
  case WEFT_C128:
    return "complex128";
  case WEFT_C64:
    return "complex64";
  default:
    return nullptr;
  }
}

int64_t npyItemSize(int32_t elemKind) { return weft_dtype_bytes(elemKind); }

const char *npyDescr(int32_t elemKind) {
  bool little = hostIsLittleEndian();
  switch (elemKind) {
  case WEFT_BOOL:
    return "|b1";
  case WEFT_I32:
    return little ? "<i4" : ">i4";
  case WEFT_I64:
    return little ? "<i8" : ">i8";
  case WEFT_F32:
    return little ? "<f4" : ">f4";
  case WEFT_F64:
    return little ? "<f8" : ">f8";
  case WEFT_I8:
    return "|i1";
  case WEFT_I16:
    return little ? "<i2" : ">i2";
  case WEFT_U8:
    return "|u1";
  case WEFT_U16:
    return little ? "<u2" : ">u2";
  case WEFT_U32:
    return little ? "<u4" : ">u4";
  case WEFT_U64:
    return little ? "<u8" : ">u8";
  default:
    return nullptr;
  }
}

std::string npyShapeRepr(const std::vector<int64_t> &shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      s += ", ";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1)
    s += ",";
  return s + ")";
}

std::string npyPreamble(int32_t elemKind, const std::vector<int64_t> &shape) {
  const char *descr = npyDescr(elemKind);
  std::string header =
      std::string("{'descr': '") + (descr ? descr : "") +
      "', 'fortran_order': False, 'shape': " + npyShapeRepr(shape) + ", }";
  if (!shape.empty()) {
    size_t digits = std::to_string(shape[0]).size();
    if (digits < kGrowthAxisMaxDigits)
      header.append(kGrowthAxisMaxDigits - digits, ' ');
  }
  // Version 1.0 stores the header length in 16 bits, 2.0 in 32 bits.
  for (int major = 1; major <= 2; ++major) {
    size_t prefix = kMagicLen + 2 + (major == 1 ? 2 : 4);
    size_t hlen = header.size() + 1;
    size_t padlen = 64 - (prefix + hlen) % 64;
    size_t total = hlen + padlen;
    if (major == 1 && total > 0xffff)
      continue;
    std::string out(kMagic, kMagicLen);
    out.push_back(static_cast<char>(major));
    out.push_back('\0');
    for (size_t i = 0; i < prefix - kMagicLen - 2; ++i)
      out.push_back(static_cast<char>((total >> (8 * i)) & 0xff));
    out += header;
    out.append(padlen, ' ');
    out.push_back('\n');
    return out;
  }
  return std::string(); // unreachable: 2.0 holds any header
}

bool parseNpyPreamble(const char *bytes, size_t size, NpyInfo &info,
                      std::string &problem) {
  info = NpyInfo();
  if (size < kMagicLen || std::memcmp(bytes, kMagic, kMagicLen) != 0) {
    problem = "no .npy magic string at the start";
    return false;
  }
  if (size < kMagicLen + 2) {
    problem = "truncated before the format version";
    return false;
  }
  const auto *u = reinterpret_cast<const unsigned char *>(bytes);
  info.major = u[6];
  info.minor = u[7];
  if (info.minor != 0 || info.major < 1 || info.major > 3) {
    problem = "unsupported format version " + std::to_string(info.major) + "." +
              std::to_string(info.minor);
    return false;
  }
  size_t lengthBytes = info.major == 1 ? 2 : 4;
  if (size < kMagicLen + 2 + lengthBytes) {
    problem = "truncated before the header length";
    return false;
  }
  uint32_t headerLen = readLE(u + 8, static_cast<int>(lengthBytes));
  size_t headerStart = kMagicLen + 2 + lengthBytes;
  if (size - headerStart < headerLen) {
    problem = "truncated header: " + std::to_string(headerLen) +
              " bytes announced, " + std::to_string(size - headerStart) +
              " there";
    return false;
  }
  info.dataOffset = static_cast<int64_t>(headerStart + headerLen);

  Literal dict;
  LiteralParser parser(bytes + headerStart, bytes + headerStart + headerLen);
  if (!parser.parseAll(dict, problem))
    return false;
  if (dict.kind != Literal::Dict) {
    problem = "the header is not a dict";
    return false;
  }
  const Literal *descr = nullptr, *fortran = nullptr, *shape = nullptr;
  for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    const Literal &key = dict.items[i];
    const Literal &value = dict.items[i + 1];
    if (key.kind == Literal::Str && key.str == "descr")
      descr = &value;
    else if (key.kind == Literal::Str && key.str == "fortran_order")
      fortran = &value;
    else if (key.kind == Literal::Str && key.str == "shape")
      shape = &value;
    else {
      problem = "unexpected key in the header";
      if (key.kind == Literal::Str)
        problem += " '" + key.str + "'";
      return false;
    }
  }
  if (!descr || !fortran || !shape) {
    problem = std::string("the header has no '") +
              (!descr     ? "descr"
               : !fortran ? "fortran_order"
                          : "shape") +
              "'";
    return false;
  }
  if (fortran->kind != Literal::Bool) {
    problem = "'fortran_order' is not True or False";
    return false;
  }
  info.fortranOrder = fortran->boolean;
  if (shape->kind != Literal::Tuple) {
    problem = "'shape' is not a tuple";
    return false;
  }
  for (const Literal &dim : shape->items) {
    if (dim.kind != Literal::Int || dim.intOverflow || dim.integer < 0) {
      problem = "'shape' holds something else than sizes";
      return false;
    }
    info.shape.push_back(dim.integer);
  }
  if (descr->kind == Literal::Str) {
    describeDtype(descr->str, info);
  } else if (descr->kind == Literal::List) {
    info.descr = "[...]";
    info.typeName = "a structured dtype";
  } else {
    problem = "'descr' is not a dtype description";
    return false;
  }
  int64_t dataBytes = info.itemSize;
  for (int64_t dim : info.shape)
    if (__builtin_mul_overflow(dataBytes, dim, &dataBytes)) {
      problem = "'shape' is too large";
      return false;
    }
  info.dataBytes = dataBytes;
  return true;
}

bool inspectNpyFile(const std::string &path, NpyInfo &info,
                    std::string &error) {
  FILE *f = openNpy(path.c_str(), info, error);
  if (!f)
    return false;
  std::fclose(f);
  return true;
}

} // namespace rt
} // namespace weft

extern "C" {

void weft_rt_load_npy(const char *path, int32_t elemKind, int64_t rank,
                      void *descriptorOut, int64_t line) {
  const char *error = weft::rt::loadNpy(path, elemKind, rank, descriptorOut);
  if (!error)
    return;
  if (!weft::rt::recordInParallelRegion(error, line))
    weft_rt_fail(error, line);
  // Inside a parallel loop the error is raised when the loop ends; until
  // then the result is an empty array: { allocated, aligned, offset,
  // sizes[rank] = 0, strides[rank] = 1 }.
  auto *d = static_cast<int64_t *>(descriptorOut);
  void *empty = _mlir_memref_to_llvm_alloc(0);
  std::memcpy(&d[0], &empty, sizeof empty);
  std::memcpy(&d[1], &empty, sizeof empty);
  d[2] = 0;
  for (int64_t i = 0; i < rank; ++i) {
    d[3 + i] = 0;
    d[3 + rank + i] = 1;
  }
}

void weft_rt_save_npy(const char *path, int32_t elemKind, int64_t rank,
                      const void *descriptor, int64_t line) {
  if (const char *error = weft::rt::saveNpy(path, elemKind, rank, descriptor))
    if (!weft::rt::recordInParallelRegion(error, line))
      weft_rt_fail(error, line);
}

} // extern "C"
