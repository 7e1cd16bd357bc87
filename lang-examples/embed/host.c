/* host.c - a C program that compiles a Weft kernel and calls it on its own
 * buffer (no copy), then prints the engine's metrics as JSON. */
#include <weft/weft.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  const char *kernels = argc > 1 ? argv[1] : "kernels.weft";
  weft_engine *engine = NULL;
  weft_module *module = NULL;
  if (weft_engine_create(NULL, &engine) != WEFT_OK ||
      weft_compile_file(engine, kernels, &module) != WEFT_OK) {
    fprintf(stderr, "%s\n", weft_last_error());
    return 1;
  }
  double x[8], y[8];
  for (int i = 0; i < 8; ++i) {
    x[i] = i;
    y[i] = 1.0;
  }
  int64_t n = 8;
  weft_arg args[3] = {weft_f64(10.0), weft_view(WEFT_F64, x, 1, &n, NULL),
                      weft_view(WEFT_F64, y, 1, &n, NULL)};
  weft_value result;
  if (weft_call(module, "axpy", args, 3, &result) != WEFT_OK) {
    fprintf(stderr, "%s\n", weft_last_error());
    return 1;
  }
  printf("y = %g %g %g ... %g\n", y[0], y[1], y[2], y[7]);

  /* A result array, owned by the caller until released. */
  double m[6] = {3, 4, 0, 6, 8, 0};
  int64_t shape[2] = {2, 3};
  weft_arg margs[1] = {weft_view(WEFT_F64, m, 2, shape, NULL)};
  if (weft_call(module, "row_norms", margs, 1, &result) != WEFT_OK) {
    fprintf(stderr, "%s\n", weft_last_error());
    return 1;
  }
  double *norms = (double *)weft_array_data(result.array);
  printf("row norms: %g %g (shape %lld)\n", norms[0], norms[1],
         (long long)weft_array_shape(result.array, 0));
  weft_array_release(result.array);

  /* Errors are statuses with a message; the engine stays usable. */
  weft_status s = weft_call(module, "no_such_kernel", NULL, 0, &result);
  printf("expected error (status %d): %s\n", (int)s, weft_last_error());

  char *json = NULL;
  if (weft_engine_metrics_json(engine, &json) == WEFT_OK) {
    printf("metrics: %.*s...\n", 60, json);
    weft_free(json);
  }
  weft_module_destroy(module);
  weft_engine_destroy(engine);
  return 0;
}
