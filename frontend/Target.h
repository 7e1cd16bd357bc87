//===- Target.h - Where a function's parallel loops run --------*- C++ -*-===//
//
// The target of `@jit(target=...)`, `--target`, the embedding options and
// the `weft.target` attribute, as one enum: names are parsed once, at the
// boundary, and compared nowhere else.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_TARGET_H
#define WEFT_FRONTEND_TARGET_H

#include <optional>
#include <string_view>

namespace weft {

/// CPU threads, the GPU, or the GPU when a driver and device are present
/// (resolved to one of the others before code generation).
enum class Target { CPU, GPU, Auto };

/// "cpu", "gpu" or "auto".
inline const char *targetName(Target t) {
  switch (t) {
  case Target::CPU:
    return "cpu";
  case Target::GPU:
    return "gpu";
  case Target::Auto:
    return "auto";
  }
  return "cpu";
}

/// The target named `name`, if it is one.
inline std::optional<Target> parseTarget(std::string_view name) {
  if (name == "cpu")
    return Target::CPU;
  if (name == "gpu")
    return Target::GPU;
  if (name == "auto")
    return Target::Auto;
  return std::nullopt;
}

} // namespace weft

#endif // WEFT_FRONTEND_TARGET_H
