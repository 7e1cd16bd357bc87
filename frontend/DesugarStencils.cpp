//===- DesugarStencils.cpp - @stencil kernels as functions ----------------===//
//
// Implements desugarStencils (DesugarStencils.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarStencils.h"

#include "frontend/ASTBuild.h"

#include <algorithm>
#include <map>
#include <set>

namespace weft {
namespace {

/// An integer literal, possibly negated.
std::optional<int64_t> constantOffset(const Expr *e) {
  if (auto *i = e->dyn<IntLitExpr>())
    return i->value;
  if (auto *u = e->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg)
    if (std::optional<int64_t> v = constantOffset(u->operand.get()))
      return -*v;
  return std::nullopt;
}

/// The @stencil or @stencil(...) decorator of `def` (its call in `call`),
/// or null.
const Expr *stencilDecorator(const FunctionDefStmt &def,
                             const CallExpr *&call) {
  for (const ExprPtr &d : def.decorators) {
    call = d->dyn<CallExpr>();
    auto *n = (call ? call->callee.get() : d.get())->dyn<NameExpr>();
    if (n && n->name == "stencil")
      return d.get();
  }
  call = nullptr;
  return nullptr;
}

/// forEachExprIn with the expressions to rewrite in place (the module is
/// this pass's to change).
void forEachMutableExpr(const Block &block,
                        const std::function<void(Expr &)> &f) {
  forEachExprIn(block, [&](const Expr *e) { f(const_cast<Expr &>(*e)); });
}

class StencilWriter {
public:
  StencilWriter(FunctionDefStmt &def, const CallExpr *options,
                DiagnosticEngine &diags)
      : def_(def), options_(options), diags_(diags) {
    b_.at = def.range;
  }

  /// The three functions, or nothing after an error.
  std::optional<Block> run() {
    readOptions();
    if (def_.params.empty())
      fail(def_.nameRange, "a stencil takes the array it is applied to "
                           "first");
    for (const Param &p : def_.params)
      if (p.name == "out")
        fail(p.range, "a stencil's parameter may not be named 'out', the "
                      "keyword that passes the output array");
    for (const Param &p : def_.params)
      if (!standard_.count(p.name))
        relative_.insert(p.name);
    makeIndicesAbsolute();
    if (ok_ && rank_ < 0)
      fail(def_.nameRange, "stencil '" + def_.name +
                               "' reads no array relative to its point "
                               "(a[0, 0], a[-1, 0])");
    if (!ok_)
      return std::nullopt;
    Block out;
    out.push_back(pointFunction());
    out.push_back(intoFunction());
    out.push_back(allocatingFunction());
    return out;
  }

private:
  FunctionDefStmt &def_;
  const CallExpr *options_;
  DiagnosticEngine &diags_;
  ASTBuilder b_;
  bool ok_ = true;
  int rank_ = -1;
  bool givenNeighborhood_ = false;
  bool pythonLists_ = false;
  std::vector<int64_t> lo_, hi_; ///< the neighbourhood, per axis
  const Expr *cval_ = nullptr;
  std::set<std::string> standard_, relative_;
  std::set<std::string> indexed_; ///< the parameters read relatively

  void fail(SourceRange r, const std::string &msg) {
    diags_.error(r, msg);
    ok_ = false;
  }
  std::string index(int d) const { return "__weft_i" + std::to_string(d); }
  std::string point() const { return def_.name + "__point"; }
  std::string into() const { return def_.name + "__into"; }
  const std::string &first() const { return def_.params[0].name; }

  void readOptions() {
    if (!options_)
      return;
    if (!options_->args.empty())
      fail(options_->args[0]->range,
           "@stencil takes keyword options (neighborhood=, cval=, "
           "standard_indexing=, func_or_mode='constant')");
    for (const KeywordArg &k : options_->keywords) {
      const Expr *v = k.value.get();
      if (k.name == "neighborhood")
        readNeighborhood(v);
      else if (k.name == "cval") {
        const Expr *x = v;
        if (auto *u = x->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg)
          x = u->operand.get();
        if (!x->dyn<IntLitExpr>() && !x->dyn<FloatLitExpr>() &&
            !x->dyn<BoolLitExpr>())
          fail(v->range, "cval= takes a number literal, the value of the "
                         "border");
        cval_ = v;
      } else if (k.name == "standard_indexing") {
        std::vector<const Expr *> names;
        if (auto *t = v->dyn<TupleExpr>())
          for (const ExprPtr &e : t->elts)
            names.push_back(e.get());
        else if (auto *l = v->dyn<ListExpr>())
          for (const ExprPtr &e : l->elts)
            names.push_back(e.get());
        else
          names.push_back(v);
        for (const Expr *n : names) {
          auto *text = n->dyn<StrLitExpr>();
          if (!text)
            fail(n->range, "standard_indexing= takes parameter names as "
                           "strings ('b',)");
          else
            standard_.insert(text->value);
        }
      } else if (k.name == "python_lists") {
        // The Python package's: the kernel's list displays are lists.
        auto *flag = v->dyn<BoolLitExpr>();
        if (!flag)
          fail(v->range, "python_lists= takes True or False");
        else
          pythonLists_ = flag->value;
      } else if (k.name == "func_or_mode") {
        auto *text = v->dyn<StrLitExpr>();
        if (!text || text->value != "constant")
          fail(v->range, "func_or_mode= is 'constant' (the border holds "
                         "cval), the only mode Numba has");
      } else {
        fail(k.nameRange, "@stencil has no option '" + k.name +
                              "'; it takes neighborhood=, cval=, "
                              "standard_indexing= and func_or_mode=");
      }
    }
  }

