//===- WeftDialect.cpp - The weft dialect ---------------------------------===//
//
// Registers the weft dialect's operations.
//
//===----------------------------------------------------------------------===//
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace weft;

#include "compiler/Dialect/WeftOpsDialect.cpp.inc"

MLIR_DEFINE_EXPLICIT_TYPE_ID(weft::LoopProgressResource)
MLIR_DEFINE_EXPLICIT_TYPE_ID(weft::ParallelNestResource)

Target weft::functionTarget(Operation *fn) {
  auto attr = fn->getAttrOfType<StringAttr>(WeftDialect::kTargetAttrName);
  std::optional<Target> t =
      attr ? parseTarget(attr.getValue().str()) : std::nullopt;
  return t == Target::GPU ? Target::GPU : Target::CPU;
}

bool weft::inGPUFunction(Operation *op) {
  auto fn = op->getParentOfType<FunctionOpInterface>();
  return fn && functionTarget(fn) == Target::GPU;
}

void weft::reportToUser(Operation *op, llvm::StringRef text) {
  auto fn = dyn_cast<FunctionOpInterface>(op);
  if (!fn)
    fn = op->getParentOfType<FunctionOpInterface>();
  std::string symbol = fn ? fn.getName().str() : "";
  emitRemark(op->getLoc()) << kReportPrefix << symbol << ": " << text;
}

void weft::setFunctionTarget(Operation *fn, Target target) {
  assert(target != Target::Auto && "resolve Auto before code generation");
  fn->setAttr(WeftDialect::kTargetAttrName,
              StringAttr::get(fn->getContext(), targetName(target)));
}

LogicalResult WeftDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  if (attr.getName() == kTargetAttrName) {
    auto s = dyn_cast<StringAttr>(attr.getValue());
    std::optional<Target> t =
        s ? parseTarget(s.getValue().str()) : std::nullopt;
    if (!t || *t == Target::Auto)
      return op->emitError()
             << "'" << kTargetAttrName << "' must be \"cpu\" or \"gpu\"";
    if (!isa<FunctionOpInterface>(op))
      return op->emitError()
             << "'" << kTargetAttrName << "' is only valid on a function";
    return success();
  }
  if (attr.getName() == kInterruptibleAttr) {
    if (!isa<UnitAttr>(attr.getValue()) || !isa<ModuleOp>(op))
      return op->emitError() << "'" << kInterruptibleAttr
                             << "' is a unit attribute of a module";
    return success();
  }
  if (attr.getName() == kPrintToStderr) {
    if (!isa<UnitAttr>(attr.getValue()) || !isa<PrintOp>(op))
      return op->emitError()
             << "'" << kPrintToStderr << "' is a unit attribute of weft.print";
    return success();
  }
  return op->emitError() << "unknown weft attribute '"
                         << attr.getName().getValue() << "'";
}

Operation *WeftDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed || typed.getType() != type)
    return nullptr;
  return arith::ConstantOp::create(builder, loc, type, typed);
}

void WeftDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "compiler/Dialect/WeftOps.cpp.inc"
      >();
}
