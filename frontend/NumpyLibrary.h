//===- NumpyLibrary.h - NumPy functions written in Weft ---------*- C++ -*-===//
//
// NumPy functions that are ordinary Weft code over the builtins
// (np.square, np.nonzero, np.roll, ...): the parser names a call of one
// `__np_<name>`, and addNumpyLibrary adds the definitions a module calls,
// parsed from the library's source, to the module.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_NUMPYLIBRARY_H
#define WEFT_FRONTEND_NUMPYLIBRARY_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

#include <memory>
#include <string>

namespace weft {

/// The file name the library's source is parsed under.
constexpr const char *kNumpyLibraryFile = "<numpy library>";

/// The prefix of a library function's name in the module.
constexpr const char *kNumpyLibraryPrefix = "__np_";

/// Whether `np.<name>` is one of the library's functions.
bool isNumpyLibraryFunction(const std::string &name);
/// Whether the library has a function `__np_<name>` (NumPy's or not).
bool isNumpyLibraryName(const std::string &name);

/// NumPy's array functions of the library (NumpyArrayFunctions.cpp).
const char *numpyArrayFunctionsSource();
/// The np.linalg part of the library's source (NumpyLinalgLibrary.cpp).
const char *numpyLinalgLibrarySource();
/// The other forms of builtins, `__np_x_<name>` (NumpyBuiltinForms.cpp).
const char *numpyBuiltinFormsSource();
/// The hash table of dicts and sets (DictLibrary.cpp, DesugarDicts.h).
const char *dictLibrarySource();
/// Python's cmath module (CmathLibrary.cpp).
const char *cmathLibrarySource();
/// Python's random module (PyRandomLibrary.cpp).
const char *pyRandomLibrarySource();
/// heapq's sift functions (HeapqLibrary.cpp).
const char *heapqLibrarySource();
/// The methods of str (StrLibrary.cpp).
const char *strLibrarySource();

/// The library's source (for docs and tests).
const char *numpyLibrarySource();

/// Adds to `module` the library functions it calls (and those they call).
/// Their source is kept in `libraryFile` (lines numbered after the
/// module's own, so the diagnostics engine shows errors in them with the
/// library's text). Returns false (an error reported) if the library does
/// not parse, which is a bug of Weft's.
bool addNumpyLibrary(ModuleAST &module, DiagnosticEngine &diags,
                     std::unique_ptr<SourceFile> &libraryFile);

} // namespace weft

#endif // WEFT_FRONTEND_NUMPYLIBRARY_H
