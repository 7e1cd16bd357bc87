//===- FuseElementwise.cpp - Merge weft.map producers into their reader ---===//
//
// Implements weft-fuse-elementwise (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace weft {
#define GEN_PASS_DEF_FUSEELEMENTWISE
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// True if `op` (and what it holds) writes no memory a map defined before
/// it may read: reads, allocations, runtime errors (which stop the
/// program), and maps writing arrays allocated after that map.
bool writesNothingRead(Operation *op, Operation *producer) {
  if (isa<weft::FailOp, weft::ShapeErrorOp, weft::IndexErrorOp>(op))
    return true;
  if (auto map = dyn_cast<weft::MapOp>(op)) {
    memref::AllocOp alloc = weft::allocationOf(map.getOutput());
    Operation *at =
        alloc ? producer->getBlock()->findAncestorOpInBlock(*alloc) : nullptr;
    if (!at || !producer->isBeforeInBlock(at))
      return false;
  } else if (auto effects = dyn_cast<MemoryEffectOpInterface>(op)) {
    SmallVector<MemoryEffects::EffectInstance> list;
    effects.getEffects(list);
    for (auto &e : list)
      if (!isa<MemoryEffects::Read, MemoryEffects::Allocate>(e.getEffect()))
        return false;
  } else if (!op->hasTrait<OpTrait::HasRecursiveMemoryEffects>()) {
    return false;
  }
  for (Region &r : op->getRegions())
    for (Operation &inner : r.getOps())
      if (!writesNothingRead(&inner, producer))
        return false;
  return true;
}

/// The inputs of a reader (a weft.map or weft.reduce).
OperandRange readerInputs(Operation *reader) {
  if (auto map = dyn_cast<weft::MapOp>(reader))
    return map.getInputs();
  return cast<weft::ReduceOp>(reader).getInputs();
}

/// The one map or reduce that reads `array` (a fresh array `producer`
/// writes) as an input, if every other use of it is its release or a size
/// query; fills the releases and size queries.
Operation *soleReader(weft::MapOp producer, Value array,
                      SmallVectorImpl<Operation *> &releases,
                      SmallVectorImpl<memref::DimOp> &dims) {
  Operation *reader = nullptr;
  for (OpOperand &use : array.getUses()) {
    Operation *user = use.getOwner();
    if (user == producer)
      continue;
    if (isa<weft::ReleaseOp>(user)) {
      releases.push_back(user);
      continue;
    }
    if (auto dim = dyn_cast<memref::DimOp>(user)) {
      dims.push_back(dim);
      continue;
    }
    if (!isa<weft::MapOp, weft::ReduceOp>(user) || reader ||
        llvm::count(user->getOperands(), array) != 1 ||
        llvm::count(readerInputs(user), array) != 1)
      return nullptr;
    reader = user;
  }
  return reader;
}

/// A copy of `reader` (a map or reduce) reading `inputs`, with an empty
/// body.
Operation *cloneWithInputs(OpBuilder &b, Operation *reader, ValueRange inputs) {
  if (auto map = dyn_cast<weft::MapOp>(reader))
    return weft::MapOp::create(b, map.getLoc(), inputs, map.getOutput(),
                               map.getSerial());
  auto red = cast<weft::ReduceOp>(reader);
  return weft::ReduceOp::create(
      b, red.getLoc(), red->getResultTypes(), red.getKind(), red.getAxisAttr(),
      inputs, red.getDims(), red.getOutput(), red.getSerial());
}

