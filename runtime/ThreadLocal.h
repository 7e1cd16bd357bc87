//===- ThreadLocal.h - Fast thread-locals of the runtime -------*- C++ -*-===//
//
// WEFT_TLS_FAST marks the runtime's per-thread state that every call or
// allocation reads (the protected call's jump target, arena and error
// record, the count of calls in flight, the allocator's slot) with the
// initial-exec TLS model: a read is one instruction instead of a call of
// __tls_get_addr, which a shared library's thread-locals otherwise cost.
// A library loaded by dlopen (Python's ctypes) must then fit its whole
// thread-local block in the static TLS space glibc keeps for that (a few
// hundred bytes): keep large per-thread data on the heap (the allocator's
// block cache lives in its slot).
//
// WEFT_THREAD declares such a variable of a trivial type (an int, a
// pointer) as GCC's __thread rather than thread_local: an extern
// thread_local may need dynamic initialisation for all its users know, so
// every read from another file calls its TLS wrapper function (through
// the PLT, in a shared library); a __thread variable cannot, and a read is
// one instruction wherever it is.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_THREADLOCAL_H
#define WEFT_RUNTIME_THREADLOCAL_H

#define WEFT_TLS_FAST __attribute__((tls_model("initial-exec")))
#define WEFT_THREAD __thread WEFT_TLS_FAST

#endif // WEFT_RUNTIME_THREADLOCAL_H
