//===- ASTDump.cpp - Textual dump of the Weft AST -------------------------===//
//
// `weft emit --stage=ast` output and operator spellings. The dump prints one
// node per line with two spaces of indentation per depth. Statements and
// compound expressions carry their start position as `@line:col`; names and
// literals do not. Compound statements label their sub-blocks (Then, Else,
// Body) so the tree reads unambiguously. The format is deterministic.
//
//===----------------------------------------------------------------------===//
#include "frontend/AST.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace weft {

const char *spelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Neg:
    return "-";
  case UnaryOp::Pos:
    return "+";
  case UnaryOp::Not:
    return "not";
  case UnaryOp::Invert:
    return "~";
  }
  return "?";
}

const char *spelling(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::FloorDiv:
    return "//";
  case BinaryOp::Mod:
    return "%";
  case BinaryOp::Pow:
    return "**";
  case BinaryOp::MatMul:
    return "@";
  case BinaryOp::BitAnd:
    return "&";
  case BinaryOp::BitOr:
    return "|";
  case BinaryOp::BitXor:
    return "^";
  case BinaryOp::LShift:
    return "<<";
  case BinaryOp::RShift:
    return ">>";
  }
  return "?";
}

const char *spelling(CompareOp op) {
  switch (op) {
  case CompareOp::Lt:
    return "<";
  case CompareOp::Le:
    return "<=";
  case CompareOp::Gt:
    return ">";
  case CompareOp::Ge:
    return ">=";
  case CompareOp::Eq:
    return "==";
  case CompareOp::Ne:
    return "!=";
  case CompareOp::Is:
    return "is";
  case CompareOp::IsNot:
    return "is not";
  case CompareOp::In:
    return "in";
  case CompareOp::NotIn:
    return "not in";
  }
  return "?";
}

namespace {

/// Shortest text that reads back as the same double, always float-looking.
std::string formatFloat(double v) {
  char buf[64];
  std::to_chars_result r =
      std::to_chars(buf, buf + sizeof buf - 1, v, std::chars_format::general);
  *r.ptr = '\0';
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos)
    s += ".0";
  return s;
}

std::string quote(const std::string &s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '"':
      out += "\\\"";
      break;
    default:
      out += c;
    }
  }
  return out + "\"";
}

std::string typeString(const TypeAnnotation &t) {
  std::string s = t.scalar;
  if (t.rank > 0) {
    s += "[";
    for (int i = 0; i < t.rank; ++i)
      s += i ? ", :" : ":";
    s += "]";
  }
  return s;
}

class Dumper {
public:
  std::string str() const { return out_.str(); }

  void module(const ModuleAST &m) {
    out_ << "Module " << m.filename << "\n";
    block(m.body, 1);
  }

private:
  void line(int depth, const std::string &text) {
    out_ << std::string(depth * 2, ' ') << text << "\n";
  }
  static std::string at(SourceRange r) {
    return " @" + std::to_string(r.begin.line) + ":" +
           std::to_string(r.begin.col);
  }

  void block(const Block &b, int depth) {
    for (const StmtPtr &s : b)
      stmt(*s, depth);
  }
  void labeled(const char *label, const Block &b, int depth) {
    line(depth, label);
    block(b, depth + 1);
  }

  void stmt(const Stmt &s, int d) {
    switch (s.kind) {
    case StmtKind::Expr:
      line(d, "ExprStmt" + at(s.range));
      expr(*s.dyn<ExprStmt>()->value, d + 1);
      return;
    case StmtKind::Assign: {
      const auto *a = s.dyn<AssignStmt>();
      std::string head = "Assign";
      if (a->targets.size() > 1)
        head += " targets=" + std::to_string(a->targets.size());
      line(d, head + at(s.range));
      for (const ExprPtr &t : a->targets)
        expr(*t, d + 1);
      expr(*a->value, d + 1);
      return;
    }
    case StmtKind::AugAssign: {
      const auto *a = s.dyn<AugAssignStmt>();
      line(d, std::string("AugAssign ") + spelling(a->op) + "=" + at(s.range));
      expr(*a->target, d + 1);
      expr(*a->value, d + 1);
      return;
    }
    case StmtKind::AnnAssign: {
      const auto *a = s.dyn<AnnAssignStmt>();
      const auto *n = a->target->dyn<NameExpr>();
      line(d, "AnnAssign " + (n ? n->name : std::string("?")) + ": " +
                  typeString(a->annotation) + at(s.range));
      if (a->value)
        expr(*a->value, d + 1);
      return;
    }
    case StmtKind::If: {
      const auto *i = s.dyn<IfStmt>();
      if (i->isTry) {
        line(d, "Try" + at(s.range));
        labeled("Body", i->body, d + 1);
        labeled("Except", i->orelse, d + 1);
        return;
      }
      line(d, "If" + at(s.range));
      expr(*i->cond, d + 1);
      labeled("Then", i->body, d + 1);
      if (!i->orelse.empty())
        labeled("Else", i->orelse, d + 1);
      return;
    }
    case StmtKind::For: {
      const auto *f = s.dyn<ForStmt>();
      const auto *n = f->target->dyn<NameExpr>();
      line(d, "For " + (n ? n->name : std::string("?")) + at(s.range));
      expr(*f->iter, d + 1);
      labeled("Body", f->body, d + 1);
      return;
    }
    case StmtKind::While: {
      const auto *w = s.dyn<WhileStmt>();
      line(d, "While" + at(s.range));
      expr(*w->cond, d + 1);
      labeled("Body", w->body, d + 1);
      return;
    }
    case StmtKind::Break:
      line(d, "Break" + at(s.range));
      return;
    case StmtKind::Continue:
      line(d, "Continue" + at(s.range));
      return;
    case StmtKind::Pass:
      line(d, "Pass" + at(s.range));
      return;
    case StmtKind::Return: {
      const auto *r = s.dyn<ReturnStmt>();
      line(d, "Return" + at(s.range));
      if (r->value)
        expr(*r->value, d + 1);
      return;
    }
    case StmtKind::Assert: {
      const auto *a = s.dyn<AssertStmt>();
      line(d, (a->exception == "AssertionError" ? "Assert"
                                                : "Raise " + a->exception) +
                  at(s.range));
      expr(*a->test, d + 1);
      if (a->msg)
        expr(*a->msg, d + 1);
      return;
    }
    case StmtKind::FunctionDef: {
      const auto *f = s.dyn<FunctionDefStmt>();
      std::string head = "FunctionDef " + f->name + "(";
      for (size_t i = 0; i < f->params.size(); ++i) {
        const Param &p = f->params[i];
        head += (i ? ", " : "") + p.name;
        if (p.hasAnnotation)
          head += ": " + typeString(p.annotation);
      }
      head += ")";
      if (f->hasReturnAnnotation)
        head += " -> " + typeString(f->returnAnnotation);
      line(d, head + at(s.range));
      for (const ExprPtr &dec : f->decorators) {
        line(d + 1, "Decorator");
        expr(*dec, d + 2);
      }
      block(f->body, d + 1);
      return;
    }
    }
  }

