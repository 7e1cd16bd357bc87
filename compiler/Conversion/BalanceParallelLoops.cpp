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
#include "llvm/ADT/DenseSet.h"

#include <map>

namespace weft {
#define GEN_PASS_DEF_BALANCEPARALLELLOOPS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The size or stride operand (or attribute) of the view that `v` reads
/// with memref.dim or memref.extract_strided_metadata.
std::optional<OpFoldResult> viewShapeSource(Value v) {
  auto result = dyn_cast<OpResult>(v);
  if (!result)
    return std::nullopt;
  Operation *op = result.getOwner();
  if (auto md = dyn_cast<memref::ExtractStridedMetadataOp>(op)) {
    auto view = md.getSource().getDefiningOp<memref::ReinterpretCastOp>();
    unsigned k = result.getResultNumber();
    unsigned rank = md.getSizes().size();
    if (!view || k < 2)
      return std::nullopt;
    return k < 2 + rank ? view.getMixedSizes()[k - 2]
                        : view.getMixedStrides()[k - 2 - rank];
  }
  if (auto dim = dyn_cast<memref::DimOp>(op)) {
    auto view = dim.getSource().getDefiningOp<memref::ReinterpretCastOp>();
    std::optional<int64_t> k = dim.getConstantIndex();
    if (!view || !k)
      return std::nullopt;
    return view.getMixedSizes()[*k];
  }
  return std::nullopt;
}

/// Which values inside `scope` depend on a set of root values (a parallel
/// loop's induction variables, or the parameters of a called function that
/// receive values depending on them). Values defined outside `scope` do
/// not; an operation's results depend on the roots when one of its operands
/// does, or when it is in a region of an operation whose operands do (the
/// induction variable and iteration arguments of an inner loop).
class Dependence {
public:
  Dependence(Operation *scope, ValueRange roots) : scope(scope) {
    for (Value r : roots) {
      memo[r] = true;
      this->roots.insert(r);
    }
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

  bool isRoot(Value v) const { return roots.contains(v); }

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
    std::optional<OpFoldResult> part = viewShapeSource(v);
    if (!part)
      return std::nullopt;
    auto value = dyn_cast<Value>(*part);
    return value && dependsOnRoots(value);
  }

private:
  Operation *scope;
  llvm::DenseMap<Value, bool> memo;
  llvm::DenseSet<Value> roots;
};

/// How a value changes from one iteration of the parallel loop to the
/// next: a sum of coefficients times loop-invariant terms per step of each
/// induction variable (`i * 4096 + 4096` changes by 4096, `i * stride` by
/// `stride`), or unknown. Empty: the same in every iteration.
class Slopes {
public:
  using Slope = std::map<std::pair<void *, void *>, int64_t>;

  explicit Slopes(Dependence &dep) : dep(dep) {}

  std::optional<Slope> of(Value v) {
    auto it = memo.find(v);
    if (it != memo.end())
      return it->second;
    memo[v] = std::nullopt; // a cycle through iteration arguments: unknown
    std::optional<Slope> s = compute(v);
    if (s)
      for (auto i = s->begin(); i != s->end();)
        i = i->second == 0 ? s->erase(i) : std::next(i);
    memo[v] = s;
    return s;
  }

private:
  std::optional<Slope> compute(Value v) {
    if (!dep.dependsOnRoots(v))
      return Slope();
    if (dep.isRoot(v))
      return Slope{{{v.getAsOpaquePointer(), nullptr}, 1}};
    if (std::optional<OpFoldResult> part = viewShapeSource(v)) {
      auto value = dyn_cast<Value>(*part);
      return value ? of(value) : Slope();
    }
    Operation *op = v.getDefiningOp();
    if (!op)
      return std::nullopt;
    if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
            arith::ExtUIOp, arith::TruncIOp>(op))
      return of(op->getOperand(0));
    if (isa<arith::AddIOp, arith::SubIOp>(op))
      return combine(of(op->getOperand(0)), of(op->getOperand(1)),
                     isa<arith::SubIOp>(op) ? -1 : 1);
    if (isa<arith::MulIOp>(op))
      return product(op->getOperand(0), op->getOperand(1));
    if (isa<arith::MinSIOp, arith::MinUIOp, arith::MaxSIOp, arith::MaxUIOp>(
            op)) {
      // A clamp at a loop-invariant value (min(k * B + B, n)) moves as the
      // other operand, but at the edges.
      std::optional<Slope> x = of(op->getOperand(0)), y = of(op->getOperand(1));
      if (x && y && (x->empty() || y->empty() || *x == *y))
        return x->empty() ? y : x;
      return std::nullopt;
    }
    if (auto sel = dyn_cast<arith::SelectOp>(op)) {
      std::optional<Slope> x = of(sel.getTrueValue()),
                           y = of(sel.getFalseValue());
      if (x && y && *x == *y)
        return x;
      return std::nullopt;
    }
    return std::nullopt;
  }

  static std::optional<Slope> combine(std::optional<Slope> x,
                                      std::optional<Slope> y, int64_t sign) {
    if (!x || !y)
      return std::nullopt;
    for (auto &[term, c] : *y)
      (*x)[term] += sign * c;
    return x;
  }

  /// x * y where one factor is the same in every iteration.
  std::optional<Slope> product(Value x, Value y) {
    std::optional<Slope> sx = of(x), sy = of(y);
    if (!sx || !sy || (!sx->empty() && !sy->empty()))
      return std::nullopt;
    if (sx->empty())
      std::swap(x, y), std::swap(sx, sy);
    if (sx->empty())
      return Slope();
    APInt c;
    Slope out;
    for (auto &[term, k] : *sx) {
      if (matchPattern(y, m_ConstantInt(&c)))
        out[term] = k * c.getSExtValue();
      else if (!term.second)
        out[{term.first, y.getAsOpaquePointer()}] = k;
      else
        return std::nullopt;
    }
    return out;
  }

  Dependence &dep;
  llvm::DenseMap<Value, std::optional<Slope>> memo;
};

/// Whether `v` is at most a constant (up to 2**20):
/// its work is bounded whatever the iteration.
bool boundedByConstant(Value v) {
  APInt c;
  if (matchPattern(v, m_ConstantInt(&c)))
    return c.getSExtValue() <= (int64_t(1) << 20);
  Operation *op = v.getDefiningOp();
  if (op && isa<arith::IndexCastOp, arith::ExtSIOp>(op))
    return boundedByConstant(op->getOperand(0));
  if (op && isa<arith::MinSIOp>(op))
    return boundedByConstant(op->getOperand(0)) ||
           boundedByConstant(op->getOperand(1));
  return false;
}

/// Whether the trip count of `loop` is the same in every iteration of the
/// parallel loop (but at the edges of a clamp: the last block of an array
/// statement, a window cut at the end of the array) or bounded by a
/// constant.
bool evenTrips(scf::ForOp loop, Dependence &dep, Slopes &slopes) {
  if (dep.dependsOnRoots(loop.getStep()))
    return false;
  if (boundedByConstant(loop.getUpperBound()))
    return true;
  std::optional<Slopes::Slope> hi = slopes.of(loop.getUpperBound()),
                               lo = slopes.of(loop.getLowerBound());
  return hi && lo && *hi == *lo;
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
  Slopes slopes(dep);
  body.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isa<scf::WhileOp>(op)) {
      why = "a while loop";
    } else if (auto loop = dyn_cast<scf::ForOp>(op)) {
      if (!evenTrips(loop, dep, slopes))
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
