//===- MLIRGenTransforms.cpp - Typed AST to MLIR: vmap --------------------===//
//
// `vmap(f, axis=k)(args)`: f is called once per index i of axis k of its
// array arguments (each passed as the slice at i, an element for a 1-D
// array; number arguments are passed to every call), in a parallel loop;
// the results are stacked along a new first axis.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Val FunctionGen::emitVmap(const CallExpr *c) {
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  const FunctionInstance *callee = fn.calls.at(c);
  func::FuncOp f = mg.funcs.at(callee);
  int64_t axis = fn.vmapAxis.at(c);
  weft::Type rt = fn.typeOf(c);
  ScalarKind rk = rt.scalarKind();

  struct Arg {
    Value value;
    weft::Type type;
    int64_t axis = -1; ///< the mapped axis of an array argument
    ArrayMeta meta;
  };
  std::vector<Arg> args;
  Value n;
  for (const ExprPtr &e : c->args) {
    Arg a;
    a.type = fn.typeOf(e.get());
    a.value = emitExpr(e.get()).v();
    if (a.type.isArray()) {
      a.axis = axis < 0 ? axis + a.type.rank() : axis;
      a.meta = arrayMeta(a.value, l);
      Value len = a.meta.sizes[a.axis];
      if (!n) {
        n = len;
      } else {
        emitCheck(arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, n, len),
                  "ValueError: vmap: the arguments' mapped axes have "
                  "different lengths",
                  ln, l);
      }
    }
    args.push_back(a);
  }
  note(ln, "vmap of '" + callee->name + "' over axis " + std::to_string(axis) +
               ": one call per index, " + parallelText());
  // The arguments of the call for index i (views share their buffers).
  auto argsAt = [&](Value i) {
    SmallVector<Value, 8> out;
    for (size_t k = 0; k < args.size(); ++k) {
      const Arg &a = args[k];
      const weft::Type &pt = callee->paramTypes[k];
      if (a.axis < 0) {
        out.push_back(convertTo(a.value, pt, l));
        continue;
      }
      Value offset = arith::AddIOp::create(
          b, l, a.meta.offset,
          arith::MulIOp::create(b, l, i, a.meta.strides[a.axis]));
      SmallVector<Value, 4> sizes, strides;
      for (size_t d = 0; d < a.meta.sizes.size(); ++d)
        if (static_cast<int64_t>(d) != a.axis) {
          sizes.push_back(a.meta.sizes[d]);
          strides.push_back(a.meta.strides[d]);
        }
      ScalarKind ek = a.type.scalarKind();
      if (sizes.empty()) {
        // A 1-D argument: the element itself.
        SmallVector<Value, 1> idx;
        idx.push_back(i);
        out.push_back(convertTo(
            memref::LoadOp::create(b, l, a.value, idx).getResult(), pt, l));
      } else {
        out.push_back(makeView(a.value, ek, offset, sizes, strides, l));
      }
    }
    return out;
  };

  if (!callee->returnType.isArray()) {
    // Numbers: one element of the result per call.
    SmallVector<Value, 1> dims{n};
    Value out = allocArrayN(rk, dims, l);
    emitParallelNest(dims, l, [&](ValueRange iv) {
      auto call = func::CallOp::create(b, l, f, argsAt(iv[0]));
      memref::StoreOp::create(b, l, convert(call.getResult(0), rk, l), out, iv);
    });
    weft::RaiseRecordedOp::create(b, l);
    return Val(out);
  }
  // Arrays: the first call gives the shape of every result.
  emitCheck(
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, index(0, l)),
      "ValueError: vmap over an empty axis: the function's result "
      "shape is unknown",
      ln, l);
  Value first = func::CallOp::create(b, l, f, argsAt(index(0, l))).getResult(0);
  ArrayMeta fm = arrayMeta(first, l);
  SmallVector<Value, 4> dims{n};
  dims.append(fm.sizes.begin(), fm.sizes.end());
  Value out = allocArrayN(rk, dims, l);
  n = dims[0]; // zeros after a MemoryError inside a parallel loop
  for (size_t d = 0; d < fm.sizes.size(); ++d)
    fm.sizes[d] = dims[d + 1];
  auto copyInto = [&](Value r, Value i) {
    emitLoopNest(fm.sizes, l, [&](ValueRange ivs) {
      SmallVector<Value, 4> at{i};
      at.append(ivs.begin(), ivs.end());
      memref::StoreOp::create(
          b, l,
          convert(memref::LoadOp::create(b, l, r, ivs).getResult(), rk, l), out,
          at);
    });
  };
  copyInto(first, index(0, l));
  weft::ReleaseOp::create(b, l, first);
  Value rest = arith::SubIOp::create(b, l, n, index(1, l));
  emitParallelNest(ValueRange{rest}, l, [&](ValueRange iv) {
    Value i = arith::AddIOp::create(b, l, iv[0], index(1, l));
    Value r = func::CallOp::create(b, l, f, argsAt(i)).getResult(0);
    ArrayMeta rm = arrayMeta(r, l);
    Value differs = constant(ScalarKind::Bool, 0, l);
    for (size_t d = 0; d < rm.sizes.size(); ++d)
      differs = arith::OrIOp::create(
          b, l, differs,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, rm.sizes[d],
                                fm.sizes[d]));
    emitCheck(differs,
              "ValueError: vmap: the function returned arrays of different "
              "shapes",
              ln, l);
    auto ok =
        scf::IfOp::create(b, l, TypeRange{}, differs, /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(&ok.getElseRegion().front());
      copyInto(r, i);
    }
    weft::ReleaseOp::create(b, l, r);
  });
  weft::RaiseRecordedOp::create(b, l);
  return Val(out);
}

} // namespace weft
