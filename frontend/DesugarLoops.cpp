//===- DesugarLoops.cpp - for loops over sequences as range loops ---------===//
//
// Implements desugarForLoops (DesugarLoops.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarLoops.h"
#include "frontend/ASTBuild.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace weft {
namespace {

bool isCallOf(const Expr *e, const char *name) {
  auto *c = e->dyn<CallExpr>();
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  return n && n->name == name;
}

/// One iterable of a loop header, its parts kept in variables.
struct Sequence {
  enum Kind { Array, Range, Enumerate, Zip, NdIndex, Reversed } kind = Array;
  /// Array: the variable; NdIndex: the shape; Reversed: the length
  std::string value;
  std::string start, stop, step; ///< Range (step "" for 1)
  std::string offset;            ///< Enumerate: the first count
  std::vector<Sequence> parts;   ///< Enumerate, Reversed: one; Zip: each
};

/// The element of a sequence at one index: a value, or a tuple of them.
struct Element {
  ExprPtr value;
  std::vector<Element> parts; ///< a tuple when value is null
};

/// The module's functions, by name, while desugarForLoops runs.
const std::map<std::string, const FunctionDefStmt *> *gFunctions = nullptr;

class LoopRewriter {
public:
  LoopRewriter(const ForStmt &loop)
      : b{loop.iter->range},
        prefix("__for_" + std::to_string(loop.range.begin.line) + "_" +
               std::to_string(loop.range.begin.col) + "_") {}

  /// The statements that replace `loop`.
  Block rewrite(ForStmt &loop) {
    Block out;
    // for idx, v in np.ndenumerate(a): idx over np.ndindex(a.shape), then
    // v = a[idx] first in the body (read when it is reached, as NumPy's
    // iterator reads it).
    auto *call = loop.iter->dyn<CallExpr>();
    auto *pair = loop.target->dyn<TupleExpr>();
    Block first;
    if (call && isCallOf(call, "ndenumerate") && call->args.size() == 1 &&
        call->keywords.empty() && pair && pair->elts.size() == 2) {
      std::string a = keep(std::move(call->args[0]), out);
      ASTBuilder bt{loop.target->range};
      first.push_back(bt.assign(
          std::move(pair->elts[1]),
          bt.index(bt.name(a), args(cloneExpr(pair->elts[0].get())))));
      loop.target = std::move(pair->elts[0]);
      loop.iter = builtin("ndindex", args(b.attribute(b.name(a), "shape")));
    }
    Sequence seq = sequence(std::move(loop.iter), out);
    std::string k = fresh();
    auto newLoop = b.loop(k, builtin("range", args(length(seq))));
    newLoop->range = loop.range;
    ASTBuilder bt{loop.target->range};
    bind(bt, std::move(loop.target), element(seq, [&] { return b.name(k); }),
         newLoop->body);
    for (StmtPtr &s : first)
      newLoop->body.push_back(std::move(s));
    for (StmtPtr &s : loop.body)
      newLoop->body.push_back(std::move(s));
    out.push_back(std::move(newLoop));
    return out;
  }

private:
  ASTBuilder b;
  std::string prefix;
  int next = 0;
  int inlined_ = 0; // (bounds inlining a function that returns its own call)

  std::string fresh() { return prefix + std::to_string(next++); }

  /// A call of the builtin `name`, even where the program defines a
  /// function of that name.
  ExprPtr builtin(const char *name, std::vector<ExprPtr> arguments) {
    ExprPtr c = b.call(name, std::move(arguments));
    static_cast<CallExpr &>(*c).callee->dyn<NameExpr>()->qualified = true;
    return c;
  }

  static std::vector<ExprPtr> args(ExprPtr a) {
    std::vector<ExprPtr> v;
    v.push_back(std::move(a));
    return v;
  }
  static std::vector<ExprPtr> args(ExprPtr a, ExprPtr c) {
    std::vector<ExprPtr> v = args(std::move(a));
    v.push_back(std::move(c));
    return v;
  }

