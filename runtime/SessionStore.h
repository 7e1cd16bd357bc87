//===- SessionStore.h - Variables an interactive session keeps ---*- C++
//-*-===//
//
// The runtime side of `weft repl`: generated code stores and loads the
// session's variables through weft_rt_session_set/get (RuntimeABI.h); the
// REPL clears them and raises Ctrl-C through these functions.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_SESSIONSTORE_H
#define WEFT_RUNTIME_SESSIONSTORE_H

#include <string>

namespace weft::session {

/// Drops every variable (arrays are released).
void clear();
/// Drops one variable, if it is there.
void erase(const std::string &name);
bool has(const std::string &name);
/// After an entry failed: makes each stored array's reference count the
/// number of variables holding it (the aborted code could not drop the
/// references it had taken).
void repairReferences();
/// Ctrl-C: loops compiled for the session raise KeyboardInterrupt at their
/// next check until clearInterrupt().
void requestInterrupt();
void clearInterrupt();
/// Whether an interrupt is pending (one load).
bool interruptRequested();

} // namespace weft::session

#endif // WEFT_RUNTIME_SESSIONSTORE_H
