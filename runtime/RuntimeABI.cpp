//===- RuntimeABI.cpp - Printing, array buffers and runtime errors -------===//
//
// The weft_rt_* functions called by generated code (see RuntimeABI.h).
// Formatting of values lives in Formatting.cpp.
//
//===----------------------------------------------------------------------===//
#include "runtime/RuntimeABI.h"
#include "runtime/RandomFormula.h"

#include "runtime/CudaRuntime.h"
#include "runtime/ErrorRecord.h"
#include "runtime/ThreadAllocation.h"
#include "runtime/ThreadLocal.h"
#include "runtime/TryStatements.h"

#include <pthread.h>
#include <sys/mman.h>

#include <atomic>
#include <mutex>

#include <cerrno>
#include <chrono>
#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

/// Header placed in front of every array buffer. 64 bytes keep the data
/// 64-byte aligned for vector loads.
struct Arena;

struct alignas(64) BufferHeader {
  std::atomic<int64_t> refCount;
  int64_t bytes;
  /// The protected call that allocated the buffer (on its thread), so a
  /// runtime error can free what the aborted code still held.
  Arena *arena;
  BufferHeader *prev, *next;
  bool managed; ///< CUDA managed memory (--target=gpu), freed by the driver
  bool mapped;  ///< an anonymous mapping (out of memory in a parallel loop)
  uint64_t unused;
  /// kHeaderMagic while the header is intact: the last 8 bytes before the
  /// data, the first a write before the array's start overwrites.
  uint64_t magic;
};

/// The buffers allocated by one runProtected call on its thread and not
/// freed yet: a runtime error unwinds with longjmp past the releases, so
/// runProtected frees them; on success the survivors (returned arrays)
/// are detached.
struct Arena {
  weft::rt::SpinLock mutex;
  BufferHeader *head = nullptr;
};
/// What a protected call keeps per thread (its arena, jump target and
/// error message), in one thread-local: a shared library's thread-locals
/// cost a call of __tls_get_addr each, so runProtected makes one.
/// Where a runtime error jumps to: GCC's __builtin_setjmp (the frame and
/// stack pointers and a label, no call into libc, which saved more than
/// a call of a small function costs) or, under the sanitizers, which
/// follow only libc's, setjmp/longjmp.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
using JumpTarget = std::jmp_buf;
#define WEFT_SETJMP(target) setjmp(target)
#define WEFT_LONGJMP(target) std::longjmp(target, 1)
#else
using JumpTarget = void *[5];
#define WEFT_SETJMP(target) __builtin_setjmp(target)
#define WEFT_LONGJMP(target) __builtin_longjmp(target, 1)
#endif

struct CallState {
  Arena *arena = nullptr;
  JumpTarget *jumpTarget = nullptr;
};
WEFT_TLS_FAST thread_local CallState tCall;

/// The message of the last protected call on this thread that failed
/// (written only on failure: a call constructs no string).
std::string &errorText() { return weft::rt::threadErrors().text; }

/// Links `h` into the thread's arena, unless it is made inside a parallel
/// region: errors there are recorded, not raised by longjmp, and the
/// iterations release what they make (as on the team's other threads,
/// which run no protected call), so no lock is taken per buffer.
void arenaLink(BufferHeader *h, bool inRegion) {
  h->arena = inRegion ? nullptr : tCall.arena;
  h->prev = h->next = nullptr;
  if (!h->arena)
    return;
  std::lock_guard<weft::rt::SpinLock> lock(h->arena->mutex);
  h->next = h->arena->head;
  if (h->next)
    h->next->prev = h;
  h->arena->head = h;
}

void arenaUnlink(BufferHeader *h) {
  Arena *a = h->arena;
  if (!a)
    return;
  std::lock_guard<weft::rt::SpinLock> lock(a->mutex);
  (h->prev ? h->prev->next : a->head) = h->next;
  if (h->next)
    h->next->prev = h->prev;
  h->arena = nullptr;
}
static_assert(sizeof(BufferHeader) == 64, "header keeps data aligned");
static_assert(offsetof(BufferHeader, magic) == 56, "magic ends the header");

// Corruption checks: the header holds kHeaderMagic and the 8 bytes after
// the data hold kTrailer ^ address. A write before or past an array (an
// index out of range without --boundscheck) that reaches them is found
// when the buffer is freed: a clear fatal error instead of a corrupt heap.
constexpr uint64_t kHeaderMagic = 0x5765667448656164ULL; // "WeftHead"
constexpr uint64_t kTrailer = 0x9e3779b97f4a7c15ULL;
constexpr size_t kHugePage = size_t(2) << 20;