  void readNeighborhood(const Expr *v) {
    auto *axes = v->dyn<TupleExpr>();
    if (!axes || axes->elts.empty()) {
      fail(v->range, "neighborhood= takes one (lo, hi) pair of integers per "
                     "axis: ((-1, 1), (-2, 2))");
      return;
    }
    for (const ExprPtr &axis : axes->elts) {
      auto *pair = axis->dyn<TupleExpr>();
      std::optional<int64_t> lo, hi;
      if (pair && pair->elts.size() == 2) {
        lo = constantOffset(pair->elts[0].get());
        hi = constantOffset(pair->elts[1].get());
      }
      if (!lo || !hi || *lo > *hi) {
        fail(axis->range, "neighborhood= takes one (lo, hi) pair of "
                          "integer literals per axis, lo <= hi");
        return;
      }
      lo_.push_back(*lo);
      hi_.push_back(*hi);
    }
    givenNeighborhood_ = true;
    rank_ = static_cast<int>(lo_.size());
  }

  /// a[-1, 0] -> a[__weft_i0 + -1, __weft_i1 + 0], the neighbourhood
  /// grown to hold each constant offset.
  void makeIndicesAbsolute() {
    forEachMutableExpr(def_.body, [&](Expr &e) {
      auto *ix = e.dyn<IndexExpr>();
      auto *base = ix ? ix->base->dyn<NameExpr>() : nullptr;
      if (!base || !relative_.count(base->name) || !ok_)
        return;
      int r = static_cast<int>(ix->indices.size());
      if (rank_ >= 0 && r != rank_) {
        fail(ix->range, "this relative index has " + std::to_string(r) +
                            (r == 1 ? " entry" : " entries") +
                            " where the stencil has " + std::to_string(rank_) +
                            " axes; give one offset per axis");
        return;
      }
      indexed_.insert(base->name);
      if (rank_ < 0) {
        rank_ = r;
        lo_.assign(r, 0);
        hi_.assign(r, 0);
      }
      for (int d = 0; d < r; ++d) {
        ExprPtr &x = ix->indices[d];
        if (x->dyn<SliceExpr>() || ix->isNewAxis(d)) {
          fail(x->range, "a stencil reads single elements relative to its "
                         "point (a[-1, 0]), not slices");
          return;
        }
        std::optional<int64_t> off = constantOffset(x.get());
        if (!off && !givenNeighborhood_) {
          fail(x->range,
               "a relative index is a constant offset (a[-1, 0]); for "
               "offsets computed in the kernel give the stencil a "
               "neighborhood=((lo, hi), ...)");
          return;
        }
        if (off && !givenNeighborhood_) {
          lo_[d] = std::min(lo_[d], *off);
          hi_[d] = std::max(hi_[d], *off);
        }
        ASTBuilder at{x->range};
        x = at.add(at.name(index(d)), std::move(x));
      }
    });
  }

  Param newParam(const std::string &name) const {
    Param c;
    c.name = name;
    c.range = def_.nameRange;
    return c;
  }
  std::unique_ptr<FunctionDefStmt> newFunction(const std::string &name) const {
    auto f = std::make_unique<FunctionDefStmt>(def_.range);
    f->name = name;
    f->nameRange = def_.nameRange;
    for (const Param &p : def_.params)
      f->params.push_back(cloneParam(p));
    return f;
  }
  std::vector<ExprPtr> paramNames() const {
    std::vector<ExprPtr> args;
    for (const Param &p : def_.params)
      args.push_back(b_.name(p.name));
    return args;
  }
  static std::vector<ExprPtr> one(ExprPtr e) {
    std::vector<ExprPtr> v;
    v.push_back(std::move(e));
    return v;
  }
  /// array.shape[d]
  ExprPtr shapeOf(const std::string &array, int d) const {
    return b_.index(b_.attribute(b_.name(array), "shape"), one(b_.i64(d)));
  }

  /// k__point(params..., i0, ...): the kernel at one point. With a given
  /// neighbourhood the offsets are not all known, so it checks bounds;
  /// python_lists=True is passed on.
  StmtPtr pointFunction() {
    auto f = newFunction(point());
    for (int d = 0; d < rank_; ++d)
      f->params.push_back(newParam(index(d)));
    f->body = std::move(def_.body);
    std::vector<KeywordArg> kw;
    if (givenNeighborhood_)
      kw.push_back(b_.keyword("boundscheck",
                              std::make_unique<BoolLitExpr>(b_.at, true)));
    if (pythonLists_)
      kw.push_back(b_.keyword("python_lists",
                              std::make_unique<BoolLitExpr>(b_.at, true)));
    if (!kw.empty())
      f->decorators.push_back(b_.call("jit", {}, std::move(kw)));
    return f;
  }

