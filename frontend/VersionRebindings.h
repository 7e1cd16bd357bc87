//===- VersionRebindings.h - Rebindings as new names ----------*- C++ -*-===//
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

/// In every function of `module`: each plain assignment `x = e` or
/// `x, y = e` at the top level of the body starts a version of the names
/// it binds; the K-th version (K >= 2; a parameter is the first) is named
/// `x__vK`, and every occurrence up to the next such assignment is
/// renamed with it: uses, and the bindings nested in loops and branches or
/// made by augmented assignments, which join that version. Each version
/// then has a type of its own, as Numba types each definition apart.
void versionRebindings(ModuleAST &module);

/// The same for one body with parameters `params`; versions are named
/// `x<suffix>K` (`__v` at parse time, `__s` after static branches are
/// pruned, so the two never meet).
void versionBody(const std::vector<Param> &params, Block &body,
                 const std::string &suffix);

/// `text` with the version suffixes of such names removed (`x__v2` and
/// `x__s2` are shown as `x` in diagnostics).
std::string withoutVersionSuffixes(const std::string &text);

} // namespace weft

#endif // WEFT_FRONTEND_VERSIONREBINDINGS_H
