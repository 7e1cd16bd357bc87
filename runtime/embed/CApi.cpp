//===- CApi.cpp - Weft's C embedding API ----------------------------------===//
//
// Implements weft.h on the C++ API: every entry point catches every
// exception and turns it into a status and a thread-local message.
//
//===----------------------------------------------------------------------===//
#include "weft/weft.h"
#include "weft/weft.hpp"

#include "runtime/NpyIO.h"

#include "llvm/ADT/SmallVector.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>

struct weft_engine {
  std::unique_ptr<weft::Engine> engine;
};
struct weft_module {
  weft::Module module;
};
struct weft_array {
  weft::Array array;
  std::string structured; ///< a structured array's dtype, or ""
};
struct weft_entry {
  std::shared_ptr<weft::detail::TypedEntry> entry;
  /// For calls the entry cannot make directly.
  std::optional<weft::Module> module;
  std::string function;
  int result = -1; ///< the result's dtype, or -1
  bool numbersOnly = true;
  int nargs = 0;
  int dtypes[16] = {}, ranks[16] = {}; ///< the layout it was prepared for
};

namespace weft::detail {
struct EntryAccess {
  static std::shared_ptr<TypedEntry>
  prepare(const Function &f, const std::vector<Arg> &protos, int &result) {
    return resolveEntry(f.module_, f.name_, protos, result);
  }
};
} // namespace weft::detail

namespace {

thread_local std::string tLastError;

template <typename F> weft_status guarded(F &&f) {
  try {
    tLastError.clear();
    f();
    return WEFT_OK;
  } catch (const weft::ReadOnlyError &e) {
    tLastError = e.what();
    return WEFT_READ_ONLY_ERROR;
  } catch (const weft::OverflowError &e) {
    tLastError = e.what();
    return WEFT_OVERFLOW_ERROR;
  } catch (const weft::CompileError &e) {
    tLastError = e.what();
    return WEFT_COMPILE_ERROR;
  } catch (const weft::CallError &e) {
    tLastError = e.what();
    return WEFT_CALL_ERROR;
  } catch (const weft::RuntimeError &e) {
    tLastError = e.what();
    return WEFT_RUNTIME_ERROR;
  } catch (const std::bad_alloc &) {
    tLastError = "out of memory";
    return WEFT_ERROR;
  } catch (const std::exception &e) {
    tLastError = e.what();
    return WEFT_ERROR;
  } catch (...) {
    tLastError = "unknown error";
    return WEFT_ERROR;
  }
}

/// The C++ element type of a dtype weft_call has checked.
/// (weft::DType has weft_dtype's codes.)
weft::DType toDType(weft_dtype d) { return static_cast<weft::DType>(d); }

weft_dtype fromDType(weft::DType d) { return static_cast<weft_dtype>(d); }

} // namespace

