//===- DesugarJitclasses.h - Numba's jitclass as records and functions ----===//
//
// A jitclass's instances are records of its fields (a number field held
// in a one-element array, so that every holder of an instance sees a
// write); its methods become functions taking the instance first, its
// __init__ the function of the class's name that builds one.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARJITCLASSES_H
#define WEFT_FRONTEND_DESUGARJITCLASSES_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// For each class of `module.classDecls` (then emptied): the record and
/// JitclassInfo of it; its methods, properties and static methods as the
/// functions "C.m"; its constructor as the function "C", which makes the
/// record (`__jitclass_new_C(...)`, number fields zero, array fields empty),
/// runs __init__'s body on it and returns it (`self.a = v` of an array
/// field there rebuilds the record with v). In every function, a store
/// into a field, `obj.x = v` or `obj.x op= v`, writes the field's cell:
/// `obj.__cell__x[0] = v` (Sema checks it is a number field of a
/// jitclass); `C.m(...)` of a static method is a call of "C.m".
void desugarJitclasses(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARJITCLASSES_H
