//===- BalanceParallelLoops.cpp - Chunked schedules for uneven loops ------===//
//
// Implements weft-balance-parallel-loops (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseMap.h"

namespace weft {
#define GEN_PASS_DEF_BALANCEPARALLELLOOPS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Which values inside `scope` depend on a set of root values (a parallel
/// loop's induction variables, or the parameters of a called function that
/// receive values depending on them). Values defined outside `scope` do
/// not; an operation's results depend on the roots when one of its operands
/// does, or when it is in a region of an operation whose operands do (the
/// induction variable and iteration arguments of an inner loop).
class Dependence {
public:
  Dependence(Operation *scope, ValueRange roots) : scope(scope) {
    for (Value r : roots)
      memo[r] = true;
  }

  bool dependsOnRoots(Value v) {
    auto it = memo.find(v);
    if (it != memo.end())
      return it->second;
    memo[v] = false; // cycles through iteration arguments: not by this path
    bool result = compute(v);
    memo[v] = result;
    return result;
  }

  bool anyDepends(ValueRange values) {
    return llvm::any_of(values, [&](Value v) { return dependsOnRoots(v); });
  }

private:
  bool compute(Value v) {
    Region *region = v.getParentRegion();
    if (!region || !scope->isAncestor(region->getParentOp()))
      return false;
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      Operation *owner = arg.getOwner()->getParentOp();
      if (owner == scope)
        return false; // an argument of the scope that is not a root
      return anyDepends(owner->getOperands());
    }
    if (std::optional<bool> shape = viewShapeDepends(v))
      return *shape;
    return anyDepends(v.getDefiningOp()->getOperands());
  }

  /// The sizes and strides of a view `a[i]` do not depend on i, only its
  /// offset does: sizes and strides read from a memref.reinterpret_cast
  /// are those of its operands.
  std::optional<bool> viewShapeDepends(Value v) {
    auto result = cast<OpResult>(v);
    OpFoldResult part;
    if (auto md =
            dyn_cast<memref::ExtractStridedMetadataOp>(v.getDefiningOp())) {
      auto view = md.getSource().getDefiningOp<memref::ReinterpretCastOp>();
      unsigned k = result.getResultNumber();
      unsigned rank = md.getSizes().size();
      if (!view || k < 2)
        return std::nullopt;
      part = k < 2 + rank ? view.getMixedSizes()[k - 2]
                          : view.getMixedStrides()[k - 2 - rank];
    } else if (auto dim = dyn_cast<memref::DimOp>(v.getDefiningOp())) {
      auto view = dim.getSource().getDefiningOp<memref::ReinterpretCastOp>();
      std::optional<int64_t> k = dim.getConstantIndex();
      if (!view || !k)
        return std::nullopt;
      part = view.getMixedSizes()[*k];
    } else {
      return std::nullopt;
    }
    auto value = dyn_cast<Value>(part);
    return value && dependsOnRoots(value);
  }

  Operation *scope;
  llvm::DenseMap<Value, bool> memo;
};

/// Whether `v` is at most a value that is the same in every iteration
/// (the loop invariant `n`, `min(n - i, k)`, the length of a slice
/// `a[i:i + w]`, ...). Saturations at a huge constant (`min(x, 2**63 - 1)`
/// of a range's length) bound nothing.
bool boundedAbove(Value v, Dependence &dep);

