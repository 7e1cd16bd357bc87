/* call_c.c - the per-call cost of weft_call (the C API) on add1(i64). */
#include "weft/weft.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000000;
  weft_options o = {0};
  o.no_cache = 1;
  weft_engine *e;
  weft_module *m;
  if (weft_engine_create(&o, &e) != WEFT_OK ||
      weft_compile(e, "def add1(x):\n    return x + 1\n", "calls", &m) !=
          WEFT_OK)
    return 1;
  weft_arg a = weft_i64(1);
  weft_value r;
  weft_call(m, "add1", &a, 1, &r);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  long s = 0;
  for (long i = 0; i < n; ++i) {
    a = weft_i64(i);
    weft_call(m, "add1", &a, 1, &r);
    s += r.integer;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("add1 %.4f\nchecksum %ld\n",
         ((t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec)) / n * 1e6,
         s);
  weft_module_destroy(m);
  weft_engine_destroy(e);
  return 0;
}
