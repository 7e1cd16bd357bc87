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
 *  float, f64 as double. */
typedef enum {
  WEFT_BOOL = 0,
  WEFT_I32 = 1,
  WEFT_I64 = 2,
  WEFT_F32 = 3,
  WEFT_F64 = 4
} weft_dtype;

/** Arrays have 1 to WEFT_MAX_RANK axes (a number has rank 0). */
#define WEFT_MAX_RANK 8

#endif /* WEFT_DTYPE_H */