/// Merges `producer` into the map or reduce that reads its output, if it
/// may; returns the merged op and sets `reader` to the (erased) reader.
Operation *fuse(weft::MapOp producer, Operation *&erasedReader) {
  Value t = producer.getOutput();
  if (!weft::isFreshArray(t, producer) ||
      !producer.getOutputElement().use_empty())
    return nullptr;
  // Element indices are the producer's own; the reader's may differ.
  if (producer.getBody()
          .walk([](weft::IndexOp) { return WalkResult::interrupt(); })
          .wasInterrupted())
    return nullptr;
  SmallVector<Operation *, 2> releases;
  SmallVector<memref::DimOp, 4> dims;
  Operation *reader = soleReader(producer, t, releases, dims);
  if (!reader || reader->getBlock() != producer->getBlock() ||
      !producer->isBeforeInBlock(reader))
    return nullptr;
  for (Operation *op = producer->getNextNode(); op != reader;
       op = op->getNextNode())
    if (!writesNothingRead(op, producer))
      return nullptr;
  // The temporary's sizes are its allocation's (MLIRGen allocates with
  // dynamic sizes and asks for sizes of constant axes).
  memref::AllocOp allocOp = weft::allocationOf(t);
  if (allocOp.getType().getNumDynamicDims() != allocOp.getType().getRank())
    return nullptr;
  for (memref::DimOp dim : dims)
    if (!dim.getConstantIndex())
      return nullptr;

  // The reader's inputs with `t` replaced by the producer's.
  OperandRange readerIns = readerInputs(reader);
  unsigned at = 0;
  while (readerIns[at] != t)
    ++at;
  SmallVector<Value, 8> inputs(readerIns.take_front(at));
  inputs.append(producer.getInputs().begin(), producer.getInputs().end());
  inputs.append(readerIns.begin() + at + 1, readerIns.end());
  OpBuilder b(reader);
  Operation *merged = cloneWithInputs(b, reader, inputs);
  mlir::Block &rBody = reader->getRegion(0).front();
  SmallVector<Type, 8> argTypes;
  SmallVector<Location, 8> argLocs;
  for (Value v : inputs) {
    argTypes.push_back(cast<MemRefType>(v.getType()).getElementType());
    argLocs.push_back(v.getLoc());
  }
  unsigned nr = readerIns.size(), np = producer.getInputs().size();
  // A map's body also takes the output's current element.
  for (BlockArgument extra : rBody.getArguments().drop_front(nr)) {
    argTypes.push_back(extra.getType());
    argLocs.push_back(extra.getLoc());
  }
  mlir::Block *body =
      b.createBlock(&merged->getRegion(0), {}, argTypes, argLocs);
  mlir::Block &pBody = producer.getBody().front();
  IRMapping map;
  for (unsigned i = 0; i < np; ++i)
    map.map(pBody.getArgument(i), body->getArgument(at + i));
  for (Operation &op : pBody.without_terminator())
    b.clone(op, map);
  Value element = map.lookupOrDefault(producer.getYielded());
  for (unsigned i = 0, n = rBody.getNumArguments(); i < n; ++i)
    map.map(rBody.getArgument(i), i < at    ? body->getArgument(i)
                                  : i == at ? element
                                            : body->getArgument(i - 1 + np));
  for (Operation &op : rBody)
    b.clone(op, map);
  reader->replaceAllUsesWith(merged);

  for (memref::DimOp dim : dims) {
    dim.replaceAllUsesWith(allocOp.getDynamicSizes()[*dim.getConstantIndex()]);
    dim.erase();
  }
  erasedReader = reader;
  reader->erase();
  producer.erase();
  for (Operation *r : releases)
    r->erase();
  if (Operation *def = t.getDefiningOp(); def && t.use_empty())
    def->erase();
  if (allocOp->use_empty())
    allocOp.erase();
  return merged;
}

struct FuseElementwise : weft::impl::FuseElementwiseBase<FuseElementwise> {
  void runOnOperation() override {
    // In program order, producers come before their readers; a merged
    // map may in turn merge into its own reader. A merge erases the
    // producer and the reader (a map later in the list).
    SmallVector<weft::MapOp> maps;
    getOperation()->walk([&](weft::MapOp op) { maps.push_back(op); });
    DenseSet<Operation *> erased;
    for (weft::MapOp op : maps) {
      if (erased.contains(op))
        continue;
      Operation *producer = op;
      while (auto map = dyn_cast_or_null<weft::MapOp>(producer)) {
        Operation *reader = nullptr;
        Operation *merged = fuse(map, reader);
        if (!merged)
          break;
        erased.insert(reader);
        producer = merged;
      }
    }
  }
};

} // namespace
