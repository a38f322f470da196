"""The Functions app's triggers, in either layout: the custom handler's functions/<Name>/function.json and Map*() routes,
and the isolated worker's [Function] methods with [QueueTrigger]/[HttpTrigger]/[TimerTrigger] attributes (literal or
const string arguments); the app's layout, TargetFramework and use of Durable Functions."""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import context as ctx
from .context import problem, read
from .settings_code import class_body, strip_cs_comments

def function_triggers(sources: dict[Path, str], sample_values: dict) -> list[tuple[str, str, str]]:
    """(function, queue name resolved, connection) of every queue trigger, in either app layout."""
    triggers = []
    # The custom handler: functions/<Name>/function.json (gone once the app is an isolated worker).
    for fj in sorted((ctx.REPO / "functions").glob("*/function.json")):
        try:
            bindings = json.loads(read(fj)).get("bindings", [])
        except ValueError as e:
            problem(f"{fj.relative_to(ctx.REPO)} is not valid JSON: {e}")
            continue
        for b in bindings:
            if str(b.get("type", "")).lower() == "queuetrigger":
                triggers.append((fj.parent.name, str(b.get("queueName", "")), b.get("connection") or "AzureWebJobsStorage",
                                 str(fj.relative_to(ctx.REPO))))
    # The isolated worker: [QueueTrigger("queue" or a const, Connection = "...")] on a [Function] method.
    constants = string_constant_map(sources)
    for path, text in function_sources(sources):
        code = strip_cs_comments(text)
        for at, positional, named in attributes(code, "QueueTrigger"):
            where = str(path.relative_to(ctx.REPO))
            queue = resolve_cs_string(positional[0], constants) if positional else None
            if queue is None:
                problem(f"{where}: cannot read the queue name of [QueueTrigger({', '.join(positional)})]; use a literal or a const string")
                continue
            connection = named.get("Connection")
            connection = resolve_cs_string(connection, constants) if connection else "AzureWebJobsStorage"
            triggers.append((function_name_before(code, at, constants) or where, queue, connection or "AzureWebJobsStorage", where))
    resolved = []
    for fn, queue, connection, where in triggers:
        for ref in re.findall(r"%([^%]+)%", queue):
            value = sample_values.get(ref)
            if value is None:
                problem(f"{where}: the queue name of {fn} uses %{ref}% but local.settings.sample.json has no {ref}")
                continue
            queue = queue.replace(f"%{ref}%", value)
        resolved.append((fn, queue, connection))
    return resolved


def api_route_prefixes(sources: dict[Path, str]) -> set[str]:
    """First route segments of the HTTP functions (the admin page aside), either layout, without the routePrefix."""
    prefixes = set()
    constants = string_constant_map(sources)
    for path, text in function_sources(sources):
        code = strip_cs_comments(text)
        # The custom handler's ASP.NET Core routes (gone with it).
        for m in re.finditer(r'(\w+)\.Map(?:Get|Post|Put|Patch|Delete|Methods|Group)\(\s*"(/[^"]*)"', code):
            receiver, route = m.group(1), m.group(2)
            if route.startswith("/api/"):
                prefixes.add(route.split("/")[2])
            elif receiver == "api" and route not in ("/", ""):
                prefixes.add(route.split("/")[1])
        # The isolated worker's [HttpTrigger(..., Route = "...")]; without a Route the function's name is the route.
        for at, _, named in attributes(code, "HttpTrigger"):
            route = resolve_cs_string(named["Route"], constants) if "Route" in named else function_name_before(code, at, constants)
            if route is None:
                problem(f"{path.relative_to(ctx.REPO)}: cannot read the route of an [HttpTrigger]; use a literal or a const string")
                continue
            prefixes.add(route.strip("/").split("/")[0])
    prefixes = {p.strip() for p in prefixes}
    return {p for p in prefixes if p and not p.startswith("{") and p.lower() != "admin"}


# ---------------------------------------------------------------- C# attributes (isolated worker functions)