/// Whether `a - b` is at most a value that is the same in every iteration
/// (`min(b + k, n) - b`: a block of at most k iterations).
bool boundedDifference(Value a, Value b, Dependence &dep) {
  if (a == b)
    return true;
  if (!dep.dependsOnRoots(b))
    return boundedAbove(a, dep);
  Operation *op = a.getDefiningOp();
  if (!op)
    return false;
  if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
          arith::ExtUIOp>(op)) {
    Operation *bop = b.getDefiningOp();
    if (bop && bop->getName() == op->getName())
      return boundedDifference(op->getOperand(0), bop->getOperand(0), dep);
    return false;
  }
  if (isa<arith::AddIOp>(op)) {
    Value x = op->getOperand(0), y = op->getOperand(1);
    return (x == b && boundedAbove(y, dep)) || (y == b && boundedAbove(x, dep));
  }
  if (isa<arith::MinSIOp, arith::MinUIOp>(op))
    return boundedDifference(op->getOperand(0), b, dep) ||
           boundedDifference(op->getOperand(1), b, dep);
  if (auto sel = dyn_cast<arith::SelectOp>(op))
    return boundedDifference(sel.getTrueValue(), b, dep) &&
           boundedDifference(sel.getFalseValue(), b, dep);
  return false;
}

bool boundedAbove(Value v, Dependence &dep) {
  APInt constant;
  if (matchPattern(v, m_ConstantInt(&constant)))
    return constant.getSExtValue() < (int64_t(1) << 40);
  if (!dep.dependsOnRoots(v))
    return true;
  Operation *op = v.getDefiningOp();
  if (!op)
    return false;
  if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
          arith::ExtUIOp, arith::TruncIOp>(op))
    return boundedAbove(op->getOperand(0), dep);
  if (isa<arith::MinSIOp, arith::MinUIOp>(op))
    return boundedAbove(op->getOperand(0), dep) ||
           boundedAbove(op->getOperand(1), dep);
  if (isa<arith::MaxSIOp, arith::MaxUIOp, arith::AddIOp>(op))
    return boundedAbove(op->getOperand(0), dep) &&
           boundedAbove(op->getOperand(1), dep);
  if (auto sel = dyn_cast<arith::SelectOp>(op))
    return boundedAbove(sel.getTrueValue(), dep) &&
           boundedAbove(sel.getFalseValue(), dep);
  if (isa<arith::SubIOp>(op))
    return boundedDifference(op->getOperand(0), op->getOperand(1), dep);
  if (isa<arith::DivSIOp, arith::DivUIOp, arith::CeilDivSIOp,
          arith::CeilDivUIOp, arith::FloorDivSIOp>(op))
    return boundedAbove(op->getOperand(0), dep) &&
           !dep.dependsOnRoots(op->getOperand(1));
  return false;
}

/// Whether the trip count of `loop` is at most a value that is the same in
/// every iteration of the parallel loop.
bool boundedTrips(scf::ForOp loop, Dependence &dep) {
  return !dep.dependsOnRoots(loop.getStep()) &&
         boundedDifference(loop.getUpperBound(), loop.getLowerBound(), dep);
}

/// Why the iterations of the loop whose body is `body` (with the values
/// known in `dep`) may do unequal amounts of work: an inner loop whose
/// trip count depends on the iteration without a bound that does not, a
/// `while` loop, or a call of a function that has one of these, with
/// arguments that depend on the iteration. (Branches are not counted: most
/// are error checks and the rare copy of overlapping operands.) Empty when the
/// work looks the same in every iteration.
std::string unevenWork(Region &body, Dependence &dep, SymbolTable &symbols,
                       int depth);

std::string unevenCall(func::CallOp call, Dependence &dep, SymbolTable &symbols,
                       int depth) {
  if (depth > 4)
    return "";
  auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
  if (!callee || callee.isExternal())
    return "";
  SmallVector<Value> roots;
  for (auto [arg, operand] :
       llvm::zip(callee.getArguments(), call.getOperands()))
    if (dep.dependsOnRoots(operand))
      roots.push_back(arg);
  if (roots.empty())
    return "";
  Dependence inner(callee, roots);
  std::string why = unevenWork(callee.getBody(), inner, symbols, depth + 1);
  if (why.empty())
    return "";
  return "the call of " + weft::sourceName(callee.getSymName()) + ": " + why;
}

