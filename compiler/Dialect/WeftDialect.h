//===- WeftDialect.h - The weft dialect and its operations -----*- C++ -*-===//
//
// Declares the weft dialect class and its ODS-generated operations.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_DIALECT_WEFTDIALECT_H
#define WEFT_COMPILER_DIALECT_WEFTDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "frontend/Target.h"
#include "runtime/embed/include/weft/dtype.h"

#include <optional>

#include "compiler/Dialect/WeftEnums.h.inc"
#include "compiler/Dialect/WeftOpsDialect.h.inc"

namespace weft {
/// The resource weft.keep_loop writes: no memory, only the loop's progress.
struct LoopProgressResource
    : mlir::SideEffects::Resource::Base<LoopProgressResource> {
  llvm::StringRef getName() final { return "weft.loop_progress"; }
};
/// The resource weft.parallel_work and weft.parallel_if write: no memory,
/// only how the enclosing loop nest runs.
struct ParallelNestResource
    : mlir::SideEffects::Resource::Base<ParallelNestResource> {
  llvm::StringRef getName() final { return "weft.parallel_nest"; }
};

/// The target of `fn` (its `weft.target` attribute: CPU or GPU; CPU when
/// it has none).
Target functionTarget(mlir::Operation *fn);
/// Whether `op` is in a function that targets the GPU.
bool inGPUFunction(mlir::Operation *op);
/// Sets the `weft.target` attribute of `fn`.
void setFunctionTarget(mlir::Operation *fn, Target target);

/// Module attribute: a host may interrupt the module's calls (Ctrl-C in
/// `weft repl`, weft::interrupt of the embedding API), so
/// weft-insert-interrupt-checks checks the flag at the top of loops.
inline constexpr const char *kInterruptibleAttr = "weft.interruptible";

/// weft.print attribute: the line goes to stderr (print's file=sys.stderr).
inline constexpr const char *kPrintToStderr = "weft.to_stderr";

/// Adds a line to the loop report (`weft emit --stage=report`) at `op`'s
/// source line: a remark whose text starts with kReportPrefix, then the
/// enclosing function's symbol, which the driver collects.
void reportToUser(mlir::Operation *op, llvm::StringRef text);
inline constexpr const char *kReportPrefix = "weft-report: ";

/// NumPy's error for a matrix or vector product whose inner sizes differ
/// (raised by weft.matmul's lowering and by the product of two vectors).
inline constexpr const char *kMatmulInnerSizesDiffer =
    "ValueError: matmul: the inner dimensions differ (columns of the left "
    "operand must equal rows of the right one)";

/// The runtime's element kind of a scalar type (i1, i32, i64, f32, f64),
/// as array and session values pass it; none for any other type.
std::optional<weft_dtype> runtimeElementKind(mlir::Type type);
} // namespace weft
MLIR_DECLARE_EXPLICIT_TYPE_ID(weft::LoopProgressResource)
MLIR_DECLARE_EXPLICIT_TYPE_ID(weft::ParallelNestResource)

#define GET_OP_CLASSES
#include "compiler/Dialect/WeftOps.h.inc"

#endif // WEFT_COMPILER_DIALECT_WEFTDIALECT_H