/// Bytes of the block holding a buffer of `bytes`: header, data rounded
/// up to 64 bytes with room for the trailer, whole huge pages from 4 MiB.
size_t blockBytes(size_t bytes) {
  size_t total = sizeof(BufferHeader) + ((bytes + 8 + 63) & ~size_t(63));
  if (bytes >= 2 * kHugePage)
    total = (total + kHugePage - 1) & ~(kHugePage - 1);
  return total;
}

uint64_t trailerFor(const void *data) {
  return kTrailer ^ reinterpret_cast<uintptr_t>(data);
}

[[noreturn]] void heapCorrupted(int64_t bytes, const char *where) {
  std::fflush(stdout);
  std::fprintf(stderr,
               "weft: fatal error: memory %s an array of %lld bytes was "
               "overwritten (an index out of range); run with "
               "--boundscheck to find where\n",
               where, (long long)bytes);
  std::abort();
}

namespace alloc = weft::rt::alloc;
// --max-memory: the most bytes of arrays that may be live (0: no limit).
std::atomic<int64_t> gMemoryLimit{0};
// Only while metrics are on: the live bytes, counted globally, and their
// peak (the per-thread counts of ThreadAllocation.h have no global order).
std::atomic<bool> gTrackPeak{false};
std::atomic<int64_t> gTrackedLiveBytes{0};
std::atomic<int64_t> gPeakLiveBytes{0};

BufferHeader *headerOf(void *ptr) {
  return reinterpret_cast<BufferHeader *>(static_cast<char *>(ptr) -
                                          sizeof(BufferHeader));
}

/// The innermost runProtected frame on this thread, and its error text.

/// Inside a parallel region each thread gathers its output up to the end
/// of the line and writes the line at once: lines printed by iterations
/// running at the same time do not interleave.
thread_local std::string tPendingLine;

/// Whether a program wrote to stdout since the last flush at the end of a
/// call (a call that printed nothing flushes nothing).
std::atomic<bool> gWroteOut{false};

/// Where this thread's print() writes: 1 stdout, 2 stderr (print's
/// file=sys.stderr, between weft_rt_print_to(2) and (1)).
thread_local int tPrintTarget = 1;

void writeOut(const char *data, size_t n) {
  if (tPrintTarget == 2) { // (stderr is unbuffered, as Python's)
    std::fwrite(data, 1, n, stderr);
    return;
  }
  gWroteOut.store(true, std::memory_order_relaxed);
  if (!weft::rt::regionRecord() && tPendingLine.empty()) {
    std::fwrite(data, 1, n, stdout);
    return;
  }
  tPendingLine.append(data, n);
  if (!tPendingLine.empty() && tPendingLine.back() == '\n') {
    std::fwrite(tPendingLine.data(), 1, tPendingLine.size(), stdout);
    tPendingLine.clear();
  }
}
void writeOut(const std::string &s) { writeOut(s.data(), s.size()); }
void writeOut(const char *s) { writeOut(s, std::strlen(s)); }

} // namespace

