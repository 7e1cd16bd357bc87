//===- NumpyRandom.cpp - NumPy's legacy generator for serial draws --------===//
//
// The draws a program makes outside prange iterations come from the
// generator behind NumPy's np.random.seed / np.random.random: MT19937
// seeded by init_genrand, and RandomState's legacy algorithms for
// random_sample, the polar-method gauss (its second value kept for the
// next call) and randint's masked rejection, so a seeded program draws
// the numbers NumPy and Numba draw. One state per thread, as Numba's:
// seed(s) seeds the calling thread's generator, and draws take no lock.
//
//===----------------------------------------------------------------------===//
#include "runtime/RuntimeABI.h"

#include <cmath>
#include <cstdint>
#include <memory>

namespace {

constexpr int kStateLength = 624;
constexpr uint32_t kDefaultSeed = 5489; // MT19937's reference default

struct LegacyState {
  uint32_t key[kStateLength];
  int pos = kStateLength;
  bool hasGauss = false;
  double gauss = 0.0;

  explicit LegacyState(uint32_t seed) { reseed(seed); }

  /// NumPy's mt19937_seed (init_genrand).
  void reseed(uint32_t seed) {
    for (int i = 0; i < kStateLength; ++i) {
      key[i] = seed;
      seed = 1812433253U * (seed ^ (seed >> 30)) + static_cast<uint32_t>(i) + 1;
    }
    pos = kStateLength;
    hasGauss = false;
    gauss = 0.0;
  }

  void generate() {
    constexpr int n = kStateLength, m = 397;
    constexpr uint32_t upper = 0x80000000U, lower = 0x7fffffffU;
    auto twist = [&](int i, int j, int k) {
      uint32_t y = (key[i] & upper) | (key[j] & lower);
      key[i] = key[k] ^ (y >> 1) ^ (-(y & 1U) & 0x9908b0dfU);
    };
    int i = 0;
    for (; i < n - m; ++i)
      twist(i, i + 1, i + m);
    for (; i < n - 1; ++i)
      twist(i, i + 1, i + m - n);
    twist(n - 1, 0, m - 1);
    pos = 0;
  }

  uint32_t next32() {
    if (pos == kStateLength)
      generate();
    uint32_t y = key[pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
  }

  uint64_t next64() {
    uint64_t hi = next32();
    return (hi << 32) | next32();
  }

  /// random_sample: 53 bits from two draws.
  double nextDouble() {
    int32_t a = static_cast<int32_t>(next32() >> 5);
    int32_t b = static_cast<int32_t>(next32() >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /// legacy_gauss: the polar method, two values per round.
  double nextGauss() {
    if (hasGauss) {
      hasGauss = false;
      double kept = gauss;
      gauss = 0.0;
      return kept;
    }
    double x1, x2, r2;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = std::sqrt(-2.0 * std::log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /// randint's random_bounded_uint64 with masked rejection: a value in
  /// [0, range] (range inclusive), from 32-bit draws when it fits.
  uint64_t bounded(uint64_t range) {
    if (range == 0)
      return 0;
    uint64_t mask = range;
    for (int s = 1; s <= 32; s *= 2)
      mask |= mask >> s;
    if (range <= 0xffffffffULL) {
      if (range == 0xffffffffULL)
        return next32();
      uint64_t v;
      while ((v = next32() & mask) > range) {
      }
      return v;
    }
    if (range == ~0ULL)
      return next64();
    uint64_t v;
    while ((v = next64() & mask) > range) {
    }
    return v;
  }
};

/// The calling thread's generator, made on its first draw (on the heap:
/// its 2.5 KB would not fit the static TLS block of a library loaded with
/// dlopen).
LegacyState &state() {
  thread_local std::unique_ptr<LegacyState> s;
  if (!s)
    s = std::make_unique<LegacyState>(kDefaultSeed);
  return *s;
}

} // namespace

void weft_rt_mt_seed(int64_t seed) {
  state().reseed(static_cast<uint32_t>(seed));
}

double weft_rt_mt_uniform(void) { return state().nextDouble(); }

void weft_rt_mt_fill_uniform(int64_t address, int64_t count) {
  double *out = reinterpret_cast<double *>(static_cast<uintptr_t>(address));
  LegacyState &s = state();
  for (int64_t i = 0; i < count; ++i)
    out[i] = s.nextDouble();
}

double weft_rt_mt_normal(void) { return state().nextGauss(); }

int64_t weft_rt_mt_randint(int64_t lo, int64_t hi) {
  // [lo, hi): NumPy draws from [lo, hi - 1], a range of hi - 1 - lo.
  uint64_t range = static_cast<uint64_t>(hi) - 1 - static_cast<uint64_t>(lo);
  return static_cast<int64_t>(static_cast<uint64_t>(lo) +
                              state().bounded(range));
}
