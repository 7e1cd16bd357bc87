//===- CallArguments.h - Host arguments checked and packed for a call -*-===//
//
// What every host call (C++, C, Python) goes through between its argument
// list and the compiled function: ranks, element types and extents are
// checked; read-only buffers are refused for parameters the function may
// write; numbers are converted to the parameter types, refusing values out
// of range; and array views are packed as MLIR memref descriptors.
// Views of overlapping memory get one base pointer, so the compiled code's
// overlap rule (as if the right side were copied first) sees them as views
// of one buffer; where that cannot be expressed (different element sizes,
// misaligned views), an argument the function only reads is copied first.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_EMBED_CALLARGUMENTS_H
#define WEFT_RUNTIME_EMBED_CALLARGUMENTS_H

#include "frontend/Types.h"
#include "weft/weft.hpp"

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <string>
#include <vector>

namespace weft {
namespace detail {

/// Bytes per element of `d`.
size_t elementBytes(DType d);

/// Checks what does not depend on the function: a rank of 0 to 4, a known
/// element type, sizes not negative, data for a non-empty view and an
/// extent that fits the address space. CallError naming the argument.
void checkArguments(const std::string &function, const std::vector<Arg> &args);

/// The parameters of one specialisation, as a call needs them.
struct ParameterInfo {
  std::vector<Type> types;
  std::vector<std::string> names;
  std::vector<bool> written; ///< may write into the buffer
};

/// Packs `n` arguments for the specialisation with `params` without any
/// copy or conversion, as PackedArguments would for them: numbers of the
/// parameters' exact types as their bytes, arrays as descriptors over
/// their own data. False, having changed nothing the caller relies on, when
/// only PackedArguments can pass them: a number of another type, an array
/// that overlaps another, is read-only for a written parameter, has no
/// data or reaches beyond the address space, or more than `capacity`
/// slots. `used` is the number of slots filled.
bool packDirect(const Arg *args, size_t n, const ParameterInfo &params,
                uint64_t *slots, size_t capacity, size_t &used);

/// One call's arguments, as 8-byte slots (one per LLVM parameter; memref
/// descriptors flattened: allocated, aligned, offset, sizes, strides).
/// Copies made for overlapping arguments are released with it (a result
/// that views one holds its own reference).
class PackedArguments {
public:
  PackedArguments(const std::string &function, const std::vector<Arg> &args,
                  const ParameterInfo &params);
  ~PackedArguments();
  PackedArguments(const PackedArguments &) = delete;
  PackedArguments &operator=(const PackedArguments &) = delete;

  llvm::SmallVector<uint64_t, 32> slots;

private:
  void pack(const std::string &function, const std::vector<Arg> &args,
            const ParameterInfo &params);
  llvm::SmallVector<void *, 2> copies_;
};

} // namespace detail
} // namespace weft

#endif // WEFT_RUNTIME_EMBED_CALLARGUMENTS_H