  /// A call of a module function whose body is `return zip(...)` or
  /// `return enumerate(...)` (xugrid's inline="always"
  /// `columns_and_values(A, s)`): that iterable, of the arguments kept in
  /// variables before the loop (each evaluated once, as the call would);
  /// null for any other iterable.
  ExprPtr inlineIterable(const Expr &iter, Block &out) {
    auto *call = iter.dyn<CallExpr>();
    auto *callee = call ? call->callee->dyn<NameExpr>() : nullptr;
    if (!callee || callee->qualified || !call->keywords.empty() ||
        !call->starred.empty() || !gFunctions || ++inlined_ > 8)
      return nullptr;
    auto it = gFunctions->find(callee->name);
    if (it == gFunctions->end())
      return nullptr;
    const FunctionDefStmt &g = *it->second;
    const ReturnStmt *ret = nullptr;
    for (const StmtPtr &st : g.body) {
      auto *x = st->dyn<ExprStmt>();
      if (x && x->value->dyn<StrLitExpr>())
        continue; // (a docstring)
      ret = ret ? nullptr : st->dyn<ReturnStmt>();
      if (!ret)
        return nullptr;
    }
    if (!ret || !ret->value || g.params.size() != call->args.size() ||
        !(isCallOf(ret->value.get(), "zip") ||
          isCallOf(ret->value.get(), "enumerate")))
      return nullptr;
    // (only of its parameters: another name would be read in the loop's
    // function, where it may be another variable)
    std::set<std::string> params;
    for (const Param &p : g.params)
      params.insert(p.name);
    bool own = true;
    cloneExpr(ret->value.get(), [&](const NameExpr &n) {
      own &= n.qualified || params.count(n.name) || n.name == "zip" ||
             n.name == "enumerate" || n.name == "range" || n.name == "len";
      return n.name;
    });
    if (!own)
      return nullptr;
    std::map<std::string, std::string> names;
    for (size_t i = 0; i < g.params.size(); ++i) {
      if (g.params[i].star)
        return nullptr;
      names[g.params[i].name] = keep(cloneExpr(call->args[i].get()), out);
    }
    return cloneExpr(ret->value.get(), [&](const NameExpr &n) {
      auto at = names.find(n.name);
      return at == names.end() ? n.name : at->second;
    });
  }

  /// `name = value` before the loop; returns name.
  std::string keep(ExprPtr value, Block &out) {
    std::string name = fresh();
    ASTBuilder at{value->range};
    out.push_back(at.assign(at.name(name), std::move(value)));
    return name;
  }

  Sequence sequence(ExprPtr iter, Block &out) {
    if (ExprPtr inlined = inlineIterable(*iter, out))
      return sequence(std::move(inlined), out);
    Sequence s;
    auto *call = iter->dyn<CallExpr>();
    bool plain = call && call->keywords.empty();
    if (plain && isCallOf(iter.get(), "range") && !call->args.empty() &&
        call->args.size() <= 3) {
      s.kind = Sequence::Range;
      auto &a = call->args;
      if (a.size() == 1) {
        s.start = keep(b.i64(0), out);
        s.stop = keep(std::move(a[0]), out);
      } else {
        s.start = keep(std::move(a[0]), out);
        s.stop = keep(std::move(a[1]), out);
        if (a.size() == 3)
          s.step = keep(std::move(a[2]), out);
      }
      return s;
    }
    if (call && isCallOf(iter.get(), "enumerate") && !call->args.empty() &&
        call->args.size() + call->keywords.size() <= 2 &&
        (call->keywords.empty() || call->keywords[0].name == "start")) {
      s.kind = Sequence::Enumerate;
      ExprPtr start = call->args.size() == 2 ? std::move(call->args[1])
                      : call->keywords.empty()
                          ? b.i64(0)
                          : std::move(call->keywords[0].value);
      s.parts.push_back(sequence(std::move(call->args[0]), out));
      s.offset = keep(std::move(start), out);
      return s;
    }
    // reversed(x): the elements of x from the last, at n - 1 - k.
    if (plain && isCallOf(iter.get(), "reversed") && call->args.size() == 1) {
      s.kind = Sequence::Reversed;
      s.parts.push_back(sequence(std::move(call->args[0]), out));
      s.value = keep(length(s.parts[0]), out);
      return s;
    }
    if (plain && isCallOf(iter.get(), "zip") && !call->args.empty()) {
      s.kind = Sequence::Zip;
      for (ExprPtr &a : call->args)
        s.parts.push_back(sequence(std::move(a), out));
      return s;
    }
    // ndindex(shape) or ndindex(n, m, ...): the index tuples of an array
    // of that shape in C order (unravel_index of 0, 1, ..., prod - 1).
    if (plain && isCallOf(iter.get(), "ndindex") && !call->args.empty()) {
      s.kind = Sequence::NdIndex;
      ExprPtr shape = call->args.size() == 1 ? std::move(call->args[0])
                                             : b.tuple(std::move(call->args));
      s.value = keep(std::move(shape), out);
      return s;
    }
    // a.flat: the elements in row-major order, as a.ravel() has them.
    if (auto *attr = iter->dyn<AttributeExpr>(); attr && attr->attr == "flat")
      iter = b.call(b.attribute(std::move(attr->base), "ravel"), {});
    // Anything else is iterated as an array (len() and indexing; the type
    // checker reports what is not one).
    s.value = keep(std::move(iter), out);
    return s;
  }