extern "C" {

void weft_rt_print_i64(int64_t v) { writeOut(std::to_string(v)); }
void weft_rt_print_u64(uint64_t v) { writeOut(std::to_string(v)); }

void weft_rt_print_f64(double v) { writeOut(weft::rt::formatFloat(v)); }
void weft_rt_print_complex(double re, double im) {
  writeOut(weft::rt::formatComplex(re, im));
}
void weft_rt_print_complex64(float re, float im) {
  writeOut(weft::rt::formatComplex(re, im, /*f32=*/true));
}

void weft_rt_print_f32(float v) { writeOut(weft::rt::formatFloat32(v)); }

void weft_rt_print_bool(int32_t v) { writeOut(v ? "True" : "False"); }

void weft_rt_print_str(const char *s) { writeOut(s); }

void weft_rt_print_newline(void) { writeOut("\n", 1); }

void weft_rt_print_to(int32_t target) {
  if (target == 2)
    std::fflush(stdout); // (what was printed before comes first)
  tPrintTarget = target == 2 ? 2 : 1;
}

void weft_rt_print_array(int32_t elemKind, int64_t rank,
                         const void *descriptor) {
  writeOut(weft::rt::formatMemRef(elemKind, rank, descriptor));
}

void weft_rt_print_array_repr(int32_t elemKind, int64_t rank,
                              const void *descriptor) {
  writeOut(weft::rt::formatMemRef(elemKind, rank, descriptor, true));
}

void weft_rt_print_list(int32_t elemKind, const void *descriptor) {
  writeOut(weft::rt::formatList(elemKind, descriptor));
}

void weft_rt_print_text(const void *descriptor, int32_t quoted) {
  writeOut(weft::rt::formatText(descriptor, quoted != 0));
}

void weft_rt_print_tuple_list(const char *format, int32_t fields,
                              const int32_t *kinds,
                              const void *const *descriptors) {
  writeOut(weft::rt::formatTupleList(format, fields, kinds, descriptors));
}

static std::vector<std::string> &programArguments() {
  static std::vector<std::string> args;
  return args;
}

/// The argument `index` if there is one (else null); fails on a negative
/// index.
static const std::string *argumentAt(int64_t index, int64_t line) {
  if (index < 0) {
    const char *msg = "IndexError: argv() index must not be negative";
    if (weft::rt::recordInParallelRegion(msg, line))
      return nullptr; // inside a parallel loop: the fallback for now
    weft_rt_fail(msg, line);
  }
  if (index >= static_cast<int64_t>(programArguments().size()))
    return nullptr;
  return &programArguments()[static_cast<size_t>(index)];
}

/// Raises the ValueError; returns only inside a parallel loop, where the
/// error is recorded and the caller goes on with the fallback.
static void badArgument(int64_t index, const std::string &text,
                        const char *what, int64_t line) {
  // weft_rt_fail does not return and skips destructors: keep the text in
  // storage that outlives the jump.
  static thread_local std::string msg;
  msg = "ValueError: argv(" + std::to_string(index) + ") is '" + text +
        "', which is not " + what;
  if (!weft::rt::recordInParallelRegion(msg.c_str(), line))
    weft_rt_fail(msg.c_str(), line);
}

int64_t weft_rt_argv_i64(int64_t index, int64_t fallback, int64_t line) {
  const std::string *s = argumentAt(index, line);
  if (!s)
    return fallback;
  errno = 0;
  char *end = nullptr;
  long long v = std::strtoll(s->c_str(), &end, 10); // "010" is 10, as int()
  if (s->empty() || *end != '\0' || errno == ERANGE) {
    badArgument(index, *s, "an integer", line);
    return fallback;
  }
  return v;
}

double weft_rt_argv_f64(int64_t index, double fallback, int64_t line) {
  const std::string *s = argumentAt(index, line);
  if (!s)
    return fallback;
  char *end = nullptr;
  double v = std::strtod(s->c_str(), &end);
  if (s->empty() || *end != '\0') {
    badArgument(index, *s, "a number", line);
    return fallback;
  }
  return v;
}

int32_t weft_rt_argv_bool(int64_t index, int32_t fallback, int64_t line) {
  const std::string *s = argumentAt(index, line);
  if (!s)
    return fallback;
  if (*s == "True" || *s == "true" || *s == "1")
    return 1;
  if (*s == "False" || *s == "false" || *s == "0")
    return 0;
  badArgument(index, *s, "True or False", line);
  return fallback;
}

/// NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src): 8
/// accumulators over blocks of at most 128 elements, halves above that.
static double pairwiseSum(const double *a, int64_t n, int64_t stride) {
  if (n < 8) {
    double res = 0.;
    for (int64_t i = 0; i < n; ++i)
      res += a[i * stride];
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j)
      r[j] = a[j * stride];
    int64_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; ++j)
        r[j] += a[(i + j) * stride];
    double res =
        ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i)
      res += a[i * stride];
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwiseSum(a, n2, stride) +
         pairwiseSum(a + n2 * stride, n - n2, stride);
}

double weft_rt_sum_f64(const double *data, int64_t size, int64_t stride) {
  // NumPy's reduction loop sees the array in buffers of 8192 elements,
  // sums each pairwise and adds the buffer sums in order.
  const int64_t kBuffer = 8192;
  double res = 0.0;
  for (int64_t start = 0; start < size; start += kBuffer)
    res += pairwiseSum(data + start * stride,
                       size - start < kBuffer ? size - start : kBuffer, stride);
  return res;
}

