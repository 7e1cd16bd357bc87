//===- NpyIO.h - Reading and writing NumPy .npy files -----------*- C++ -*-===//
//
// `load("x.npy")` and `save("x.npy", a)` in Weft programs: the runtime
// reads .npy files (format versions 1.0, 2.0 and 3.0, C or Fortran order,
// either byte order) into new array buffers, and writes arrays of any
// strides as C-order files byte-identical to what NumPy's np.save writes.
//
// Arrays cross this ABI as MLIR ranked memref descriptors:
//   { void *allocated; void *aligned; int64_t offset;
//     int64_t sizes[rank]; int64_t strides[rank]; }
// with strides and offset counted in elements.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_NPYIO_H
#define WEFT_RUNTIME_NPYIO_H

#include <cstdint>
#include <string>
#include <vector>

// Element kinds (`elemKind`) are weft_dtype's numbers.
#include "runtime/embed/include/weft/dtype.h"

extern "C" {

/// Loads the .npy file at `path` into a new array of element kind
/// `elemKind` and rank `rank`, and writes its descriptor (buffer from
/// _mlir_memref_to_llvm_alloc, offset 0, row-major strides) to
/// `descriptorOut`. The file's dtype and rank must be exactly those; any
/// problem fails with weft_rt_fail at source line `line`.
void weft_rt_load_npy(const char *path, int32_t elemKind, int64_t rank,
                      void *descriptorOut, int64_t line);

/// Saves the array described by `descriptor` (any strides, including
/// negative and zero ones) to `path` as a C-order .npy file. Fails with
/// weft_rt_fail at source line `line` if the file cannot be written.
void weft_rt_save_npy(const char *path, int32_t elemKind, int64_t rank,
                      const void *descriptor, int64_t line);
}

namespace weft {
namespace rt {

/// NumPy's name of an element kind ("float64", "int32", "bool", ...), or
/// null for an unknown kind.
const char *npyTypeName(int32_t elemKind);
/// Bytes per element of an element kind (0 for an unknown kind).
int64_t npyItemSize(int32_t elemKind);
/// The `descr` NumPy writes for an element kind on this host ("<f8",
/// "|b1", ...), or null for an unknown kind.
const char *npyDescr(int32_t elemKind);

/// Python's repr() of a shape tuple: "()", "(5,)", "(2, 3)".
std::string npyShapeRepr(const std::vector<int64_t> &shape);

/// The bytes np.save writes in front of the data of a C-order array of
/// `elemKind` and `shape`: magic, version (1.0, or 2.0 when the header
/// does not fit in 64 KiB), header length, header dict and padding to a
/// multiple of 64 bytes.
std::string npyPreamble(int32_t elemKind, const std::vector<int64_t> &shape);

/// What the preamble of a .npy file says.
struct NpyInfo {
  int major = 0, minor = 0; ///< format version
  std::string descr;        ///< the header's `descr`, e.g. "<f8"
  /// The element kind of `descr` (kNpy*), or -1 if Weft has none.
  int32_t elemKind = -1;
  std::string typeName;     ///< NumPy's name of the dtype ("float64", ...)
  bool byteSwapped = false; ///< data is in the other byte order than ours
  bool fortranOrder = false;
  std::vector<int64_t> shape;
  int64_t itemSize = 0;   ///< bytes per element (0 if unknown)
  int64_t dataOffset = 0; ///< where the data starts in the file
  int64_t dataBytes = 0;  ///< product of shape times itemSize
};

/// Parses the preamble of the .npy file whose first bytes are
/// `bytes[0, size)` (all of the preamble must be there). Returns false
/// with a description of the problem in `problem` (e.g. "bad magic
/// string") if this is not a valid .npy preamble.
bool parseNpyPreamble(const char *bytes, size_t size, NpyInfo &info,
                      std::string &problem);

/// Opens `path` and parses its preamble. Returns false with the complete
/// error message in `error` (e.g. "FileNotFoundError: cannot open 'x.npy':
/// No such file or directory") when it fails. Checks that the file holds
/// all the data the header announces, when its size can be known.
bool inspectNpyFile(const std::string &path, NpyInfo &info, std::string &error);

} // namespace rt
} // namespace weft

#endif // WEFT_RUNTIME_NPYIO_H
