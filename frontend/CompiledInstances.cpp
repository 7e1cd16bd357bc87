//===- CompiledInstances.cpp - The function instances a program compiles --===//
//
// compiledInstances (see Sema.h): what code generation emits and what the
// code cache's key covers, one reachability for both.
//
//===----------------------------------------------------------------------===//
#include "frontend/Sema.h"

#include <set>
#include <vector>

namespace weft {

std::vector<const FunctionInstance *>
compiledInstances(const Program &program) {
  std::set<const FunctionInstance *> live;
  std::vector<const FunctionInstance *> work;
  for (const auto &inst : program.instances)
    if ((inst->exported || (program.session && inst.get() == program.main)) &&
        live.insert(inst.get()).second)
      work.push_back(inst.get());
  while (!work.empty()) {
    const FunctionInstance *f = work.back();
    work.pop_back();
    for (const auto &[call, callee] : f->calls)
      if (callee && live.insert(callee).second)
        work.push_back(callee);
  }
  std::vector<const FunctionInstance *> compiled;
  for (const auto &inst : program.instances)
    if (live.empty() || live.count(inst.get()))
      compiled.push_back(inst.get());
  return compiled;
}

} // namespace weft