  void optional(const ExprPtr &e, int d) {
    if (e)
      expr(*e, d);
    else
      line(d, "None");
  }

  void expr(const Expr &e, int d) {
    switch (e.kind) {
    case ExprKind::IntLit:
      line(d, "IntLit " + std::to_string(e.dyn<IntLitExpr>()->value));
      return;
    case ExprKind::FloatLit:
      line(d, "FloatLit " + formatFloat(e.dyn<FloatLitExpr>()->value));
      return;
    case ExprKind::BoolLit:
      line(d, std::string("BoolLit ") +
                  (e.dyn<BoolLitExpr>()->value ? "True" : "False"));
      return;
    case ExprKind::StrLit:
      line(d, "StrLit " + quote(e.dyn<StrLitExpr>()->value));
      return;
    case ExprKind::Name:
      line(d, "Name " + e.dyn<NameExpr>()->name);
      return;
    case ExprKind::Unary: {
      const auto *u = e.dyn<UnaryExpr>();
      line(d, std::string("Unary ") + spelling(u->op) + at(e.range));
      expr(*u->operand, d + 1);
      return;
    }
    case ExprKind::Binary: {
      const auto *b = e.dyn<BinaryExpr>();
      line(d, std::string("Binary ") + spelling(b->op) + at(e.range));
      expr(*b->lhs, d + 1);
      expr(*b->rhs, d + 1);
      return;
    }
    case ExprKind::Compare: {
      const auto *c = e.dyn<CompareExpr>();
      std::string head = "Compare";
      for (CompareOp op : c->ops)
        head += std::string(" ") + spelling(op);
      line(d, head + at(e.range));
      for (const ExprPtr &o : c->operands)
        expr(*o, d + 1);
      return;
    }
    case ExprKind::BoolOp: {
      const auto *b = e.dyn<BoolOpExpr>();
      line(d, std::string("BoolOp ") +
                  (b->op == BoolOpKind::And ? "and" : "or") + at(e.range));
      expr(*b->lhs, d + 1);
      expr(*b->rhs, d + 1);
      return;
    }
    case ExprKind::IfExp: {
      const auto *i = e.dyn<IfExpExpr>();
      line(d, "IfExp" + at(e.range));
      expr(*i->cond, d + 1);
      expr(*i->thenValue, d + 1);
      expr(*i->elseValue, d + 1);
      return;
    }
    case ExprKind::Call: {
      const auto *c = e.dyn<CallExpr>();
      line(d, "Call" + at(e.range));
      expr(*c->callee, d + 1);
      for (const ExprPtr &a : c->args)
        expr(*a, d + 1);
      for (const KeywordArg &k : c->keywords) {
        line(d + 1, "Keyword " + k.name);
        expr(*k.value, d + 2);
      }
      return;
    }
    case ExprKind::Index: {
      const auto *i = e.dyn<IndexExpr>();
      line(d, "Index" + at(e.range));
      expr(*i->base, d + 1);
      for (const ExprPtr &x : i->indices)
        expr(*x, d + 1);
      return;
    }
    case ExprKind::Slice: {
      const auto *s = e.dyn<SliceExpr>();
      line(d, "Slice" + at(e.range));
      optional(s->lower, d + 1);
      optional(s->upper, d + 1);
      optional(s->step, d + 1);
      return;
    }
    case ExprKind::Attribute: {
      const auto *a = e.dyn<AttributeExpr>();
      line(d, "Attribute ." + a->attr + at(e.range));
      expr(*a->base, d + 1);
      return;
    }
    case ExprKind::Tuple:
      line(d, "Tuple" + at(e.range));
      for (const ExprPtr &x : e.dyn<TupleExpr>()->elts)
        expr(*x, d + 1);
      return;
    case ExprKind::List:
      line(d, "List" + at(e.range));
      for (const ExprPtr &x : e.dyn<ListExpr>()->elts)
        expr(*x, d + 1);
      return;
    case ExprKind::ListComp: {
      auto *lc = e.dyn<ListCompExpr>();
      line(d, "ListComp for " + lc->source + at(e.range));
      expr(*lc->iter, d + 1);
      if (lc->cond)
        expr(*lc->cond, d + 1);
      expr(*lc->elt, d + 1);
      return;
    }
    }
  }

  std::ostringstream out_;
};

} // namespace

std::string dumpAST(const ModuleAST &module) {
  Dumper d;
  d.module(module);
  return d.str();
}

} // namespace weft
