"""Reading the Bicep as text: comments stripped, brackets balanced, parameters, module calls, list and object vars."""
from __future__ import annotations

import re
from pathlib import Path

from . import context as ctx
from .context import problem, read

def bicep_files() -> list[Path]:
    return sorted(ctx.INFRA.rglob("*.bicep"))


def strip_bicep_comments(text: str) -> str:
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("'''", i):
            j = text.find("'''", i + 3)
            j = n if j < 0 else j + 3
            out.append(text[i:j]); i = j
        elif text[i] == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1]); i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        else:
            out.append(text[i]); i += 1
    return "".join(out)


def check_balanced(path: Path, text: str) -> None:
    """Brackets balance outside strings and comments, and interpolations ${...} close inside strings."""
    pairs, stack, i, n, line = {")": "(", "]": "[", "}": "{"}, [], 0, len(text), 1
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
        if text.startswith("'''", i):
            j = text.find("'''", i + 3)
            if j < 0:
                problem(f"{path.name}:{line}: unterminated ''' string"); return
            line += text.count("\n", i, j); i = j + 3; continue
        if ch == "'":
            j, depth = i + 1, 0
            while j < n:
                if text[j] == "\\":
                    j += 2; continue
                if text.startswith("${", j):
                    depth += 1; j += 2; continue
                if text[j] == "}" and depth:
                    depth -= 1
                elif text[j] == "'" and depth == 0:
                    break
                elif text[j] == "\n" and depth == 0:
                    problem(f"{path.name}:{line}: string not closed on its line"); break
                j += 1
            i = j + 1; continue
        if text.startswith("//", i):
            j = text.find("\n", i); i = n if j < 0 else j; continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            line += text.count("\n", i, max(j, i)); i = n if j < 0 else j + 2; continue
        if ch in "([{":
            stack.append((ch, line))
        elif ch in ")]}":
            if not stack or stack[-1][0] != pairs[ch]:
                problem(f"{path.name}:{line}: unbalanced '{ch}'"); return
            stack.pop()
        i += 1
    if stack:
        problem(f"{path.name}:{stack[-1][1]}: '{stack[-1][0]}' never closed")


def declared_params(text: str) -> dict[str, dict]:
    """param name -> {has_default, secure} (decorators on the lines above count)."""
    params, decorators = {}, []
    for raw in strip_bicep_comments(text).splitlines():
        line = raw.strip()
        if line.startswith("@"):
            decorators.append(line); continue
        m = re.match(r"param\s+(\w+)\s+([\w.]+\??)(\s*=)?", line)
        if m:
            params[m.group(1)] = {"has_default": bool(m.group(3)) or m.group(2).endswith("?"),
                                  "secure": any(d.startswith("@secure") for d in decorators)}
        if line and not line.startswith("@"):
            decorators = []
    return params


def block_after(text: str, start: int) -> str:
    """The {...} block that opens at or after start."""
    open_at = text.index("{", start)
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[open_at:i + 1]
    return text[open_at:]


def top_level_keys(block: str) -> set[str]:
    keys, depth = set(), 0
    for m in re.finditer(r"[{}\[\]()]|^\s*(\w+)\s*:", block, flags=re.M):
        tok = m.group(0).strip()
        if tok in "{[(":
            depth += 1
        elif tok in "}])":
            depth -= 1
        elif m.group(1) and depth == 1:
            keys.add(m.group(1))
    return keys


def check_modules(path: Path, text: str) -> None:
    code = strip_bicep_comments(text)
    for m in re.finditer(r"^module\s+(\w+)\s+'([^']+)'\s*=", code, flags=re.M):
        name, rel = m.group(1), m.group(2)
        target = (path.parent / rel).resolve()
        if not target.is_file():
            problem(f"{path.name}: module {name} points at {rel}, which does not exist"); continue
        body = block_after(code, m.end())
        pm = re.search(r"\bparams\s*:\s*\{", body)
        passed = top_level_keys(block_after(body, pm.start())) if pm else set()
        declared = declared_params(read(target))
        for p in sorted(passed - set(declared)):
            problem(f"{path.name}: module {name} passes '{p}', which {rel} does not declare")
        for p, info in sorted(declared.items()):
            if not info["has_default"] and p not in passed:
                problem(f"{path.name}: module {name} does not pass required param '{p}' of {rel}")


def app_setting_keys(main_text: str) -> set[str]:
    """The setting names in the objects of every var that `var appSettings = union(...)` combines."""
    code = strip_bicep_comments(main_text)
    m = re.search(r"\bvar\s+appSettings\s*=\s*union\(([^)]*)\)", code)
    keys: set[str] = set()
    for name in [n.strip() for n in m.group(1).split(",")] if m else []:
        vm = re.search(rf"^var\s+{re.escape(name)}\s*=", code, flags=re.M)
        if not vm:
            continue
        rest = code[vm.end():]
        stop = re.search(r"^(?:var|param|resource|module|output|type|func)\s", rest, flags=re.M)
        expr = rest[:stop.start()] if stop else rest
        i = 0
        while (start := expr.find("{", i)) >= 0:
            block = block_after(expr, start)
            keys |= top_level_keys(block)
            i = start + len(block)
    return keys


def bicep_list(text: str, var: str) -> list[str] | None:
    m = re.search(rf"\bvar\s+{var}\s*=\s*\[(.*?)\]", strip_bicep_comments(text), flags=re.S)
    return None if m is None else re.findall(r"'([^'$]+)'", m.group(1))