def function_sources(sources: dict[Path, str]):
    return [(p, t) for p, t in sources.items() if p.relative_to(ctx.REPO).parts[0] == "functions"]


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Splits at separators outside strings, parentheses, brackets and braces."""
    parts, depth, current, i = [], 0, [], 0
    while i < len(text):
        ch = text[i]
        if ch in "\"'":
            j = i + 1
            while j < len(text) and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            current.append(text[i:j + 1]); i = j + 1; continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == separator and depth == 0:
            parts.append("".join(current).strip()); current = []
        else:
            current.append(ch)
        i += 1
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def attributes(code: str, name: str):
    """(position, positional args, named args) of every [Name(...)] / [NameAttribute(...)] in the code."""
    for m in re.finditer(rf"[\[,]\s*(?:[\w.]+\.)?{name}(?:Attribute)?\s*\(", code):
        depth, i = 1, m.end()
        while i < len(code) and depth:
            if code[i] == '"':
                j = i + 1
                while j < len(code) and code[j] != '"':
                    j += 2 if code[j] == "\\" else 1
                i = j
            elif code[i] == "(":
                depth += 1
            elif code[i] == ")":
                depth -= 1
            i += 1
        positional, named = [], {}
        for arg in split_top_level(code[m.end():i - 1]):
            named_arg = re.match(r"^(\w+)\s*=(?!=)\s*(.+)$", arg, flags=re.S)  # Property = value
            by_name = re.match(r"^(\w+)\s*:\s*(.+)$", arg, flags=re.S)      # parameterName: value (constructor)
            if named_arg:
                named[named_arg.group(1)] = named_arg.group(2).strip()
            else:
                positional.append(by_name.group(2).strip() if by_name else arg)
        yield m.start(), positional, named


def function_name_before(code: str, position: int, constants: dict[str, str]) -> str | None:
    """The name in the last [Function("Name")] before position (the method the trigger parameter belongs to)."""
    found = [(at, pos) for at, pos, _ in attributes(code[:position], "Function") if pos]
    return resolve_cs_string(found[-1][1][0], constants) if found else None


def string_constant_map(sources: dict[Path, str]) -> dict[str, str]:
    """const string values by Name and by Class.Name (raw expressions, resolved on use)."""
    cached = _CONSTANTS.get(id(sources))
    if cached is not None:
        return cached
    raw: dict[str, str] = {}
    for text in sources.values():
        code = strip_cs_comments(text)
        for cls in re.finditer(r"\b(?:class|struct|record)\s+(\w+)[^{;]*\{", code):
            body = class_body(code, cls.end() - 1)
            for c in re.finditer(r"\bconst\s+string\s+(\w+)\s*=\s*([^;]+);", body):
                raw.setdefault(f"{cls.group(1)}.{c.group(1)}", c.group(2).strip())
                raw.setdefault(c.group(1), c.group(2).strip())
    _CONSTANTS[id(sources)] = raw
    return raw


_CONSTANTS: dict[int, dict[str, str]] = {}


def clear_constant_cache() -> None:
    _CONSTANTS.clear()


def resolve_cs_string(expr: str | None, constants: dict[str, str], depth: int = 0) -> str | None:
    """The value of a C# constant string expression: "literal", @"verbatim", nameof(X.Y), Const, Class.Const, a + b."""
    if expr is None or depth > 8:
        return None
    expr = expr.strip()
    pieces = split_top_level(expr, "+")
    if len(pieces) > 1:
        values = [resolve_cs_string(p, constants, depth + 1) for p in pieces]
        return None if None in values else "".join(values)
    if m := re.fullmatch(r'"((?:[^"\\]|\\.)*)"', expr):
        return bytes(m.group(1), "utf-8").decode("unicode_escape")
    if m := re.fullmatch(r'@"((?:[^"]|"")*)"', expr):
        return m.group(1).replace('""', '"')
    if m := re.fullmatch(r"nameof\(\s*([\w.]+)\s*\)", expr):
        return m.group(1).split(".")[-1]
    if re.fullmatch(r"[\w.]+", expr):
        parts = expr.split(".")
        for key in (".".join(parts[-2:]), parts[-1]):
            if key in constants:
                return resolve_cs_string(constants[key], constants, depth + 1)
    return None


def trigger_setting_references(sources: dict[Path, str]) -> list[tuple[str, str]]:
    """(file, Setting) for every %Setting% in a trigger attribute's string arguments (schedules, queue names)."""
    found = []
    constants = string_constant_map(sources)
    for path, text in function_sources(sources):
        code = strip_cs_comments(text)
        for trigger in ("TimerTrigger", "QueueTrigger", "BlobTrigger"):
            for _, positional, named in attributes(code, trigger):
                for arg in positional + list(named.values()):
                    value = resolve_cs_string(arg, constants) or ""
                    found.extend((str(path.relative_to(ctx.REPO)), ref) for ref in re.findall(r"%([^%]+)%", value))
    return found


def app_layout(sources: dict[Path, str]) -> dict[str, bool]:
    """Which app layouts are present under functions/: the custom handler's and/or the isolated worker's."""
    return {
        "custom_handler": any((ctx.REPO / "functions").glob("*/function.json")),
        "isolated": any(list(attributes(strip_cs_comments(t), "Function")) for _, t in function_sources(sources)),
    }


def target_framework() -> str | None:
    """The app's TargetFramework: its own project's, else Directory.Build.props'."""
    for proj in sorted((ctx.REPO / "functions").glob("*/*.csproj")):
        m = re.search(r"<TargetFramework>\s*([^<]+?)\s*</TargetFramework>", read(proj))
        if m:
            return m.group(1)
    props = ctx.REPO / "Directory.Build.props"
    m = re.search(r"<TargetFramework>\s*([^<]+?)\s*</TargetFramework>", read(props)) if props.is_file() else None
    return m.group(1) if m else None


def uses_durable(sources: dict[Path, str]) -> bool:
    return any(re.search(r"\[\s*(?:OrchestrationTrigger|ActivityTrigger|EntityTrigger|DurableClient)\b", strip_cs_comments(t))
               for _, t in function_sources(sources))