/// The source line of the next allocation (weft.alloc_site), for the
/// MemoryError message; 0 when unknown.
static thread_local int64_t tAllocLine = 0;

void weft_rt_alloc_site(int64_t line) { tAllocLine = line; }

void *_mlir_memref_to_llvm_alloc(size_t bytes) {
  int64_t line = tAllocLine;
  tAllocLine = 0;
  // Inside a parallel loop a MemoryError is recorded, not raised (it is
  // raised when the loop ends), and the loop must go on with a usable
  // buffer: the limit is exceeded for now, and out of memory the buffer
  // is an anonymous mapping whose pages the kernel supplies on use.
  bool inRegion = weft::rt::regionRecord() != nullptr;
  int64_t limit = gMemoryLimit.load(std::memory_order_relaxed);
  int64_t live = limit > 0 ? alloc::totals().liveBytes : 0;
  if (limit > 0 && (bytes > size_t(limit) || live + int64_t(bytes) > limit)) {
    static thread_local std::string msg;
    msg = "MemoryError: allocating an array of " + std::to_string(bytes) +
          " bytes would exceed the memory limit of " + std::to_string(limit) +
          " bytes (" + std::to_string(live) +
          " bytes of arrays live); raise --max-memory";
    if (!weft::rt::recordInParallelRegion(msg.c_str(), line))
      weft_rt_fail(msg.c_str(), line);
  }
  // Arrays of 4 MiB or more start on a 2 MiB boundary and ask for
  // transparent huge pages, as NumPy does: filling a fresh array then takes
  // one page fault per 2 MiB instead of per 4 KiB.
  bool tooLarge = bytes > (size_t(1) << 62); // no machine has that much
  size_t total = tooLarge ? 0 : blockBytes(bytes);
  bool huge = bytes >= 2 * kHugePage;
  // With a GPU in use, arrays live in CUDA managed memory, which host and
  // device share: kernels use them in place, and the driver moves pages
  // only when the other side touches them.
  bool managed = weft::gpu::managedMemory();
  bool mapped = false;
  void *raw = nullptr;
  if (!tooLarge && managed)
    raw = weft::gpu::allocManaged(total);
  else if (!tooLarge && !(raw = alloc::takeBlock(total)) &&
           !(huge && (raw = alloc::takeLargeBlock(total))))
    raw = std::aligned_alloc(huge ? kHugePage : 64, total);
#ifdef MADV_HUGEPAGE
  if (raw && huge && !managed)
    madvise(raw, total, MADV_HUGEPAGE);
#endif
  if (!raw) {
    static thread_local std::string msg;
    msg = "MemoryError: out of memory allocating an array of " +
          std::to_string(bytes) + " bytes (" +
          std::to_string(alloc::totals().liveBytes) + " bytes of arrays live)";
    if (!inRegion)
      weft_rt_fail(msg.c_str(), line);
    weft::rt::recordInParallelRegion(msg.c_str(), line);
    if (!tooLarge) {
      raw = mmap(nullptr, total, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      mapped = raw != MAP_FAILED;
      managed = false;
    }
    if (!mapped) {
      std::fflush(stdout);
      std::fprintf(stderr,
                   "weft: fatal error: %s inside a parallel loop, which "
                   "cannot go on without it\n",
                   msg.c_str() + std::strlen("MemoryError: "));
      std::abort();
    }
  }
  auto *header = new (raw) BufferHeader;
  header->refCount.store(1, std::memory_order_relaxed);
  header->bytes = static_cast<int64_t>(bytes);
  header->managed = managed;
  header->mapped = mapped;
  header->magic = kHeaderMagic;
  char *data = reinterpret_cast<char *>(raw) + sizeof(BufferHeader);
  uint64_t trailer = trailerFor(data);
  std::memcpy(data + bytes, &trailer, sizeof trailer);
  arenaLink(header, inRegion);
  alloc::countAlloc(header->bytes);
  if (gTrackPeak.load(std::memory_order_relaxed)) {
    int64_t live =
        gTrackedLiveBytes.fetch_add(header->bytes, std::memory_order_relaxed) +
        header->bytes;
    int64_t peak = gPeakLiveBytes.load(std::memory_order_relaxed);
    while (live > peak && !gPeakLiveBytes.compare_exchange_weak(
                              peak, live, std::memory_order_relaxed))
      ;
  }
  return data;
}

void _mlir_memref_to_llvm_free(void *ptr) {
  if (!ptr)
    return;
  BufferHeader *header = headerOf(ptr);
  if (header->magic != kHeaderMagic)
    heapCorrupted(header->bytes, "just before");
  uint64_t trailer;
  std::memcpy(&trailer, static_cast<char *>(ptr) + header->bytes,
              sizeof trailer);
  if (trailer != trailerFor(ptr))
    heapCorrupted(header->bytes, "just past the end of");
  arenaUnlink(header);
  alloc::countFree(header->bytes);
  if (gTrackPeak.load(std::memory_order_relaxed))
    gTrackedLiveBytes.fetch_sub(header->bytes, std::memory_order_relaxed);
  bool managed = header->managed, mapped = header->mapped;
  size_t total = blockBytes(static_cast<size_t>(header->bytes));
  header->magic = 0;
  header->~BufferHeader();
  if (managed)
    weft::gpu::freeManaged(header, total);
  else if (mapped)
    munmap(header, total);
  else if (!alloc::keepBlock(header, total) &&
           !alloc::keepLargeBlock(header, total))
    std::free(header);
}

void weft_rt_array_retain(void *ptr) {
  if (ptr)
    headerOf(ptr)->refCount.fetch_add(1, std::memory_order_relaxed);
}

void weft_rt_array_release(void *ptr) {
  if (!ptr)
    return;
  if (headerOf(ptr)->refCount.fetch_sub(1, std::memory_order_acq_rel) == 1)
    _mlir_memref_to_llvm_free(ptr);
}

void weft_rt_list_grow(int32_t elemKind, const void *in, void *out,
                       int64_t extra, int64_t line) {
  struct List {
    char *allocated, *aligned;
    int64_t offset, size, stride;
  };
  List list;
  std::memcpy(&list, in, sizeof list);
  int64_t bytes = weft_dtype_bytes(elemKind);
  int64_t n = list.size, want = n + extra;
  char *first = list.aligned + list.offset * bytes;
  // In place: the variable's reference is the only one, so the elements
  // past the list's end are no other array's. The reference passes to
  // the result.
  if (list.allocated && (n <= 1 || list.stride == 1)) {
    BufferHeader *h = headerOf(list.allocated);
    char *end = list.allocated + h->bytes;
    if (h->refCount.load(std::memory_order_acquire) == 1 &&
        first + want * bytes <= end) {
      list.size = want;
      list.stride = 1;
      std::memcpy(out, &list, sizeof list);
      return;
    }
  }
  // Room for twice the length (Python's lists grow by about 1/8; the
  // doubling keeps appends amortised O(1) with fewer copies). A length
  // no buffer can hold goes to the allocator, whose MemoryError says so.
  int64_t limit = (int64_t(1) << 60) / bytes;
  int64_t capacity = want > limit / 2 ? want : want < 2 ? 4 : 2 * want;
  size_t request = want > limit ? SIZE_MAX : size_t(capacity * bytes);
  weft_rt_alloc_site(line);
  auto *data = static_cast<char *>(_mlir_memref_to_llvm_alloc(request));
  for (int64_t i = 0; i < n; ++i)
    std::memcpy(data + i * bytes, first + i * list.stride * bytes,
                static_cast<size_t>(bytes));
  List grown{data, data, 0, want, 1};
  std::memcpy(out, &grown, sizeof grown);
  weft_rt_array_release(list.allocated);
}

void weft_rt_fail(const char *message, int64_t line) {
  // A try statement around the code catches it.
  weft::rt::jumpToTry(message);
  std::fflush(stdout);
  if (weft::rt::regionRecord()) {
    // Callers inside parallel loops record errors and go on; one that
    // cannot go on must not longjmp out of the OpenMP region either.
    std::fprintf(stderr,
                 "weft: fatal error: %lld: %s (inside a parallel loop, "
                 "which cannot go on)\n",
                 (long long)line, message);
    std::abort();
  }
  if (!tCall.jumpTarget) {
    std::fprintf(stderr, "%lld: %s\n", (long long)line, message);
    std::exit(1);
  }
  errorText() = line ? std::to_string(line) + ": " + message
                     : std::string(" ") + message; // no source line known
  WEFT_LONGJMP(*tCall.jumpTarget);
}

namespace {
void failOrRecord(const char *message, int64_t line) {
  if (!weft::rt::recordInParallelRegion(message, line))
    weft_rt_fail(message, line);
}
} // namespace

void weft_rt_check_failed(const char *message, int64_t line) {
  failOrRecord(message, line);
}

void weft_rt_raise_recorded(void) {
  // A loop nested in another parallel loop leaves its error to the
  // outer loop, whose end raises it.
  if (weft::rt::regionRecord())
    return;
  static thread_local std::string msg;
  int64_t line;
  if (weft::rt::takeRecorded(weft::rt::callRecord(), msg, line))
    weft_rt_fail(msg.c_str(), line);
}

/// Lowest address the stack of this thread may reach before a call of a
/// recursive function raises RecursionError: a margin above the end of
/// the stack leaves room for the runtime's own calls. (A stack too small
/// for the margin is left to the fault handler.)
static uintptr_t stackLimit() {
  static thread_local uintptr_t limit = 0;
  if (limit)
    return limit;
  limit = 1; // unknown: never stop
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0)
    return limit;
  void *low = nullptr;
  size_t size = 0;
  if (pthread_attr_getstack(&attr, &low, &size) == 0 && low && size) {
    // Generated code asks only once per 64 KiB of stack (see
    // weft-check-recursion): the margin is at least two such windows.
    size_t margin = size / 8;
    margin = margin < (192u << 10) ? (192u << 10)
             : margin > (1u << 20) ? (1u << 20)
                                   : margin;
    if (margin < size / 2)
      limit = reinterpret_cast<uintptr_t>(low) + margin;
  }
  pthread_attr_destroy(&attr);
  return limit;
}

