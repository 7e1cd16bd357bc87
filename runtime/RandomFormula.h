//===- RandomFormula.h - The counter-based random number formula -*- C++
//-*-===//
//
// The one definition of Weft's random numbers, written once over an
// arithmetic policy: the runtime instantiates it on uint64_t (stream keys,
// draws made outside compiled loops) and the compiler on MLIR values (the
// same formula inline in loops, weft-lower-random), so both always agree.
//
// A policy `A` provides `using Value`, `constant(uint64_t)`, `add`, `mul`,
// `xor_` and `xorShiftRight(x, s)` (x ^ (x >> s), logical shift), all
// modulo 2^64.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_RANDOMFORMULA_H
#define WEFT_RUNTIME_RANDOMFORMULA_H

#include <cstdint>

namespace weft {
namespace random {

/// The golden-ratio step between consecutive elements of a stream (and
/// between draw sites of a parallel loop).
constexpr uint64_t kElementStep = 0x9e3779b97f4a7c15ULL;
/// The step between iterations of a parallel loop.
constexpr uint64_t kIterationStep = 0x2545f4914f6cdd1dULL;
/// Mixed into the global stream counter.
constexpr uint64_t kCounterSalt = 0x632be59bd9b4e019ULL;
/// The state before any seed(s).
constexpr uint64_t kDefaultSeed = 0x853c49e6748fea9bULL;

/// splitmix64's finaliser.
template <typename A> typename A::Value mix64(A &a, typename A::Value z) {
  z = a.mul(a.xorShiftRight(z, 30), a.constant(0xbf58476d1ce4e5b9ULL));
  z = a.mul(a.xorShiftRight(z, 27), a.constant(0x94d049bb133111ebULL));
  return a.xorShiftRight(z, 31);
}

/// The 64 random bits of element `i` of the stream with key `key` (the
/// elements of rand(n), and the draw sites of a parallel loop).
template <typename A>
typename A::Value elementBits(A &a, typename A::Value key,
                              typename A::Value i) {
  return mix64(a, a.add(key, a.mul(i, a.constant(kElementStep))));
}

/// What iteration `i` of a parallel loop adds to its draws.
template <typename A>
typename A::Value iterationOffset(A &a, typename A::Value i) {
  return a.mul(i, a.constant(kIterationStep));
}

/// Draw `k` of an iteration (offset from iterationOffset) of a parallel
/// loop whose streams derive from `loopKey`: draw site k is a stream
/// indexed by the iteration, independent of threads and of the order in
/// which iterations run.
template <typename A>
typename A::Value iterationDraw(A &a, typename A::Value loopKey,
                                typename A::Value k, typename A::Value offset) {
  return mix64(a, a.add(elementBits(a, loopKey, k), offset));
}

/// The key of global stream number `n` after seeding with state `seed`.
template <typename A>
typename A::Value globalStreamKey(A &a, typename A::Value seed,
                                  typename A::Value n) {
  return mix64(a, a.xor_(seed, mix64(a, a.add(n, a.constant(kCounterSalt)))));
}

/// The state after seed(s).
template <typename A> typename A::Value seedState(A &a, typename A::Value s) {
  return mix64(a, a.add(s, a.constant(kElementStep)));
}

/// The policy on plain 64-bit integers.
struct IntegerArith {
  using Value = uint64_t;
  Value constant(uint64_t v) { return v; }
  Value add(Value x, Value y) { return x + y; }
  Value mul(Value x, Value y) { return x * y; }
  Value xor_(Value x, Value y) { return x ^ y; }
  Value xorShiftRight(Value x, unsigned s) { return x ^ (x >> s); }
};

} // namespace random
} // namespace weft

#endif // WEFT_RUNTIME_RANDOMFORMULA_H