  /// The number of iterations of `s` (Python's len).
  ExprPtr length(const Sequence &s) {
    switch (s.kind) {
    case Sequence::Array:
      return builtin("len", args(b.name(s.value)));
    case Sequence::Range: {
      ExprPtr span = b.sub(b.name(s.stop), b.name(s.start));
      if (s.step.empty())
        return builtin("max", args(std::move(span), b.i64(0)));
      // ceil(span / step) for either sign of step, not below 0.
      auto count = [&](int64_t toward) {
        return b.call(
            "max", args(b.binary(BinaryOp::FloorDiv,
                                 b.add(b.sub(b.name(s.stop), b.name(s.start)),
                                       b.sub(b.name(s.step), b.i64(toward))),
                                 b.name(s.step)),
                        b.i64(0)));
      };
      return b.ifExp(b.compare(CompareOp::Gt, b.name(s.step), b.i64(0)),
                     count(1), count(-1));
    }
    case Sequence::Enumerate:
      return length(s.parts[0]);
    case Sequence::Reversed:
      return b.name(s.value);
    case Sequence::NdIndex:
      return builtin("prod", args(b.name(s.value)));
    case Sequence::Zip: {
      ExprPtr n = length(s.parts[0]);
      for (size_t i = 1; i < s.parts.size(); ++i)
        n = builtin("min", args(std::move(n), length(s.parts[i])));
      return n;
    }
    }
    return nullptr;
  }

  /// The element of `s` at the index `k()` makes.
  Element element(const Sequence &s, const std::function<ExprPtr()> &k) {
    Element e;
    switch (s.kind) {
    case Sequence::Array: {
      std::vector<ExprPtr> index;
      index.push_back(k());
      e.value = b.index(b.name(s.value), std::move(index));
      break;
    }
    case Sequence::Range:
      e.value = b.add(b.name(s.start),
                      s.step.empty() ? k() : b.mul(k(), b.name(s.step)));
      break;
    case Sequence::Enumerate: {
      Element count;
      count.value = b.add(b.name(s.offset), k());
      e.parts.push_back(std::move(count));
      e.parts.push_back(element(s.parts[0], k));
      break;
    }
    case Sequence::Zip:
      for (const Sequence &p : s.parts)
        e.parts.push_back(element(p, k));
      break;
    case Sequence::NdIndex:
      e.value = builtin("unravel_index", args(k(), b.name(s.value)));
      break;
    case Sequence::Reversed:
      e = element(s.parts[0],
                  [&] { return b.sub(b.sub(b.name(s.value), b.i64(1)), k()); });
      break;
    }
    return e;
  }

  static ExprPtr valueOf(const ASTBuilder &at, Element e) {
    if (e.value)
      return std::move(e.value);
    std::vector<ExprPtr> elts;
    for (Element &p : e.parts)
      elts.push_back(valueOf(at, std::move(p)));
    return at.tuple(std::move(elts));
  }

  /// Assigns `e` to `target`, matching tuple targets with tuple elements
  /// (`for i, (x, y) in enumerate(zip(a, b))`).
  static void bind(const ASTBuilder &at, ExprPtr target, Element e,
                   Block &body) {
    auto *tuple = target->dyn<TupleExpr>();
    if (tuple && !e.value && tuple->elts.size() == e.parts.size()) {
      for (size_t i = 0; i < e.parts.size(); ++i) {
        ASTBuilder inner{tuple->elts[i]->range};
        bind(inner, std::move(tuple->elts[i]), std::move(e.parts[i]), body);
      }
      return;
    }
    body.push_back(at.assign(std::move(target), valueOf(at, std::move(e))));
  }
};

bool isRangeLoop(const ForStmt &f) {
  return f.target->dyn<NameExpr>() &&
         (isCallOf(f.iter.get(), "range") || isCallOf(f.iter.get(), "prange"));
}

} // namespace

void desugarForLoops(ModuleAST &module) {
  std::map<std::string, const FunctionDefStmt *> functions;
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      functions[d->name] = d;
  gFunctions = &functions;
  rewriteBlocks(module.body, [](Stmt &s) -> std::optional<Block> {
    auto *f = s.dyn<ForStmt>();
    if (!f || isRangeLoop(*f))
      return std::nullopt;
    return LoopRewriter(*f).rewrite(*f);
  });
  gFunctions = nullptr;
}

} // namespace weft
