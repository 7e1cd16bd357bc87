//===- VersionRebindings.h - straight-line rebindings as new names -*- C++
//-*-===//
//
// `x = conv(x); x = np.reshape(x, (n, c))`: each rebinding of a variable at
// the top level of a function body gets a name of its own, so that it may
// hold another type (Numba types each definition apart), before type
// checking.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_VERSIONREBINDINGS_H
#define WEFT_FRONTEND_VERSIONREBINDINGS_H

#include "frontend/AST.h"

#include <string>

namespace weft {

/// In every function of `module`: a variable bound only by plain
/// assignments `x = e` at the top level of the body (never in a loop, a
/// branch, a tuple target, an augmented or annotated assignment or a for
/// target), and by at least two of them, gets the name `x__vK` from its
/// K-th assignment on (K >= 2); the uses up to the next assignment,
/// nested ones included, are renamed with it. Each version then has a
/// type of its own. Other variables keep one type per function.
void versionRebindings(ModuleAST &module);

/// `text` with the version suffixes of such names removed (`x__v2` is
/// shown as `x` in diagnostics).
std::string withoutVersionSuffixes(const std::string &text);

} // namespace weft

#endif // WEFT_FRONTEND_VERSIONREBINDINGS_H
