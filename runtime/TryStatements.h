//===- TryStatements.h - The try statements running on a thread -*- C++ -*-===//
//
// A `try` statement of generated code (weft-lower-try) calls _setjmp on a
// frame in its function's stack frame and links the frame here
// (weft_rt_try_enter); a runtime error raised while the try block runs
// longjmps to the innermost frame of this thread, and _setjmp returns
// again, to the except block. A frame belongs to the parallel region it
// was entered in (an error inside a parallel loop is caught there only by
// a try of the same iteration; the loop records the others, and its end
// raises them to the try around the loop).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_TRYSTATEMENTS_H
#define WEFT_RUNTIME_TRYSTATEMENTS_H

#include <csetjmp>
#include <cstddef>
#include <cstdint>

namespace weft::rt {

/// The frame generated code allocates: 64 bytes of links, then the
/// jmp_buf (448 bytes are reserved for it), then the addresses of the
/// function's stack buffers (which the call hands to the runtime, so that
/// LLVM keeps their contents in memory across the _setjmp).
struct TryFrame {
  TryFrame *prev;
  int64_t regionDepth;
  int64_t reserved[6];
  alignas(16) std::jmp_buf jump;
};
constexpr size_t kTryFrameJumpOffset = 64;
constexpr size_t kTryFrameBytes = 512;
static_assert(offsetof(TryFrame, jump) == kTryFrameJumpOffset,
              "the jmp_buf starts where generated code expects it");
static_assert(sizeof(TryFrame) <= kTryFrameBytes,
              "the frame fits the bytes generated code allocates");

/// Jumps to the innermost try of this thread's current parallel region (or
/// of no region), if there is one and `message` is an error a try
/// catches (not KeyboardInterrupt); returns otherwise.
void jumpToTry(const char *message);

/// Nesting depth of the parallel regions running on this thread.
int64_t regionDepth();

/// While alive, no try is active on this thread: a protected call's errors
/// stop at the call, not at a try of the code that made it.
class NoTryScope {
public:
  NoTryScope();
  ~NoTryScope();
  NoTryScope(const NoTryScope &) = delete;
  NoTryScope &operator=(const NoTryScope &) = delete;

private:
  TryFrame *saved_;
};

} // namespace weft::rt

#endif // WEFT_RUNTIME_TRYSTATEMENTS_H