std::string unevenWork(Region &body, Dependence &dep, SymbolTable &symbols,
                       int depth) {
  std::string why;
  body.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isa<scf::WhileOp>(op)) {
      why = "a while loop";
    } else if (auto loop = dyn_cast<scf::ForOp>(op)) {
      if (!boundedTrips(loop, dep))
        why = "the bounds of an inner loop depend on the iteration";
    } else if (auto call = dyn_cast<func::CallOp>(op)) {
      why = unevenCall(call, dep, symbols, depth);
    }
    return why.empty() ? WalkResult::advance() : WalkResult::interrupt();
  });
  return why;
}

struct BalanceParallelLoopsPass
    : weft::impl::BalanceParallelLoopsBase<BalanceParallelLoopsPass> {
  using BalanceParallelLoopsBase::BalanceParallelLoopsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    func::FuncOp numThreads;
    module.walk([&](omp::WsloopOp ws) {
      if (ws.getScheduleKind() || ws.getScheduleChunk())
        return; // a schedule chosen before
      auto nest = dyn_cast_or_null<omp::LoopNestOp>(ws.getWrappedLoop());
      if (!nest)
        return;
      Dependence dep(ws, nest.getIVs());
      std::string why = unevenWork(nest.getRegion(), dep, symbols, 0);
      if (why.empty())
        return;
      if (!numThreads)
        numThreads = numThreadsFunction(module);
      balance(ws, nest, numThreads);
      weft::reportToUser(
          nest, "parallel loop: iterations of unequal work (" + why +
                    "): dealt to the threads in turn, in chunks of at most " +
                    std::to_string(maxChunk) + " iterations");
    });
  }

  /// schedule(static, c): chunks of c iterations dealt round-robin, so
  /// every thread gets early and late iterations alike, and which thread
  /// runs an iteration (hence the order of a float reduction) depends only
  /// on the thread count, as with the plain static schedule. c gives each
  /// thread about eight chunks, between 1 and maxChunk iterations: small
  /// enough to even out the work, large enough that neighbouring
  /// iterations, and the cache lines they write, stay on one thread.
  void balance(omp::WsloopOp ws, omp::LoopNestOp nest,
               func::FuncOp numThreads) {
    OpBuilder b(ws);
    Location l = ws.getLoc();
    Value one = arith::ConstantIndexOp::create(b, l, 1);
    Value count = one;
    for (auto [lb, ub, step] :
         llvm::zip(nest.getLoopLowerBounds(), nest.getLoopUpperBounds(),
                   nest.getLoopSteps())) {
      Value span = arith::SubIOp::create(b, l, ub, lb);
      Value trips = arith::CeilDivSIOp::create(b, l, span, step);
      count = arith::MulIOp::create(b, l, count, trips);
    }
    Value threads = func::CallOp::create(b, l, numThreads).getResult(0);
    threads = arith::IndexCastOp::create(b, l, b.getIndexType(), threads);
    threads = arith::MaxSIOp::create(b, l, threads, one);
    Value chunks = arith::MulIOp::create(
        b, l, threads, arith::ConstantIndexOp::create(b, l, 8));
    Value chunk = arith::DivSIOp::create(b, l, count, chunks);
    chunk = arith::MaxSIOp::create(b, l, chunk, one);
    chunk = arith::MinSIOp::create(
        b, l, chunk, arith::ConstantIndexOp::create(b, l, maxChunk));
    ws.setScheduleKind(omp::ClauseScheduleKind::Static);
    ws.getScheduleChunkMutable().assign(chunk);
  }

  /// libomp's omp_get_num_threads: the size of the team running the loop.
  func::FuncOp numThreadsFunction(ModuleOp module) {
    const char *name = "omp_get_num_threads";
    if (auto f = module.lookupSymbol<func::FuncOp>(name))
      return f;
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    auto f = func::FuncOp::create(b, module.getLoc(), name,
                                  b.getFunctionType({}, {b.getI32Type()}));
    f.setPrivate();
    return f;
  }
};

} // namespace