extern "C" {

const char *weft_last_error(void) { return tLastError.c_str(); }

const char *weft_version(void) {
  static const std::string v = weft::version();
  return v.c_str();
}

const char *weft_dtype_name(int dtype) { return weft::rt::npyTypeName(dtype); }

int weft_max_rank(void) { return WEFT_MAX_RANK; }

weft_status weft_engine_create(const weft_options *options, weft_engine **out) {
  if (!out)
    return WEFT_ERROR;
  *out = nullptr;
  return guarded([&] {
    weft::Options o;
    if (options) {
      if (options->target)
        o.target = options->target;
      o.threads = options->threads;
      o.optLevel = options->opt_level < 0 ? 3 : options->opt_level;
      o.fastmath = options->fastmath != 0;
      if (options->cache_directory)
        o.cacheDirectory = options->cache_directory;
      o.cache = options->no_cache == 0;
      o.metrics = options->metrics != 0;
      o.timeCalls = options->time_calls != 0;
      o.catchInterrupts = options->catch_interrupts != 0;
    }
    auto e = std::make_unique<weft_engine>();
    e->engine = std::make_unique<weft::Engine>(o);
    *out = e.release();
  });
}

void weft_engine_destroy(weft_engine *engine) { delete engine; }

weft_status weft_engine_metrics_json(weft_engine *engine, char **json) {
  if (!engine || !json)
    return WEFT_ERROR;
  return guarded([&] {
    std::string j = engine->engine->metrics().json;
    char *p = static_cast<char *>(std::malloc(j.size() + 1));
    if (!p)
      throw std::bad_alloc();
    std::memcpy(p, j.c_str(), j.size() + 1);
    *json = p;
  });
}

weft_status weft_compile(weft_engine *engine, const char *source,
                         const char *name, weft_module **out) {
  if (!engine || !source || !out)
    return WEFT_ERROR;
  *out = nullptr;
  return guarded([&] {
    weft::Module m = engine->engine->compile(source, name ? name : "<source>");
    *out = new weft_module{m};
  });
}

weft_status weft_compile_file(weft_engine *engine, const char *path,
                              weft_module **out) {
  if (!engine || !path || !out)
    return WEFT_ERROR;
  *out = nullptr;
  return guarded([&] {
    weft::Module m = engine->engine->compile_file(path);
    *out = new weft_module{m};
  });
}

void weft_module_destroy(weft_module *module) { delete module; }

namespace {
/// A C result from a C++ one (arrays and tuple elements now the caller's).
void toCValue(const weft::Value &r, weft_value &out) {
  out = weft_value{};
  switch (r.kind()) {
  case weft::Value::Kind::None:
    out.kind = weft_value::WEFT_NONE;
    break;
  case weft::Value::Kind::Array:
    out.kind = weft_value::WEFT_ARRAY;
    out.dtype = fromDType(r.array().dtype());
    out.array = new weft_array{r.array(), r.structuredDtype()};
    out.list_depth = r.listDepth();
    out.is_string = r.isString();
    break;
  case weft::Value::Kind::Tuple: {
    const std::vector<weft::Value> &elems = r.elements();
    out.kind = weft_value::WEFT_TUPLE;
    out.count = static_cast<int>(elems.size());
    out.list_depth = r.listDepth();
    out.is_ragged = r.isRagged() ? (r.raggedArrayRows() ? 2 : 1) : 0;
    out.is_string = r.isString(); // (a list of strs)
    if (!r.recordName().empty())
      out.record_name = strdup(r.recordName().c_str());
    // calloc: freed by weft_value_release or, element lists only, by
    // weft_free (a host that took the arrays over).
    out.elements = static_cast<weft_value *>(
        std::calloc(elems.size() ? elems.size() : 1, sizeof(weft_value)));
    for (size_t i = 0; i < elems.size(); ++i)
      toCValue(elems[i], out.elements[i]);
    break;
  }
  case weft::Value::Kind::Complex:
    out.kind = weft_value::WEFT_NUMBER;
    out.dtype = WEFT_C128;
    out.number = r.complex().real();
    out.imag = r.complex().imag();
    break;
  default:
    out.kind = weft_value::WEFT_NUMBER;
    out.dtype = r.kind() == weft::Value::Kind::Float  ? WEFT_F64
                : r.kind() == weft::Value::Kind::Bool ? WEFT_BOOL
                : r.isUnsigned()                      ? WEFT_U64
                                                      : WEFT_I64;
    out.number = r.as<double>();
    out.integer = r.as<int64_t>();
    break;
  }
}
} // namespace

/// A weft_arg as the C++ API's argument, checked as weft_call checks it
/// (CallError naming argument i + 1 of `function`).
static weft::detail::Arg argOf(const weft_arg &a, int i, const char *function) {
  if (a.array)
    return a.array->array.arg();
  // The dtype as stored: a C host may put any int there.
  int dtype = 0;
  static_assert(sizeof dtype == sizeof a.dtype, "weft_dtype is an int");
  std::memcpy(&dtype, &a.dtype, sizeof dtype);
  weft::detail::Arg x;
  x.dtype = toDType(static_cast<weft_dtype>(dtype));
  x.rank = a.rank;
  x.readOnly = a.read_only != 0;
  auto what = [&] {
    return "argument " + std::to_string(i + 1) + " of '" + function + "'";
  };
  if (a.rank < 0 || a.rank > WEFT_MAX_RANK)
    throw weft::CallError(what() + ": rank " + std::to_string(a.rank) +
                          "; a number has rank 0 and arrays have 1 to " +
                          std::to_string(WEFT_MAX_RANK) + " axes");
  if (dtype < WEFT_BOOL || dtype > WEFT_DTYPE_LAST)
    throw weft::CallError(what() + ": unknown dtype " + std::to_string(dtype) +
                          " (WEFT_BOOL to WEFT_C64)");
  if (a.rank == 0 && a.data)
    throw weft::CallError(what() + ": a view of rank 0; an array view "
                                   "has 1 to 8 axes (numbers are "
                                   "weft_f64(x) etc.)");
  if (a.rank == 0) {
    switch (static_cast<weft_dtype>(dtype)) {
    case WEFT_BOOL:
      x.scalar.b = a.scalar.b != 0;
      break;
    case WEFT_I32:
      x.scalar.i32 = a.scalar.i32;
      break;
    case WEFT_I64:
    case WEFT_U64: // (the uint64's bits)
      x.scalar.i64 = a.scalar.i64;
      break;
    case WEFT_F32:
      x.scalar.f32 = a.scalar.f32;
      break;
    case WEFT_C128:
      x.scalar.c128[0] = a.scalar.c128[0];
      x.scalar.c128[1] = a.scalar.c128[1];
      break;
    case WEFT_C64:
      x.scalar.c64[0] = a.scalar.c64[0];
      x.scalar.c64[1] = a.scalar.c64[1];
      break;
    default:
      x.scalar.f64 = a.scalar.f64;
      break;
    }
  } else {
    x.data = a.data;
    for (int d = 0; d < a.rank; ++d) {
      x.shape[d] = a.shape[d];
      x.strides[d] = a.strides[d];
    }
  }
  return x;
}

weft_status weft_call(weft_module *module, const char *function,
                      const weft_arg *args, int nargs, weft_value *result) {
  if (!module || !function || (nargs > 0 && !args) || nargs < 0)
    return WEFT_ERROR;
  if (result)
    std::memset(result, 0, sizeof *result);
  return guarded([&] {
    std::vector<weft::detail::Arg> v;
    v.reserve(static_cast<size_t>(nargs));
    for (int i = 0; i < nargs; ++i)
      v.push_back(argOf(args[i], i, function));
    weft::Value r = module->module.function(function).call(v);
    if (result)
      toCValue(r, *result);
  });
}

/// A number result in the low bytes of a word, as prepared calls store
/// it (`dtype` -1: nothing).
static void storeNumber(const weft::Value &v, int dtype, uint64_t *out) {
  *out = 0;
  switch (dtype) {
  case WEFT_BOOL:
    *out = v.as<bool>() ? 1 : 0;
    break;
  case WEFT_I32: {
    int32_t x = static_cast<int32_t>(v.as<int64_t>());
    std::memcpy(out, &x, 4);
    break;
  }
  case WEFT_I64: {
    int64_t x = v.as<int64_t>();
    std::memcpy(out, &x, 8);
    break;
  }
  case WEFT_U64: {
    uint64_t x = v.as<uint64_t>();
    std::memcpy(out, &x, 8);
    break;
  }
  case WEFT_F32: {
    float x = static_cast<float>(v.as<double>());
    std::memcpy(out, &x, 4);
    break;
  }
  case WEFT_F64: {
    double x = v.as<double>();
    std::memcpy(out, &x, 8);
    break;
  }
  default:
    break;
  }
}

weft_status weft_entry_create(weft_module *module, const char *function,
                              const weft_arg *layout, int nargs,
                              weft_entry **out, int *result_dtype) {
  if (!module || !function || !out || nargs < 0 || nargs > 16 ||
      (nargs > 0 && !layout))
    return WEFT_ERROR;
  *out = nullptr;
  return guarded([&] {
    std::vector<weft::detail::Arg> protos;
    auto e = std::make_unique<weft_entry>();
    for (int i = 0; i < nargs; ++i) {
      weft::detail::Arg a = argOf(layout[i], i, function);
      if (a.owner)
        throw weft::CallError("argument " + std::to_string(i + 1) + " of '" +
                              function +
                              "': a prepared call takes numbers and views, "
                              "not arrays Weft made (use weft_call)");
      protos.push_back(a);
      e->dtypes[i] = static_cast<int>(a.dtype);
      e->ranks[i] = a.rank;
      e->numbersOnly &= a.rank == 0;
    }
    int result = -1;
    e->entry = weft::detail::EntryAccess::prepare(
        module->module.function(function), protos, result);
    e->nargs = nargs;
    e->function = function;
    e->module = module->module;
    e->result = result;
    if (result_dtype)
      *result_dtype = result;
    *out = e.release();
  });
}

weft_status weft_entry_call(const weft_entry *entry, const weft_arg *args,
                            uint64_t *result) {
  if (!entry || (entry->nargs > 0 && !args) || !result)
    return WEFT_ERROR;
  *result = 0;
  if (entry->numbersOnly) {
    // Numbers of the prepared dtypes: their bytes as they are.
    uint64_t bits[16];
    void *argv[17];
    for (int i = 0; i < entry->nargs; ++i) {
      int dtype = 0;
      std::memcpy(&dtype, &args[i].dtype, sizeof dtype);
      if (dtype != entry->dtypes[i] || args[i].rank != 0 || args[i].array)
        return guarded([&] {
          throw weft::CallError(
              "argument " + std::to_string(i + 1) + " of '" + entry->function +
              "': not the dtype and rank the entry was prepared for");
        });
      bits[i] = 0;
      if (dtype == WEFT_BOOL)
        bits[i] = args[i].scalar.b != 0;
      else
        std::memcpy(&bits[i], &args[i].scalar,
                    dtype == WEFT_I32 || dtype == WEFT_F32 ? 4 : 8);
      argv[i] = &bits[i];
    }
    argv[entry->nargs] = result;
    return guarded([&] { weft::detail::invokeTyped(*entry->entry, argv); });
  }
  return guarded([&] {
    // Only as many arguments as the call has (an Arg is a few hundred
    // bytes, zeroed when made).
    llvm::SmallVector<weft::detail::Arg, 4> v(
        static_cast<size_t>(entry->nargs));
    for (int i = 0; i < entry->nargs; ++i) {
      v[i] = argOf(args[i], i, entry->function.c_str());
      if (static_cast<int>(v[i].dtype) != entry->dtypes[i] ||
          v[i].rank != entry->ranks[i])
        throw weft::CallError(
            "argument " + std::to_string(i + 1) + " of '" + entry->function +
            "': not the dtype and rank the entry was prepared for");
    }
    size_t n = static_cast<size_t>(entry->nargs);
    if (weft::detail::callEntry(*entry->entry, v.data(), n, result))
      return;
    // Overlap, read-only data: weft_call's path decides (and copies).
    weft::Value r =
        entry->module->function(entry->function)
            .call(std::vector<weft::detail::Arg>(v.begin(), v.end()));
    storeNumber(r, entry->result, result);
  });
}

void weft_entry_destroy(weft_entry *entry) { delete entry; }

void weft_value_release(weft_value *value) {
  if (!value)
    return;
  if (value->kind == weft_value::WEFT_ARRAY)
    weft_array_release(value->array);
  if (value->kind == weft_value::WEFT_TUPLE) {
    for (int i = 0; i < value->count; ++i)
      weft_value_release(&value->elements[i]);
    std::free(value->elements);
    std::free(value->record_name);
  }
  *value = weft_value{};
}

weft_arg weft_bool(int v) {
  weft_arg a{};
  a.dtype = WEFT_BOOL;
  a.scalar.b = v != 0;
  return a;
}

weft_arg weft_i64(int64_t v) {
  weft_arg a{};
  a.dtype = WEFT_I64;
  a.scalar.i64 = v;
  return a;
}

weft_arg weft_u64(uint64_t v) {
  weft_arg a{};
  a.dtype = WEFT_U64;
  std::memcpy(&a.scalar.i64, &v, 8);
  return a;
}

weft_arg weft_f64(double v) {
  weft_arg a{};
  a.dtype = WEFT_F64;
  a.scalar.f64 = v;
  return a;
}

weft_arg weft_f32(float v) {
  weft_arg a{};
  a.dtype = WEFT_F32;
  a.scalar.f32 = v;
  return a;
}

weft_arg weft_c128(double re, double im) {
  weft_arg a{};
  a.dtype = WEFT_C128;
  a.scalar.c128[0] = re;
  a.scalar.c128[1] = im;
  return a;
}

weft_arg weft_c64(float re, float im) {
  weft_arg a{};
  a.dtype = WEFT_C64;
  a.scalar.c64[0] = re;
  a.scalar.c64[1] = im;
  return a;
}

weft_arg weft_view(weft_dtype dtype, void *data, int rank, const int64_t *shape,
                   const int64_t *strides) {
  weft_arg a{};
  a.dtype = dtype;
  a.rank = rank; // weft_call refuses one outside 1 to WEFT_MAX_RANK
  a.data = data;
  int64_t s = 1;
  for (int d = (rank > WEFT_MAX_RANK ? 0 : rank) - 1; d >= 0; --d) {
    a.shape[d] = shape ? shape[d] : 0;
    a.strides[d] = strides ? strides[d] : s;
    s *= a.shape[d];
  }
  return a;
}

weft_arg weft_const_view(weft_dtype dtype, const void *data, int rank,
                         const int64_t *shape, const int64_t *strides) {
  weft_arg a = weft_view(dtype, const_cast<void *>(data), rank, shape, strides);
  a.read_only = 1;
  return a;
}

weft_arg weft_array_arg(const weft_array *array) {
  weft_arg a{};
  a.array = array;
  return a;
}

void *weft_array_data(const weft_array *a) {
  return a ? a->array.arg().data : nullptr;
}
weft_dtype weft_array_dtype(const weft_array *a) {
  return a ? fromDType(a->array.dtype()) : WEFT_F64;
}
int weft_array_rank(const weft_array *a) { return a ? a->array.rank() : 0; }
const char *weft_array_structured_dtype(const weft_array *a) {
  return a && !a->structured.empty() ? a->structured.c_str() : nullptr;
}
int64_t weft_array_shape(const weft_array *a, int axis) {
  return a && axis >= 0 && axis < a->array.rank() ? a->array.shape(axis) : 0;
}
int64_t weft_array_stride(const weft_array *a, int axis) {
  return a && axis >= 0 && axis < a->array.rank() ? a->array.stride(axis) : 0;
}
void weft_array_release(weft_array *a) { delete a; }

void weft_free(void *p) { std::free(p); }

void weft_interrupt(void) { weft::interrupt(); }

} // extern "C"
