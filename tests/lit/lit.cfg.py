# lit.cfg.py - configuration of Weft's lit + FileCheck suite.
import os
import lit.formats

config.name = "Weft"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".weft", ".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.weft_bin_dir, "..", "tests", "lit-out")
config.excludes = ["lit.cfg.py", "lit.site.cfg.py.in"]
config.environment["PATH"] = os.pathsep.join(
    [config.weft_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
config.substitutions.append(("%weft-opt", os.path.join(config.weft_bin_dir, "weft-opt")))
config.substitutions.append(("%weft", os.path.join(config.weft_bin_dir, "weft")))
# Debian's interpreter (checkers of JSON and SVG output use only the
# standard library).
config.substitutions.append(("%python", "/usr/bin/python3"))
