//===- SemaByteViews.cpp - Typing of views of an array's bytes ------------===//
//
// NumPy's a.view(dtype) and np.frombuffer(buffer, dtype): the bytes of an
// array (a bytes or bytearray argument is a uint8 one) read as elements of
// another type, sharing its buffer (MLIRGenNumpy.cpp emits weft.view_dtype
// and NumPy's checks).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

namespace {
/// Whether `t` is an array whose bytes a view may read: not a str, a list
/// or a list of lists.
bool hasBytes(const Type &t) {
  return t.isArray() && !t.isString() && t.listDepth() == 0;
}
} // namespace

Type Analyzer::checkViewDtype(const CallExpr *c, const Type &base) {
  const Expr *spec = c->args.size() == 1 && c->keywords.empty()
                         ? c->args[0].get()
                     : c->args.empty() && c->keywords.size() == 1 &&
                             c->keywords[0].name == "dtype"
                         ? c->keywords[0].value.get()
                         : nullptr;
  std::optional<ScalarKind> k = spec ? dtypeArgument(spec) : std::nullopt;
  if (!k) {
    diags_.error(c->range, "view() takes one dtype (np.uint8, np.int64, "
                           "np.float64, ...): the array's bytes read as "
                           "elements of that type");
    return Type::unknown();
  }
  if (!hasBytes(base)) {
    diags_.error(c->range,
                 "view() reads the bytes of an array, not of a " + base.str());
    return Type::unknown();
  }
  return Type::array(*k, base.rank());
}

Type Analyzer::checkFrombuffer(const CallExpr *c, const std::vector<Type> &args,
                               const std::vector<const Expr *> &argExprs) {
  if (!checkArity(c, "frombuffer", args.size(), 1, 2))
    return Type::unknown();
  const Expr *spec = args.size() == 2 ? argExprs[1] : nullptr;
  for (const KeywordArg &k : c->keywords) {
    if (k.name != "dtype" || spec) {
      diags_.error(k.nameRange,
                   "frombuffer() takes the buffer and a dtype (Numba's "
                   "np.frombuffer has no count= or offset=; slice the "
                   "buffer first)");
      return Type::unknown();
    }
    spec = k.value.get();
  }
  std::optional<ScalarKind> kind =
      spec ? dtypeArgument(spec) : std::optional<ScalarKind>(ScalarKind::F64);
  if (!kind) {
    diags_.error(spec->range, "frombuffer()'s dtype is a type (np.uint8, "
                              "np.int64, np.float64, ...)");
    return Type::unknown();
  }
  if (!args[0].isKnown())
    return Type::unknown();
  if (!hasBytes(args[0]) || args[0].rank() != 1) {
    diags_.error(argExprs[0]->range,
                 "frombuffer() reads bytes, a bytearray or a 1-D array, "
                 "not a " +
                     args[0].str());
    return Type::unknown();
  }
  return Type::array(*kind, 1);
}

} // namespace sema
} // namespace weft