int32_t weft_rt_stack_check(const char *function, int64_t line) {
  char here;
  if (reinterpret_cast<uintptr_t>(&here) > stackLimit())
    return 0;
  static thread_local std::string msg;
  msg = std::string("RecursionError: maximum recursion depth exceeded in '") +
        function + "'";
  if (weft::rt::recordInParallelRegion(msg.c_str(), line))
    return 1; // the function returns at once; the loop raises it later
  weft_rt_fail(msg.c_str(), line);
}

namespace {
std::atomic<uint64_t> gRngSeed{weft::random::kDefaultSeed};
std::atomic<uint64_t> gRngCounter{0};
weft::random::IntegerArith gRngArith;
} // namespace

void weft_rt_rng_seed(int64_t seed) {
  gRngSeed.store(
      weft::random::seedState(gRngArith, static_cast<uint64_t>(seed)));
  gRngCounter.store(0);
  weft_rt_mt_seed(seed);
}

namespace {
thread_local bool tRngInIteration = false;
thread_local uint64_t tRngLoopKey = 0;
thread_local uint64_t tRngIterationOffset = 0;
thread_local uint64_t tRngIterationCount = 0;
} // namespace

// Inside a parallel iteration, draws follow weft::random::iterationDraw;
// the compiler inlines the same formula into prange bodies
// (MLIRGenRandom.cpp), so draws made in functions called from the body
// continue the same streams.
void weft_rt_rng_begin_iteration(uint64_t loopKey, int64_t iteration) {
  tRngInIteration = true;
  tRngLoopKey = loopKey;
  tRngIterationOffset = weft::random::iterationOffset(
      gRngArith, static_cast<uint64_t>(iteration));
  tRngIterationCount = 0;
}