  /// k__into(params..., out): the shapes checked, the interior written.
  StmtPtr intoFunction() {
    auto f = newFunction(into());
    f->params.push_back(newParam("out"));
    std::vector<std::string> checked;
    for (size_t i = 1; i < def_.params.size(); ++i)
      if (indexed_.count(def_.params[i].name))
        checked.push_back(def_.params[i].name);
    checked.push_back("out");
    for (const std::string &p : checked) {
      ExprPtr same;
      for (int d = 0; d < rank_; ++d) {
        ExprPtr eq =
            b_.compare(CompareOp::Eq, shapeOf(p, d), shapeOf(first(), d));
        same =
            same ? std::make_unique<BoolOpExpr>(b_.at, BoolOpKind::And,
                                                std::move(same), std::move(eq))
                 : std::move(eq);
      }
      auto check = std::make_unique<AssertStmt>(b_.at);
      check->test = std::move(same);
      check->msg = std::make_unique<StrLitExpr>(
          b_.at, "stencil " + def_.name + ": '" + p +
                     "' must have the shape of '" + first() + "'");
      f->body.push_back(std::move(check));
    }
    // for i0 in prange(start0, n0 - end0): for i1 in range(...): ...
    Block *body = &f->body;
    for (int d = 0; d < rank_; ++d) {
      int64_t start = std::max<int64_t>(0, -lo_[d]);
      int64_t end = std::max<int64_t>(0, hi_[d]);
      std::vector<ExprPtr> bounds;
      bounds.push_back(b_.i64(start));
      bounds.push_back(b_.sub(shapeOf(first(), d), b_.i64(end)));
      auto loop = b_.loop(
          index(d), b_.call(d == 0 ? "prange" : "range", std::move(bounds)));
      Block *inner = &loop->body;
      body->push_back(std::move(loop));
      body = inner;
    }
    std::vector<ExprPtr> at, args = paramNames();
    for (int d = 0; d < rank_; ++d) {
      at.push_back(b_.name(index(d)));
      args.push_back(b_.name(index(d)));
    }
    body->push_back(b_.assign(b_.index(b_.name("out"), std::move(at)),
                              b_.call(point(), std::move(args))));
    f->body.push_back(b_.ret(b_.name("out")));
    return f;
  }

  /// k(params...): the output in the kernel's result dtype, its border
  /// cval, then k__into.
  StmtPtr allocatingFunction() {
    auto f = newFunction(def_.name);
    std::vector<ExprPtr> probe = paramNames();
    for (int d = 0; d < rank_; ++d)
      probe.push_back(b_.i64(0));
    std::vector<KeywordArg> kw;
    // The kernel's result type (weft.dtype_of does not evaluate it).
    kw.push_back(
        b_.keyword("dtype", b_.call("weft.dtype_of",
                                    one(b_.call(point(), std::move(probe))))));
    std::vector<ExprPtr> fullArgs;
    fullArgs.push_back(b_.attribute(b_.name(first()), "shape"));
    fullArgs.push_back(cval_ ? cloneExpr(cval_) : b_.i64(0));
    f->body.push_back(
        b_.assign(b_.name("__weft_out"),
                  b_.call("full", std::move(fullArgs), std::move(kw))));
    std::vector<ExprPtr> args = paramNames();
    args.push_back(b_.name("__weft_out"));
    f->body.push_back(b_.ret(b_.call(into(), std::move(args))));
    return f;
  }
};

} // namespace

void desugarStencils(ModuleAST &module, DiagnosticEngine &diags) {
  std::set<std::string> stencils;
  for (size_t i = 0; i < module.body.size(); ++i) {
    auto *def = module.body[i]->dyn<FunctionDefStmt>();
    const CallExpr *options = nullptr;
    if (!def || !stencilDecorator(*def, options))
      continue;
    std::optional<Block> functions = StencilWriter(*def, options, diags).run();
    if (!functions)
      continue;
    stencils.insert(def->name);
    size_t n = functions->size();
    module.body.erase(module.body.begin() + static_cast<std::ptrdiff_t>(i));
    module.body.insert(module.body.begin() + static_cast<std::ptrdiff_t>(i),
                       std::make_move_iterator(functions->begin()),
                       std::make_move_iterator(functions->end()));
    i += n - 1;
  }
  if (stencils.empty())
    return;
  // k(a, out=o) writes into o: k__into(a, out=o), in the script and in
  // every function.
  auto intoCall = [&](Expr &e) {
    auto *c = e.dyn<CallExpr>();
    auto *callee = c ? c->callee->dyn<NameExpr>() : nullptr;
    if (!callee || callee->qualified || !stencils.count(callee->name))
      return;
    for (const KeywordArg &k : c->keywords)
      if (k.name == "out") {
        callee->name += "__into";
        return;
      }
  };
  forEachMutableExpr(module.body, intoCall);
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      forEachMutableExpr(d->body, intoCall);
}

} // namespace weft
