//===- MLIRGen.cpp - Typed AST to MLIR: module, functions, locals ---------===//
//
// Creates the module and one func.func per function instance, maps Weft
// types to MLIR types (arrays are dynamically shaped, strided memrefs),
// and manages the environment of locals and the reference counts of
// arrays held in it.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGen.h"
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include "compiler/Conversion/ArrayNest.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Verifier.h"

#include <set>

using namespace mlir;

namespace weft {

FunctionGen::FunctionGen(ModuleGen &mg, const FunctionInstance &fn)
    : mg(mg), fn(fn), b(&mg.ctx) {}

void FunctionGen::error(SourceRange r, const std::string &msg) {
  if (!failed)
    mg.diags.error(r, msg);
  failed = true;
}

Location FunctionGen::loc(SourceRange r) {
  return FileLineColLoc::get(&mg.ctx, mg.file.filename(), r.begin.line,
                             r.begin.col);
}

mlir::Type FunctionGen::toMLIR(const weft::Type &t) {
  auto scalar = [&](ScalarKind k) -> mlir::Type {
    switch (k) {
    case ScalarKind::Bool:
      return b.getI1Type();
    case ScalarKind::I32:
      return b.getI32Type();
    case ScalarKind::I64:
      return b.getI64Type();
    case ScalarKind::F32:
      return b.getF32Type();
    case ScalarKind::F64:
      return b.getF64Type();
    // Storage kinds: unsigned ones as MLIR's unsigned integer types, so
    // kindOf tells u8 from i8 (convert() casts them to signless first).
    case ScalarKind::I8:
      return b.getIntegerType(8);
    case ScalarKind::I16:
      return b.getIntegerType(16);
    case ScalarKind::U8:
      return b.getIntegerType(8, false);
    case ScalarKind::U16:
      return b.getIntegerType(16, false);
    case ScalarKind::U32:
      return b.getIntegerType(32, false);
    // u64 in flight as MLIR's ui64 too: its operations are unsigned
    // (emitBinaryScalar, emitCompareOp) on the signless bits.
    case ScalarKind::U64:
      return b.getIntegerType(64, false);
    case ScalarKind::C128:
      return ComplexType::get(b.getF64Type());
    case ScalarKind::C64:
      return ComplexType::get(b.getF32Type());
    }
    return b.getF64Type();
  };
  if (t.isScalar())
    return scalar(t.scalarKind());
  if (t.isArray())
    return weft::stridedType(scalar(t.scalarKind()), t.rank());
  return {};
}

void FunctionGen::flatTypes(const weft::Type &t,
                            SmallVectorImpl<mlir::Type> &out) {
  // A tuple's parts; an optional's value and its "not None" flag.
  if (t.hasParts()) {
    for (const weft::Type &e : t.elems())
      flatTypes(e, out);
  } else if (!t.isCompileTimeOnly()) {
    out.push_back(toMLIR(t));
  }
}

ScalarKind FunctionGen::kindOf(mlir::Type t) const {
  if (auto c = dyn_cast<ComplexType>(t))
    return c.getElementType().isF32() ? ScalarKind::C64 : ScalarKind::C128;
  if (t.isUnsignedInteger(8))
    return ScalarKind::U8;
  if (t.isUnsignedInteger(16))
    return ScalarKind::U16;
  if (t.isUnsignedInteger(32))
    return ScalarKind::U32;
  if (t.isUnsignedInteger(64))
    return ScalarKind::U64;
  if (t.isInteger(8))
    return ScalarKind::I8;
  if (t.isInteger(16))
    return ScalarKind::I16;
  if (t.isInteger(1))
    return ScalarKind::Bool;
  if (t.isInteger(32))
    return ScalarKind::I32;
  if (t.isInteger(64))
    return ScalarKind::I64;
  if (t.isF32())
    return ScalarKind::F32;
  return ScalarKind::F64;
}

void slotNames(const std::string &name, const weft::Type &t,
               std::vector<std::string> &out) {
  if (t.isCompileTimeOnly())
    return; // None and dtypes have no run-time value
  if (!t.hasParts()) {
    out.push_back(name);
    return;
  }
  for (size_t i = 0; i < t.elems().size(); ++i)
    slotNames(name + "#" + std::to_string(i), t.elems()[i], out);
}

void FunctionGen::slotNames(const std::string &name, const weft::Type &t,
                            std::vector<std::string> &out) {
  weft::slotNames(name, t, out);
}

Val FunctionGen::defaultValue(const weft::Type &t, Location l) {
  Val v;
  SmallVector<mlir::Type> types;
  flatTypes(t, types);
  for (mlir::Type ty : types) {
    if (auto mt = dyn_cast<MemRefType>(ty))
      v.parts.push_back(weft::NullArrayOp::create(b, l, mt));
    else
      v.parts.push_back(constant(kindOf(ty), 0, l));
  }
  return v;
}

void FunctionGen::takeOwnership(Value v, Location l) {
  if (!isArray(v))
    return;
  auto it = std::find(temps_.begin(), temps_.end(), v);
  if (it != temps_.end()) {
    temps_.erase(it);
    return;
  }
  weft::RetainOp::create(b, l, v);
}

void FunctionGen::releaseTemps(size_t from, Location l) {
  for (size_t i = from; i < temps_.size(); ++i)
    weft::ReleaseOp::create(b, l, temps_[i]);
  temps_.resize(from);
}

void FunctionGen::storeLocal(const std::string &name, const weft::Type &t,
                             const Val &value, Location l) {
  std::vector<std::string> slots;
  slotNames(name, t, slots);
  Val v = value;
  if (t.isOptional() && v.parts.empty()) // None (`x = None`)
    v = defaultValue(t, l);
  if (t.isOptional() && v.parts.size() + 1 == slots.size()) // not None
    v.parts.push_back(constant(ScalarKind::Bool, 1, l));
  for (size_t i = 0; i < slots.size(); ++i) {
    Value nv = v.parts[i];
    Value &slot = env[slots[i]];
    if (!isArray(nv) && nv.getType() != slot.getType())
      nv = convert(nv, kindOf(slot.getType()), l);
    // A list of ints into a list of floats (Sema widens the variable).
    if (isArray(nv) && slot &&
        cast<MemRefType>(nv.getType()).getElementType() !=
            cast<MemRefType>(slot.getType()).getElementType())
      nv = convertList(
          nv, kindOf(cast<MemRefType>(slot.getType()).getElementType()), l);
    if (isArray(nv)) {
      takeOwnership(nv, l);
      if (slot)
        weft::ReleaseOp::create(b, l, slot);
    }
    slot = nv;
  }
  // The old array is released: the try's cells must not keep it.
  if (!tryCells_.empty())
    flushTryCells(l);
}

Val FunctionGen::loadLocal(const std::string &name, const weft::Type &t) {
  std::vector<std::string> slots;
  slotNames(name, t, slots);
  Val v;
  for (const std::string &s : slots)
    v.parts.push_back(env.at(s));
  return v;
}

bool sessionStorable(const weft::Type &t) {
  // Tuples and optionals are kept slot by slot ("t#0", "t#1", ...).
  if (t.hasParts())
    return std::all_of(t.elems().begin(), t.elems().end(),
                       [](const weft::Type &e) { return sessionStorable(e); });
  return t.isNumber() || t.isBool() || t.isArray();
}

bool FunctionGen::emit() {
  func::FuncOp f = mg.funcs.at(&fn);
  // weft-gpu-map-loops offloads the parallel loops of these functions.
  if (mg.gpu || fn.options.target == Target::GPU)
    weft::setFunctionTarget(f, weft::Target::GPU);
  mlir::Block *entry = f.addEntryBlock();
  entryBlock = entry;
  b.setInsertionPointToStart(entry);
  Location l = f.getLoc();

  // Every local starts with a default value so that every region can
  // yield it; parameters are then bound to the block arguments.
  for (auto &[name, t] : fn.locals) {
    bool isParam = std::find(fn.paramNames.begin(), fn.paramNames.end(),
                             name) != fn.paramNames.end();
    if (isParam)
      continue;
    Val d = defaultValue(t, l);
    std::vector<std::string> slots;
    slotNames(name, t, slots);
    for (size_t i = 0; i < slots.size(); ++i)
      env[slots[i]] = d.parts[i];
  }
  // A kernel runs once per grid point while its launch holds the arrays:
  // array parameters it never reassigns are borrowed (no reference-count
  // traffic per point).
  std::set<std::string> borrowed;
  if (fn.options.kernel) {
    std::set<std::string> writes;
    collectWrites(*fn.body, writes);
    for (const std::string &p : fn.paramNames)
      if (!writes.count(p))
        borrowed.insert(p);
  }
  unsigned argNo = 0;
  for (size_t i = 0; i < fn.paramNames.size(); ++i) {
    std::vector<std::string> slots;
    slotNames(fn.paramNames[i], fn.paramTypes[i], slots);
    // (a number parameter whose variable holds wider numbers: converted)
    auto local = fn.locals.find(fn.paramNames[i]);
    bool widen = local != fn.locals.end() && local->second.isScalar() &&
                 fn.paramTypes[i].isScalar() &&
                 local->second != fn.paramTypes[i];
    for (const std::string &s : slots) {
      Value a = entry->getArgument(argNo++);
      if (isArray(a) && !borrowed.count(fn.paramNames[i]))
        weft::RetainOp::create(b, l, a);
      if (widen)
        a = convert(a, local->second.scalarKind(), l);
      env[s] = a;
    }
  }
  if (fn.options.kernel)
    for (int k = 0; k < 6; ++k)
      gridPoint_[k] = entry->getArgument(argNo++);
  if (fn.def) {
    env["%ret"] = constant(ScalarKind::Bool, 0, l);
    Val d = defaultValue(fn.returnType, l);
    std::vector<std::string> slots;
    slotNames("%retval", fn.returnType, slots);
    for (size_t i = 0; i < slots.size() && i < d.parts.size(); ++i)
      env[slots[i]] = d.parts[i];
  }

  // A session entry starts from the variables earlier entries kept.
  bool sessionBody = !fn.def && mg.program.session;
  if (sessionBody)
    for (const auto &[name, type] : mg.program.sessionInputs) {
      if (!sessionStorable(type))
        continue;
      const weft::Type &local = fn.locals.at(name);
      if (type.hasParts()) {
        std::vector<std::string> slots;
        SmallVector<mlir::Type> types;
        slotNames(name, type, slots);
        flatTypes(type, types);
        for (size_t i = 0; i < slots.size(); ++i)
          env[slots[i]] = weft::SessionGetOp::create(b, l, types[i], slots[i]);
        continue;
      }
      Value v = weft::SessionGetOp::create(b, l, toMLIR(type), name);
      if (local != type && local.isScalar())
        v = convert(v, local.scalarKind(), l);
      env[name] = v;
    }

  emitBlock(*fn.body);
  if (failed)
    return false;
  if (fn.noneAtEnd && env.count("%ret")) {
    Value reached = arith::XOrIOp::create(b, l, env["%ret"],
                                          constant(ScalarKind::Bool, 1, l));
    emitCheck(reached,
              "TypeError: '" + fn.def->name +
                  "' reached the end of its body, where Python returns "
                  "None; a " +
                  fn.returnType.str() + " is never None in Weft (return a " +
                  fn.returnType.str() + " on every path)",
              fn.def->range.begin.line, l);
  }

  // Release every array local, then return the (owned) result.
  Location endLoc = l;
  // ... after keeping the session entry's variables for the next ones.
  if (sessionBody)
    for (auto &[name, t] : fn.locals) {
      if (!sessionStorable(t))
        continue;
      std::vector<std::string> slots;
      slotNames(name, t, slots);
      for (const std::string &slot : slots)
        if (env.count(slot))
          weft::SessionSetOp::create(b, endLoc, slot, env[slot]);
    }
  for (auto &[name, t] : fn.locals) {
    if (borrowed.count(name))
      continue;
    std::vector<std::string> slots;
    slotNames(name, t, slots);
    for (const std::string &s : slots)
      if (isArray(env[s]))
        weft::ReleaseOp::create(b, endLoc, env[s]);
  }
  SmallVector<Value> results;
  if (fn.def && !fn.returnType.isNone() && !fn.options.kernel) {
    std::vector<std::string> slots;
    slotNames("%retval", fn.returnType, slots);
    for (const std::string &s : slots)
      results.push_back(env.at(s));
  }
  func::ReturnOp::create(b, endLoc, results);
  if (fn.options.fastmath || mg.fastmath) {
    // fastmath: float operations may be reassociated and contracted,
    // math functions approximated and the sign of a zero ignored (so
    // b*k - a*k folds to (b - a)*k, exactly 0 for a == b, as under
    // Numba's fastmath); NaN and infinity stay honoured.
    auto flags = arith::FastMathFlags::reassoc |
                 arith::FastMathFlags::contract | arith::FastMathFlags::afn |
                 arith::FastMathFlags::arcp | arith::FastMathFlags::nsz;
    auto attr = arith::FastMathFlagsAttr::get(&mg.ctx, flags);
    // An elementwise array statement (`c = a + b + d`) has no chain to
    // shorten: it keeps its operations in source order (NumPy's bits),
    // where reassociating would only let LLVM pick an order of its own.
    auto elementwise = arith::FastMathFlagsAttr::get(
        &mg.ctx, flags & ~arith::FastMathFlags::reassoc);
    f.walk([&](arith::ArithFastMathInterface op) {
      // A conversion written float32(x) rounds even then: flagged
      // `contract`, MLIR folds extf(truncf(x)) to x (LLVM keeps both).
      if (isa<arith::TruncFOp, arith::ExtFOp>(op.getOperation()))
        return;
      bool inMap = op->getParentOfType<weft::MapOp>() != nullptr;
      op->setAttr(op.getFastMathAttrName(), inMap ? elementwise : attr);
    });
    // The reductions' combiners, which weft-lower-parallel-for makes.
    f.walk([&](weft::ParallelForOp op) { op->setAttr("fastmath", attr); });
  }
  return true;
}

OwningOpRef<ModuleOp>
generateMLIR(MLIRContext &context, const Program &program,
             const SourceFile &file, DiagnosticEngine &diags, bool boundscheck,
             bool fastmath, std::vector<LoopReport> *report,
             std::vector<metrics::StageTime> *timings, bool gpu) {
  context.loadDialect<weft::WeftDialect, func::FuncDialect, arith::ArithDialect,
                      math::MathDialect, scf::SCFDialect, memref::MemRefDialect,
                      complex::ComplexDialect>();
  // The cells of try statements are llvm.ptr values (MLIRGenTry.cpp).
  context.loadDialect<LLVM::LLVMDialect>();
  if (gpu)
    context.loadDialect<gpu::GPUDialect>();
  ModuleGen mg(context, program, file, diags, boundscheck);
  mg.fastmath = fastmath;
  mg.gpu = gpu;
  mg.report = report;
  OpBuilder builder(&context);
  OwningOpRef<ModuleOp> module =
      ModuleOp::create(FileLineColLoc::get(&context, file.filename(), 1, 1));
  mg.module = *module;

  // With host entries (the embedding API), only they and what they call
  // are compiled, not the script body: functions are compiled lazily,
  // when a host first calls them. A session entry compiles its script body
  // and what it calls.
  std::vector<const FunctionInstance *> compiledList =
      compiledInstances(program);
  std::set<const FunctionInstance *> live(compiledList.begin(),
                                          compiledList.end());
  auto compiled = [&](const FunctionInstance &inst) {
    return live.count(&inst) != 0;
  };
  // A host may interrupt its calls (weft::interrupt, Ctrl-C); device code
  // cannot call the check, so code with a GPU part has none.
  bool onGpu = gpu;
  for (const FunctionInstance *inst : live)
    onGpu |= inst->options.target != Target::CPU || inst->options.kernel;
  bool hostEntries = false;
  for (const FunctionInstance *inst : live)
    hostEntries |= inst->exported;
  if (program.session || (hostEntries && !onGpu))
    (*module)->setAttr(weft::kInterruptibleAttr, builder.getUnitAttr());

  // Declare every function first so calls (recursion included) resolve.
  builder.setInsertionPointToEnd(module->getBody());
  for (const auto &inst : program.instances) {
    if (!compiled(*inst))
      continue;
    FunctionGen tg(mg, *inst);
    SmallVector<mlir::Type> args, results;
    for (const weft::Type &t : inst->paramTypes)
      tg.flatTypes(t, args);
    // A kernel also takes its grid point: thread x, y, block x, y and the
    // block's size x, y.
    if (inst->options.kernel)
      args.append(6, builder.getI64Type());
    if (inst->def && !inst->options.kernel)
      tg.flatTypes(inst->returnType, results);
    Location l = inst->def
                     ? tg.loc(inst->def->nameRange)
                     : FileLineColLoc::get(&context, file.filename(), 1, 1);
    auto f = func::FuncOp::create(builder, l, inst->symbol,
                                  builder.getFunctionType(args, results));
    if (inst->def && !inst->exported)
      f.setPrivate();
    mg.funcs[inst.get()] = f;
  }
  for (const auto &inst : program.instances) {
    if (!compiled(*inst))
      continue;
    double t0 = metrics::wallNow();
    FunctionGen g(mg, *inst);
    if (!g.emit())
      return nullptr;
    if (timings)
      timings->push_back(
          {"mlirgen", "", inst->symbol, metrics::wallNow() - t0});
  }
  // The driver verifies the module (and reports a failure as an internal
  // compiler error with a reproducer).
  return module;
}

} // namespace weft