void weft_rt_rng_end_iteration(void) { tRngInIteration = false; }

int64_t weft_rt_rng_serial(void) { return tRngInIteration ? 0 : 1; }

uint64_t weft_rt_rng_stream(void) {
  if (tRngInIteration)
    return weft::random::iterationDraw(
        gRngArith, tRngLoopKey, tRngIterationCount++, tRngIterationOffset);
  uint64_t n = gRngCounter.fetch_add(1);
  return weft::random::globalStreamKey(gRngArith, gRngSeed.load(), n);
}

uint64_t weft_rt_rng_bits(void) {
  // Inside an iteration a draw's bits are already a fresh hash.
  if (tRngInIteration)
    return weft_rt_rng_stream();
  return weft::random::mix64(gRngArith, weft_rt_rng_stream());
}

extern "C" int omp_get_max_threads(void); // libomp
extern "C" int omp_get_thread_num(void);

int64_t weft_rt_thread_count(void) {
  int n = weft::rt::tCallThreads;
  return n > 0 ? n : omp_get_max_threads();
}

int64_t weft_rt_thread_id(void) { return omp_get_thread_num(); }

double weft_rt_time(void) {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void weft_rt_shape_error(const char *format, int64_t line,
                         const int64_t *encoded) {
  // Kept outside the stack frame: weft_rt_fail does not return.
  static thread_local std::string msg;
  msg.clear();
  for (const char *p = format; *p; ++p) {
    if (p[0] == '{' && p[1] == '}') {
      int64_t rank = *encoded++;
      msg += "(";
      for (int64_t d = 0; d < rank; ++d)
        msg += (d ? ", " : "") + std::to_string(*encoded++);
      msg += rank == 1 ? ",)" : ")";
      ++p;
      continue;
    }
    msg.push_back(*p);
  }
  failOrRecord(msg.c_str(), line);
}

void weft_rt_index_error(int64_t index, int64_t axis, int64_t extent,
                         int64_t line) {
  static thread_local std::string msg;
  if (axis < 0) // (a Python list's index, Python's words)
    msg = "IndexError: list index " + std::to_string(index) +
          " out of range (the list has " + std::to_string(extent) +
          (extent == 1 ? " element)" : " elements)");
  else
    msg = "IndexError: index " + std::to_string(index) +
          " is out of bounds for axis " + std::to_string(axis) + " with size " +
          std::to_string(extent);
  failOrRecord(msg.c_str(), line);
}

} // extern "C"

