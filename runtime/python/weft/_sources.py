"""_sources.py - the source text of Python functions, also of those made
by exec() or compile() from a string (code generators: a template
rendered and exec'd, an f-string driver), whose text inspect cannot find
since no file holds it. An audit hook (PEP 578) sees each such string
compiled and the module code then executed, and keeps the text of every
function code object inside; nothing else is changed or kept."""
import inspect
import sys
import types

# code object -> the text it was compiled from (newest last, bounded)
_TEXTS = {}
_MAX_CODES = 4096
# filename ("<string>", "<gen>") -> the text most recently compiled as it
_PENDING = {}
_MAX_PENDING = 16


def _nested_codes(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from _nested_codes(c)


def _audit(event, args):
    # (called for every audit event of the process: the test comes first)
    if event == "compile":
        try:
            text, filename = args[0], args[1]
            if not (isinstance(filename, str) and filename.startswith("<")):
                return
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            if not isinstance(text, str):
                return
            _PENDING.pop(filename, None)
            _PENDING[filename] = text
            while len(_PENDING) > _MAX_PENDING:
                _PENDING.pop(next(iter(_PENDING)))
        except Exception:  # noqa: BLE001 (a hook must never raise)
            pass
    elif event == "exec":
        try:
            code = args[0]
            if not isinstance(code, types.CodeType):
                return
            text = _PENDING.get(code.co_filename)
            if text is None:
                return
            for c in _nested_codes(code):
                _TEXTS.pop(c, None)
                _TEXTS[c] = text
            while len(_TEXTS) > _MAX_CODES:
                _TEXTS.pop(next(iter(_TEXTS)))
        except Exception:  # noqa: BLE001
            pass


sys.addaudithook(_audit)


def _code_of(obj):
    obj = inspect.unwrap(obj) if callable(obj) else obj
    obj = getattr(obj, "__func__", obj)
    return getattr(obj, "__code__", None)


def getsourcelines(obj):
    """inspect.getsourcelines, or the lines of the string a function was
    exec'd from; OSError when neither has them."""
    try:
        return inspect.getsourcelines(obj)
    except (OSError, TypeError):
        code = _code_of(obj)
        text = _TEXTS.get(code) if code is not None else None
        if text is None:
            raise
    lines = text.splitlines(keepends=True)
    first = code.co_firstlineno
    if not 0 < first <= len(lines):
        raise OSError("could not get source code")
    return inspect.getblock(lines[first - 1:]), first


def getsource(obj):
    """inspect.getsource, with getsourcelines' strings too."""
    return "".join(getsourcelines(obj)[0])


def getsourcefile(obj):
    """inspect.getsourcefile, or the name a string was compiled as
    ("<string>")."""
    try:
        name = inspect.getsourcefile(obj)
    except TypeError:
        name = None
    if name:
        return name
    code = _code_of(obj)
    return code.co_filename if code in _TEXTS else None
