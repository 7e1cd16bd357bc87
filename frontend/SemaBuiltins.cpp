//===- SemaBuiltins.cpp - Typing of builtin function calls ----------------===//
//
// Argument checking and result types of print, len, the array creation
// functions, reductions, math functions and conversions.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

#include "frontend/NumpyLibrary.h"

#include <optional>

namespace weft {
namespace sema {

bool Analyzer::checkArity(const CallExpr *c, const std::string &name,
                          size_t given, size_t lo, size_t hi) {
  if (given >= lo && given <= hi)
    return true;
  std::string want = lo == hi
                         ? std::to_string(lo)
                         : std::to_string(lo) + " to " + std::to_string(hi);
  diags_.error(c->range, name + "() takes " + want + " argument" +
                             (hi == 1 ? "" : "s") + ", got " +
                             std::to_string(given));
  return false;
}

Type Analyzer::checkBuiltin(const CallExpr *c, Builtin b,
                            std::vector<Type> &args,
                            const std::vector<const Expr *> &argExprs) {
  if (isListMethod(b))
    return checkListMethod(c, b, args, argExprs);
  if (isRowMethod(b))
    return checkRowMethod(c, b, args, argExprs);
  // sorted(words) and its reverse=True (flip) of a list of strs: the str
  // library's stable sort, a new list.
  if (builtinIn(b, {Builtin::Sort, Builtin::Flip}) && args.size() == 1 &&
      args[0].isStrList() && c->keywords.empty()) {
    auto def = defs_.find(
        std::string(kNumpyLibraryPrefix) +
        (b == Builtin::Sort ? "strlist_sorted" : "strlist_reversed"));
    if (def != defs_.end())
      return callLibraryFunction(c, def->second, {argExprs[0]});
  }
  if (b == Builtin::AsList) {
    if (!checkArity(c, "__as_list", args.size(), 1, 1))
      return Type::unknown();
    if (!args[0].isKnown())
      return Type::unknown();
    if (!args[0].isArray() || args[0].rank() != 1) {
      diags_.error(argExprs[0]->range,
                   "__as_list() takes a 1-D array, not " + args[0].str());
      return Type::unknown();
    }
    return args[0].asList();
  }
  if (builtinIn(b, {Builtin::LapackEigh, Builtin::LapackSvd,
                    Builtin::LapackSvdReduced, Builtin::LapackSvdvals,
                    Builtin::LapackEig, Builtin::LapackEigvals,
                    Builtin::LapackQr, Builtin::LapackQrComplete})) {
    // __lapack_eigh(a, w, v), __lapack_svd(a, u, s, vh),
    // __lapack_svdvals(a, s): f64 arrays, a 2-D.
    std::vector<int> ranks =
        builtinIn(b, {Builtin::LapackEigh, Builtin::LapackEig})
            ? std::vector<int>{2, 1, 2}
        : builtinIn(b, {Builtin::LapackQr, Builtin::LapackQrComplete})
            ? std::vector<int>{2, 2, 2}
        : builtinIn(b, {Builtin::LapackSvdvals, Builtin::LapackEigvals})
            ? std::vector<int>{2, 1}
            : std::vector<int>{2, 2, 1, 2};
    std::string name = builtinName(b);
    if (!checkArity(c, name.c_str(), args.size(), ranks.size(), ranks.size()))
      return Type::unknown();
    for (size_t k = 0; k < ranks.size(); ++k) {
      if (!args[k].isKnown())
        return Type::unknown();
      if (args[k] != Type::array(ScalarKind::F64, ranks[k])) {
        diags_.error(argExprs[k]->range, name + "() takes f64 arrays of " +
                                             std::to_string(ranks[k]) +
                                             " axes here, not " +
                                             args[k].str());
        return Type::unknown();
      }
    }
    return Type::none();
  }
  if (b == Builtin::TypeOf) {
    // type(r) of a number is its type, a dtype as Numba's number classes
    // are (np.zeros(shape, dtype=type(r))); of other values Weft has no
    // class to give.
    if (!checkArity(c, "type", args.size(), 1, 1) || !args[0].isKnown())
      return Type::unknown();
    if (!args[0].isScalar()) {
      diags_.error(argExprs[0]->range,
                   "type() takes a number here (its dtype), not " +
                       args[0].str() +
                       "; Weft has no value for the class of other values");
      return Type::unknown();
    }
    return Type::dtype(args[0].scalarKind());
  }
  if (b == Builtin::IsContiguous) {
    if (!checkArity(c, "__is_contiguous", args.size(), 1, 1) ||
        !args[0].isKnown())
      return Type::unknown();
    if (!args[0].isArray() || args[0].isList()) {
      diags_.error(argExprs[0]->range,
                   "__is_contiguous() takes an array, not " + args[0].str());
      return Type::unknown();
    }
    return Type::boolean();
  }
  if (b == Builtin::AsRows) {
    if (!checkArity(c, "__as_rows", args.size(), 1, 1) || !args[0].isKnown())
      return Type::unknown();
    if (!args[0].isArray() || args[0].rank() < 2) {
      diags_.error(argExprs[0]->range,
                   "__as_rows() takes an array of 2 or more axes, not " +
                       args[0].str());
      return Type::unknown();
    }
    return args[0].asArray().withListDepth(1);
  }
  if (b == Builtin::AsArray) {
    if (!checkArity(c, "__as_array", args.size(), 1, 1) || !args[0].isKnown())
      return Type::unknown();
    // A number is a 0-d array, which Weft holds as its number (its
    // ndim is 0, item() and a[()] give it).
    if (args[0].isScalar())
      return args[0];
    if (!args[0].isArray() || args[0].listDepth() > 1) {
      diags_.error(argExprs[0]->range,
                   "np.asarray() takes an array, a list of numbers or a "
                   "number here, not " +
                       args[0].str());
      return Type::unknown();
    }
    return args[0].asArray();
  }
  if (b == Builtin::AsArrayList || b == Builtin::AsListList) {
    // starts, lengths, pool, then each row's extents along each axis
    // for rows of 2 or more axes
    bool lists = b == Builtin::AsListList;
    const char *name = lists ? "__as_list_list" : "__as_array_list";
    if (!checkArity(c, name, args.size(), 3, lists ? 3 : 3 + kMaxRank))
      return Type::unknown();
    if (args.size() == 4) {
      diags_.error(c->range, "__as_array_list() takes the rows' extents "
                             "along two or more axes, or none");
      return Type::unknown();
    }
    for (size_t k = 0; k < args.size(); ++k) {
      if (!args[k].isKnown())
        return Type::unknown();
      bool ok = args[k].isArray() && args[k].rank() == 1 &&
                !args[k].isString() &&
                (k == 2 ? !args[k].elementType().isComplex()
                        : args[k].scalarKind() == ScalarKind::I64);
      if (!ok) {
        diags_.error(argExprs[k]->range,
                     std::string(name) +
                         "() takes i64 starts and lengths and a 1-D array "
                         "of real numbers, not " +
                         args[k].str());
        return Type::unknown();
      }
    }
    if (lists)
      return Type::ragged(args[2].scalarKind());
    return Type::raggedArrays(
        args[2].scalarKind(),
        args.size() == 3 ? 1 : static_cast<int>(args.size()) - 3);
  }
  if (b == Builtin::AsTupleList) {
    if (args.empty()) {
      diags_.error(c->range, "__as_tuple_list() takes the 1-D arrays of "
                             "the fields");
      return Type::unknown();
    }
    std::vector<Type> fields;
    for (size_t k = 0; k < args.size(); ++k) {
      if (!args[k].isKnown())
        return Type::unknown();
      if (args[k].isRagged() && args[k].raggedArrayRows()) {
        fields.push_back(args[k]); // (a field of arrays: __as_array_list)
        continue;
      }
      if (!args[k].isArray() || args[k].rank() != 1) {
        diags_.error(argExprs[k]->range,
                     "__as_tuple_list() takes 1-D arrays, not " +
                         args[k].str());
        return Type::unknown();
      }
      fields.push_back(args[k].asList());
    }
    return Type::tupleList(std::move(fields));
  }
  // NumPy's functions make arrays, of lists too (np.array(lst) * 2 is
  // elementwise).
  // (A str stays a str: chr(i), __as_str(a).)
  Type t = checkBuiltinCall(c, b, args, argExprs);
  return t.isString() ? t : t.asArray();
}

Type Analyzer::checkBuiltinCall(const CallExpr *c, Builtin b,
                                std::vector<Type> &args,
                                const std::vector<const Expr *> &argExprs) {
  const std::string name = builtinName(b);
  auto arity = [&](size_t lo, size_t hi) {
    return checkArity(c, name, args.size(), lo, hi);
  };
  auto noKeywords = [&]() {
    if (!c->keywords.empty()) {
      diags_.error(c->keywords[0].nameRange,
                   name + "() takes no keyword arguments");
      return false;
    }
    return true;
  };
  for (const Type &a : args)
    if (!a.isKnown())
      return Type::unknown();
  if (std::optional<Type> t = checkStructuredBuiltin(c, b, args, argExprs))
    return *t;
  if (std::optional<Type> t = checkStringBuiltin(c, b, args, argExprs))
    return *t;

  if (b == Builtin::Print) {
    // (None prints as None, as Python prints it, a call's too)
    for (size_t i = 0; i < args.size(); ++i)
      if (anyPart(args[i], [](const Type &t) { return t.isRagged(); })) {
        diags_.error(
            argExprs[i]->range,
            anyPart(args[i], [](const Type &t) { return t.isStrList(); })
                ? "printing a list of strs is not supported yet; "
                  "print its strs (for s in lst: print(s)), or "
                  "print(\", \".join(lst))"
                : "printing a list of lists of any lengths is not "
                  "supported yet; print its rows (for row in lst: "
                  "print(row))");
        return Type::unknown();
      }
    for (size_t i = 0; i < args.size(); ++i)
      if (anyPart(args[i], [](const Type &t) {
            return t.isTupleList() &&
                   (t.listDepth() != 1 ||
                    anyPart(t.tupleListElement(),
                            [](const Type &f) { return f.isList(); }));
          })) {
        diags_.error(argExprs[i]->range,
                     "printing a list of lists of tuples is not supported "
                     "yet; print its lists in a loop");
        return Type::unknown();
      }
    // sep= and end=: string literals; file=sys.stdout or sys.stderr;
    // flush=True or False (each line is written whole).
    for (const KeywordArg &k : c->keywords) {
      bool ok = (k.name == "sep" || k.name == "end")
                    ? k.value->dyn<StrLitExpr>() != nullptr
                : k.name == "file"  ? printFileOf(k.value.get()) != 0
                : k.name == "flush" ? k.value->dyn<BoolLitExpr>() != nullptr
                                    : false;
      if (!ok) {
        diags_.error(k.nameRange,
                     "print() takes sep= and end= with a string literal, "
                     "file=sys.stdout or file=sys.stderr and flush=True or "
                     "False, and no other keyword arguments");
        return Type::unknown();
      }
    }
    return Type::none();
  }
  if (b == Builtin::Range || b == Builtin::Prange) {
    diags_.error(c->range, name + "() is only allowed as the iterable of a "
                                  "for loop");
    return Type::unknown();
  }
  if (b == Builtin::Pi || b == Builtin::E || b == Builtin::Inf ||
      b == Builtin::Nan) {
    diags_.error(c->range, "'" + name + "' is a constant, not a function");
    return Type::unknown();
  }
  if (b == Builtin::Argv) {
    if (!noKeywords() || !arity(2, 2))
      return Type::unknown();
    if (!args[0].isInt()) {
      diags_.error(argExprs[0]->range,
                   "argv() needs an integer argument index, not " +
                       args[0].str());
      return Type::unknown();
    }
    if (!args[1].isScalar() || (!args[1].isNumber() && !args[1].isBool())) {
      diags_.error(argExprs[1]->range,
                   "argv()'s default must be an int, float or bool; it "
                   "sets the type of the result");
      return Type::unknown();
    }
    return args[1];
  }
  if (b == Builtin::Len) {
    if (!noKeywords() || !arity(1, 1))
      return Type::unknown();
    if (!args[0].isArray() && !args[0].isTuple() && !args[0].isTupleList() &&
        !args[0].isRagged()) {
      diags_.error(argExprs[0]->range,
                   "len() needs an array, not " + args[0].str());
      return Type::unknown();
    }
    return Type::i64();
  }
  if (std::optional<Type> t = checkArrayBuiltin(c, b, args, argExprs))
    return *t;
  // Creation functions and reductions were answered above; what is left
  // are Python's scalar builtins.
  if (b == Builtin::Min || b == Builtin::Max) {
    if (!noKeywords())
      return Type::unknown();
    if (args.size() == 1 && args[0].isArray())
      return args[0].elementType();
    if (args.size() == 1 && args[0].isTuple() &&
        std::all_of(args[0].elems().begin(), args[0].elems().end(),
                    [](const Type &p) { return p.isScalar(); })) {
      // max((a, b, c)): of the tuple's numbers
      ScalarKind k = args[0].elems().front().scalarKind();
      for (const Type &p : args[0].elems())
        k = promote(k, p.scalarKind());
      return Type::scalar(k);
    }
    if (args.size() < 2) {
      diags_.error(c->range, name + "() takes an array or two or more "
                                    "numbers");
      return Type::unknown();
    }
    ScalarKind k = ScalarKind::Bool;
    for (size_t i = 0; i < args.size(); ++i) {
      if (!args[i].isScalar()) {
        diags_.error(argExprs[i]->range, name +
                                             "() of several values needs "
                                             "numbers, not " +
                                             args[i].str());
        return Type::unknown();
      }
      k = i ? promote(k, args[i].scalarKind()) : args[i].scalarKind();
    }
    return Type::scalar(k);
  }
  if (b == Builtin::Complex) {
    // complex(re=0, im=0) of numbers, as Python's (complex ones too:
    // re + im * 1j).
    if (!noKeywords() || !arity(0, 2))
      return Type::unknown();
    for (size_t i = 0; i < args.size(); ++i)
      if (!args[i].isNumber() && !args[i].isBool() && !args[i].isComplex()) {
        diags_.error(argExprs[i]->range,
                     "complex() takes numbers, not " + args[i].str());
        return Type::unknown();
      }
    return Type::scalar(ScalarKind::C128);
  }
  if (b == Builtin::Abs && args.size() == 1 && args[0].isComplex())
    return Type::scalar(complexPartKind(args[0].scalarKind())); // the modulus
  if (isComplexMath(b) && args.size() == 1 && args[0].isComplex())
    return noKeywords() ? args[0] : Type::unknown(); // cmath's
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i].isComplex() && b != Builtin::Bool) {
      diags_.error(argExprs[i]->range,
                   name + "() of a complex number is not supported; use "
                          "z.real, z.imag and abs(z) (sqrt, exp, log, sin, "
                          "cos, tan, sinh, cosh and tanh take complex "
                          "numbers)");
      return Type::unknown();
    }
  if (b == Builtin::Abs || b == Builtin::Sign) {
    if (!noKeywords() || !arity(1, 1))
      return Type::unknown();
    if (!args[0].isNumber()) {
      diags_.error(argExprs[0]->range,
                   "abs() needs a number, not " + args[0].str());
      return Type::unknown();
    }
    return args[0];
  }
  if (isUnaryMath(b)) {
    if (!noKeywords() || !arity(1, 1))
      return Type::unknown();
    if (!args[0].isScalar()) {
      diags_.error(argExprs[0]->range, name +
                                           "() needs a number or an "
                                           "array of numbers, not " +
                                           args[0].str());
      return Type::unknown();
    }
    return args[0].scalarKind() == ScalarKind::F32 ? args[0] : Type::f64();
  }
  if (b == Builtin::Norm) {
    // sqrt of the sum of the squares of every element (ord=None).
    if (!noKeywords() || !arity(1, 1))
      return Type::unknown();
    if (!args[0].isArray() || isComplexKind(args[0].scalarKind()) ||
        args[0].scalarKind() == ScalarKind::Bool) {
      diags_.error(argExprs[0]->range,
                   "norm() takes an array of ints or floats, not " +
                       args[0].str());
      return Type::unknown();
    }
    return args[0].scalarKind() == ScalarKind::F32
               ? Type::scalar(ScalarKind::F32)
               : Type::f64();
  }
  if (b == Builtin::Divmod) {
    // Python's divmod of two numbers: (a // b, a % b).
    if (!noKeywords() || !arity(2, 2))
      return Type::unknown();
    for (size_t i = 0; i < 2; ++i)
      if (!args[i].isNumber() && !args[i].isBool()) {
        diags_.error(argExprs[i]->range,
                     "divmod() takes two numbers, not " + args[i].str() +
                         (args[i].isArray() ? "; for arrays write a // b and "
                                              "a % b"
                                            : ""));
        return Type::unknown();
      }
    Type q = binaryResult(BinaryOp::FloorDiv, argExprs[0], args[0], argExprs[1],
                          args[1], c->range);
    return q.isKnown() ? Type::tuple({q, q}) : Type::unknown();
  }
  if (b == Builtin::DTypeOf) {
    if (!arity(1, 1))
      return Type::unknown();
    if (!args[0].isScalar()) {
      diags_.error(
          argExprs[0]->range,
          "a @stencil kernel returns one number, not " +
              (args[0].isNone() ? std::string("nothing") : args[0].str()));
      return Type::unknown();
    }
    return Type::dtype(args[0].scalarKind());
  }
  if (b == Builtin::F64 || b == Builtin::Float || b == Builtin::I64 ||
      b == Builtin::Int || b == Builtin::Bool) {
    if (!noKeywords() || !arity(1, 1))
      return Type::unknown();
    if (b == Builtin::Bool && args[0].isList())
      return Type::boolean(); // a Python list's truth value
    if (!args[0].isScalar()) {
      diags_.error(argExprs[0]->range,
                   name + "() converts a number, not " + args[0].str());
      return Type::unknown();
    }
    if (b == Builtin::Bool)
      return Type::boolean();
    return (b == Builtin::F64 || b == Builtin::Float) ? Type::f64()
                                                      : Type::i64();
  }
  diags_.error(c->range, "'" + name + "' is not supported yet");
  return Type::unknown();
}

} // namespace sema
} // namespace weft
