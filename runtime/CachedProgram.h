//===- CachedProgram.h - A program through the code cache -------*- C++ -*-===//
//
// The one recipe of a code cache key and the one way an entry is used,
// shared by `weft run` and the embedding engine (C++, C and Python): the
// key covers every function code generation compiles (the same
// reachability: calls, grad(), vmap and @vectorize alike) with its
// decorators and options, every compile and JIT option, the machine and
// the compiler build; an entry that cannot be loaded is compiled over,
// never reported as an error.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_CACHEDPROGRAM_H
#define WEFT_RUNTIME_CACHEDPROGRAM_H

#include "compiler/Driver/Compilation.h"
#include "runtime/CodeCache.h"
#include "runtime/JITRunner.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace weft {

/// The key of the object code `c` compiles to under `jit`: the source of
/// every instance compiled (with its decorators; the whole text when the
/// script body is compiled), each one's symbol, types and options, the
/// compile and JIT options, and hostAndCompilerIdentity(). `c` must have
/// been analyzed.
cache::Key programKey(const Compilation &c, const JITOptions &jit);

/// How a compilation uses the code cache.
struct CacheUse {
  bool enabled = true;
  std::string directory; ///< "" for cache::directory()
  /// Symbols a program from the cache must define (its entry points); an
  /// entry without them is compiled over.
  std::vector<std::string> entryPoints;
  /// Whether a program just compiled may be stored (weft run keeps
  /// programs with warnings out, so the warnings show on every run);
  /// unset: always.
  std::function<bool()> storable;
};

enum class ProgramOrigin {
  Cache,        ///< loaded from an entry
  Compiled,     ///< lowered and compiled (and stored, if allowed)
  CompileError, ///< analysis or lowering failed: diagnostics in `c`
  JITError,     ///< lowered, but not compiled or loaded: `error`
};

/// The program of `c`: from its cache entry if one applies and loads with
/// every entry point, else lowered, compiled and stored (replacing an
/// entry that did not load). The lookup is timed as "cache-lookup" into
/// jit.metrics.
std::unique_ptr<JITProgram> compileThroughCache(Compilation &c, JITOptions jit,
                                                const CacheUse &use,
                                                ProgramOrigin &origin,
                                                std::string &error);

} // namespace weft

#endif // WEFT_RUNTIME_CACHEDPROGRAM_H
