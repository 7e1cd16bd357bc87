/*===- weft/dtype.h - Element types of Weft arrays ------------------*- C -*-===
 *
 * The one list of element kinds: the C/C++ embedding API (weft_dtype), the
 * runtime's C ABI called by generated code (elemKind arguments), the
 * compiler's lowering and the Python package all use these numbers.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WEFT_DTYPE_H
#define WEFT_DTYPE_H

/** bool is stored as one byte 0/1, i32 as int32_t, i64 as int64_t, f32 as
 *  float, f64 as double, u64 as uint64_t; the narrow integers (arrays
 *  only) as int8_t, int16_t, uint8_t, uint16_t and uint32_t; complex128 as
 *  two doubles, real part first (C's double _Complex, NumPy's layout),
 *  complex64 as two floats (C's float _Complex). */
typedef enum {
  WEFT_BOOL = 0,
  WEFT_I32 = 1,
  WEFT_I64 = 2,
  WEFT_F32 = 3,
  WEFT_F64 = 4,
  WEFT_I8 = 5,
  WEFT_I16 = 6,
  WEFT_U8 = 7,
  WEFT_U16 = 8,
  WEFT_U32 = 9,
  WEFT_C128 = 10,
  WEFT_U64 = 11,
  WEFT_C64 = 12
} weft_dtype;

/** The last weft_dtype. */
#define WEFT_DTYPE_LAST WEFT_C64

/** Bytes per element of a dtype; 0 for a number that is no weft_dtype. */
static inline int weft_dtype_bytes(int dtype) {
  switch (dtype) {
  case WEFT_BOOL:
  case WEFT_I8:
  case WEFT_U8:
    return 1;
  case WEFT_I16:
  case WEFT_U16:
    return 2;
  case WEFT_I32:
  case WEFT_U32:
  case WEFT_F32:
    return 4;
  case WEFT_I64:
  case WEFT_U64:
  case WEFT_F64:
  case WEFT_C64:
    return 8;
  case WEFT_C128:
    return 16;
  default:
    return 0;
  }
}

/** Arrays have 1 to WEFT_MAX_RANK axes (a number has rank 0). */
#define WEFT_MAX_RANK 8

#endif /* WEFT_DTYPE_H */
