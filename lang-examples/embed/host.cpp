// host.cpp - a C++ program that compiles Weft kernels and calls them on its
// own buffers (no copies), then prints the engine's metrics.
#include <weft/weft.hpp>

#include <chrono>
#include <cstdio>
#include <vector>

int main(int argc, char **argv) {
  const char *kernels = argc > 1 ? argv[1] : "kernels.weft";
  try {
    weft::Options options; // all cores, -O3, on-disk code cache
    options.timeCalls = true; // for the metrics printed at the end
    weft::Engine engine(options);
    weft::Module m = engine.compile_file(kernels);

    // y <- 2 x + y on std::vector memory, timed: the first call compiles
    // (or loads the cached code), the second only runs.
    const int64_t n = 1000000;
    std::vector<double> x(n, 1.0), y(n, 0.5);
    weft::ArrayView<double, 1> xv(x.data(), {n}), yv(y.data(), {n});
    weft::Function axpy = m.function("axpy");
    auto t0 = std::chrono::steady_clock::now();
    axpy(2.0, xv, yv);
    auto t1 = std::chrono::steady_clock::now();
    axpy(2.0, xv, yv);
    auto t2 = std::chrono::steady_clock::now();
    std::printf("y[0] = %g, y[n-1] = %g\n", y[0], y[n - 1]);
    std::printf("first call %.1f ms, second call %.3f ms\n",
                std::chrono::duration<double, std::milli>(t1 - t0).count(),
                std::chrono::duration<double, std::milli>(t2 - t1).count());

    // A strided view: every other column of a 3 x 4 row-major matrix.
    std::vector<float> mat = {3, 9, 4, 9, 0, 9, 0, 9, 6, 9, 8, 9};
    weft::ArrayView<float, 2> cols(mat.data(), {3, 2}, {4, 2});
    weft::Value norms = m.function("row_norms")(cols);
    const weft::Array &r = norms.array();
    std::printf("row norms: %g %g %g\n", r.at<float>(0), r.at<float>(1),
                r.at<float>(2));

    std::printf("pi ~ %.3f\n",
                4.0 * m.function("count_inside")(4000000).as<double>() /
                    4000000);

    // Errors are exceptions; the engine stays usable.
    try {
      axpy(2.0, xv);
    } catch (const weft::CallError &e) {
      std::printf("expected error: %s", e.what());
    }
    weft::Metrics mt = engine.metrics();
    std::printf("metrics: %lld compiled, %lld from the cache, %lld calls, "
                "%.1f ms compiling, %.3f ms in calls\n",
                static_cast<long long>(mt.compilations),
                static_cast<long long>(mt.cacheHits),
                static_cast<long long>(mt.calls), mt.compileSeconds * 1e3,
                mt.callSeconds * 1e3);
  } catch (const weft::Error &e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
