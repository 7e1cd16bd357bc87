# lit.site.cfg.py.in - build-specific paths for the lit suite (configured by CMake).
config.weft_bin_dir = "/work/main/build-tsan/bin"
config.llvm_tools_dir = "/usr/lib/llvm-22/bin"
config.weft_src_root = "/work/main"
lit_config.load_config(config, "/work/main/tests/lit/lit.cfg.py")
