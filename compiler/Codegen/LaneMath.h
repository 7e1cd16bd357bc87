//===- LaneMath.h - Vector forms of libm calls, one scalar call per lane -*- C++
//-*-===//
//
// LLVM's loop vectorizer widens a call only when the function has a vector
// form: an intrinsic (sqrt, exp, log, sin, ...) or a vector library entry.
// libm functions without either (erf, erfc, atan2, ...) keep any loop that
// calls them scalar, arithmetic and loads included. These helpers give each
// such function a vector form whose lanes call the scalar function, so the
// loop around it vectorizes and every result is the scalar one, bit for bit.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_CODEGEN_LANEMATH_H
#define WEFT_COMPILER_CODEGEN_LANEMATH_H

#include <deque>
#include <string>

namespace llvm {
class Module;
class TargetLibraryInfoImpl;
} // namespace llvm

namespace weft {

/// Declares to `tlii` a vector form (128 to 512 bits of lanes) of every libm
/// function `module` calls that has no vector form yet. `names` keeps the
/// strings `tlii` refers to; it must outlive `tlii`.
void addLaneMathMappings(llvm::TargetLibraryInfoImpl &tlii,
                         const llvm::Module &module,
                         std::deque<std::string> &names);

/// Defines the vector forms the vectorizer called (declarations named by
/// addLaneMathMappings): each lane calls the scalar function.
void defineLaneMathFunctions(llvm::Module &module);

} // namespace weft

#endif // WEFT_COMPILER_CODEGEN_LANEMATH_H
