//===- Common.cpp - Shared pieces of the weft-to-LLVM patterns ------------===//
//
// Implements Common.h.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/WeftToLLVM/Common.h"

#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace weft;

Value lowering::constI64(ConversionPatternRewriter &rewriter, Location loc,
                         int64_t v) {
  return LLVM::ConstantOp::create(rewriter, loc, rewriter.getI64Type(),
                                  rewriter.getI64IntegerAttr(v));
}
Value lowering::constI32(ConversionPatternRewriter &rewriter, Location loc,
                         int32_t v) {
  return LLVM::ConstantOp::create(rewriter, loc, rewriter.getI32Type(),
                                  rewriter.getI32IntegerAttr(v));
}

Value lowering::callRuntime(ConversionPatternRewriter &rewriter, Operation *op,
                            abi::Function fn, ValueRange args) {
  const abi::FunctionInfo &info = abi::info(fn);
  MLIRContext *ctx = op->getContext();
  auto llvmType = [&](abi::Type t) -> Type {
    switch (t) {
    case abi::Type::Void:
      return LLVM::LLVMVoidType::get(ctx);
    case abi::Type::I32:
      return IntegerType::get(ctx, 32);
    case abi::Type::I64:
      return IntegerType::get(ctx, 64);
    case abi::Type::F32:
      return Float32Type::get(ctx);
    case abi::Type::F64:
      return Float64Type::get(ctx);
    case abi::Type::Ptr:
      return LLVM::LLVMPointerType::get(ctx);
    }
    llvm_unreachable("unknown ABI type");
  };
  SmallVector<Type> params;
  for (unsigned i = 0; i < info.numParameters; ++i)
    params.push_back(llvmType(info.parameters[i]));
  assert(args.size() == params.size() && "wrong runtime argument count");
  for (auto [arg, type] : llvm::zip(args, params))
    assert(arg.getType() == type && "runtime argument of the wrong type");
  auto module = op->getParentOfType<ModuleOp>();
  auto callee = LLVM::lookupOrCreateFn(rewriter, module, info.name, params,
                                       llvmType(info.result));
  assert(succeeded(callee) && "runtime function redeclared with another type");
  auto call = LLVM::CallOp::create(rewriter, op->getLoc(), *callee, args);
  return info.result == abi::Type::Void ? Value() : call.getResult();
}

void lowering::unpack1D(ConversionPatternRewriter &rewriter, Location loc,
                        const LLVMTypeConverter &converter, MemRefType type,
                        Value value, Value &data, Value &size, Value &stride) {
  MemRefDescriptor desc(value);
  Type elemTy = converter.convertType(type.getElementType());
  Value base = desc.alignedPtr(rewriter, loc);
  data = LLVM::GEPOp::create(rewriter, loc, base.getType(), elemTy, base,
                             ValueRange{desc.offset(rewriter, loc)});
  size = desc.size(rewriter, loc, 0);
  stride = desc.stride(rewriter, loc, 0);
}

Value lowering::entrySlot(ConversionPatternRewriter &rewriter, Operation *op,
                          Type type, int64_t count) {
  Location loc = op->getLoc();
  auto ptrTy = LLVM::LLVMPointerType::get(op->getContext());
  // The slot goes at the start of the nearest allocation scope: the
  // function, or the omp.parallel region when the op runs inside one (a slot
  // at the function's entry would be one slot shared by every thread).
  // An scf.for is an allocation scope too, but scf-to-cf inlines its body
  // into the loop's blocks, where a slot would grow the stack on every
  // iteration: its scope is the one around it.
  Operation *scope =
      op->getParentWithTrait<OpTrait::AutomaticAllocationScope>();
  while (isa<scf::ForOp, scf::ForallOp>(scope))
    scope = scope->getParentWithTrait<OpTrait::AutomaticAllocationScope>();
  Block *entry = nullptr;
  for (Region &region : scope->getRegions())
    if (region.isAncestor(op->getParentRegion()))
      entry = &region.front();
  OpBuilder::InsertionGuard g(rewriter);
  rewriter.setInsertionPointToStart(entry);
  Value n = constI64(rewriter, loc, count);
  return LLVM::AllocaOp::create(rewriter, loc, ptrTy, type, n);
}

Value lowering::descriptorPointer(ConversionPatternRewriter &rewriter,
                                  Operation *op, Value descriptor) {
  Value slot = entrySlot(rewriter, op, descriptor.getType(), 1);
  LLVM::StoreOp::create(rewriter, op->getLoc(), descriptor, slot);
  return slot;
}

Value lowering::stringConstant(ConversionPatternRewriter &rewriter,
                               Operation *op, StringRef text) {
  auto module = op->getParentOfType<ModuleOp>();
  std::string value = text.str();
  value.push_back('\0');
  // Reuse an identical string made earlier in this module.
  for (auto global : module.getOps<LLVM::GlobalOp>()) {
    auto str = dyn_cast_or_null<StringAttr>(global.getValueOrNull());
    if (global.getSymName().starts_with("__weft_str_") && str &&
        str.getValue() == value)
      return LLVM::AddressOfOp::create(rewriter, op->getLoc(), global);
  }
  std::string name;
  for (unsigned i = 0;; ++i) {
    name = "__weft_str_" + std::to_string(i);
    if (!module.lookupSymbol(name))
      break;
  }
  return LLVM::createGlobalString(op->getLoc(), rewriter, name, value,
                                  LLVM::Linkage::Internal);
}

int32_t lowering::elemKindCode(Type e) { return *runtimeElementKind(e); }