namespace weft {
namespace rt {

namespace {
void callNoArguments(void **fn) { reinterpret_cast<void (*)()>(fn)(); }
} // namespace

bool runProtected(void (*fn)(), std::string &error) {
  return runProtected(callNoArguments, reinterpret_cast<void **>(fn), error);
}

bool runProtected(void (*fn)(void **), void **args, std::string &error) {
  if (runProtected(fn, args))
    return true;
  error = protectedError();
  return false;
}

const std::string &protectedError() { return errorText(); }

// Defined here, beside its one hot user, so that runProtected reads it
// directly (ErrorRecord.h).
WEFT_THREAD ErrorRecord *tCallRecord = nullptr;

bool runProtected(void (*fn)(void **), void **args) {
  NoTryScope noTry;
  JumpTarget target;
  CallState &state = tCall;
  CallState saved = state;
  Arena arena;
  state.arena = &arena;
  state.jumpTarget = &target;
  bool ok = true;
  if (WEFT_SETJMP(target) == 0)
    fn(args);
  else
    ok = false;
  state = saved;
  // The call's parallel loops record their errors in the thread's record
  // (on any thread), and the end of each loop takes them out; an error
  // left by a call that ended another way is not the next call's.
  if (ErrorRecord *r = tCallRecord; r && r->set) {
    std::lock_guard<SpinLock> lock(r->mutex);
    r->set = false;
  }
  // After an error nothing can reach the arrays the aborted code held;
  // after success the remaining ones are results, owned by the caller.
  while (BufferHeader *h = arena.head) {
    if (ok) {
      arenaUnlink(h);
    } else {
      arenaUnlink(h);
      _mlir_memref_to_llvm_free(reinterpret_cast<char *>(h) +
                                sizeof(BufferHeader));
    }
  }
  // A load first: the exchange (a locked instruction) only after output.
  if (gWroteOut.load(std::memory_order_relaxed) &&
      gWroteOut.exchange(false, std::memory_order_relaxed))
    std::fflush(stdout);
  return ok;
}

void setProgramArguments(std::vector<std::string> args) {
  programArguments() = std::move(args);
}

void setReferenceCount(void *ptr, int64_t count) {
  if (ptr)
    headerOf(ptr)->refCount.store(count, std::memory_order_relaxed);
}

int64_t liveBuffers() { return alloc::totals().liveBuffers; }
int64_t liveBytes() { return alloc::totals().liveBytes; }
void trackPeakLiveBytes(bool on) {
  int64_t live = alloc::totals().liveBytes;
  gTrackedLiveBytes.store(live);
  gPeakLiveBytes.store(live);
  gTrackPeak.store(on);
}
int64_t peakLiveBytes() { return gPeakLiveBytes.load(); }
void setMemoryLimit(int64_t bytes) { gMemoryLimit.store(bytes); }
int64_t totalAllocatedBytes() { return alloc::totals().allocatedBytes; }

} // namespace rt
} // namespace weft
