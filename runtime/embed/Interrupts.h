//===- Interrupts.h - Stopping host calls: weft::interrupt and Ctrl-C -*-===//
//
// Code a host calls checks an interrupt flag at the top of its loops (the
// same check `weft repl` uses). weft::interrupt() raises the flag; with
// Options::catchInterrupts, a SIGINT handler raises it while a call runs
// (and then calls the handler it replaced). The flag is cleared when a
// call starts with no other call running.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_EMBED_INTERRUPTS_H
#define WEFT_RUNTIME_EMBED_INTERRUPTS_H

namespace weft {
namespace detail {

/// Held around each call.
class InterruptScope {
public:
  explicit InterruptScope(bool catchSigint);
  ~InterruptScope();
  InterruptScope(const InterruptScope &) = delete;
  InterruptScope &operator=(const InterruptScope &) = delete;

private:
  bool catching_ = false;
};

} // namespace detail
} // namespace weft

#endif // WEFT_RUNTIME_EMBED_INTERRUPTS_H
