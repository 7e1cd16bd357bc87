//===- MLIRGenTransforms.cpp - Typed AST to MLIR: vmap --------------------===//
//
// `vmap(f, axis=k)(args)`: a weft.vmap op (f once per index i of axis k
// of its array arguments, the results stacked along a new first axis),
// lowered by weft-lower-vmap.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Val FunctionGen::emitVmap(const CallExpr *c) {
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  const FunctionInstance *callee = fn.calls.at(c);
  int64_t axis = fn.vmapAxis.at(c);
  // Arrays are mapped as they are; numbers go to every call, converted
  // to the parameter's type. weft-lower-vmap writes the loops.
  SmallVector<Value, 4> args;
  for (size_t k = 0; k < c->args.size(); ++k) {
    const Expr *e = c->args[k].get();
    Value v = emitExpr(e).v();
    args.push_back(
        fn.typeOf(e).isArray() ? v : convertTo(v, callee->paramTypes[k], l));
  }
  note(ln, "vmap of '" + callee->name + "' over axis " + std::to_string(axis) +
               ": one call per index, " + parallelText());
  Value out =
      weft::VmapOp::create(b, l, toMLIR(fn.typeOf(c)),
                           mg.funcs.at(callee).getSymName(), args, axis, ln);
  addTemp(out);
  return Val(out);
}

} // namespace weft
