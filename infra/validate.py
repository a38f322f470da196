#!/usr/bin/env python3
"""Keeps infra/ in step with the code, without Azure (infra/validate.sh compiles the Bicep; this checks its content).

What the app needs is read from the code itself:
  settings    local.settings.sample.json "Values"; literal configuration["A:B"] / GetValue("A:B") / GetSection("A:B")
              reads and Environment.GetEnvironmentVariable("X") in functions/ and shared/ (Sandbox and tests excluded);
              every options class (a class with `const string SectionName`, and the platform connector options bound
              under Platforms:<Name>), property by property; a collection property is a family of settings (A__B__*);
  storage     TableNames and ContainerNames constants, QueueNames constants (when the class exists) and the queue of
              every queue trigger: [QueueTrigger("q" or a constant, Connection = "...")] attributes under functions/
              (the isolated worker) and, while they still exist, the queueName of functions/<Name>/function.json (the
              custom handler); %Setting% resolved from local.settings.sample.json;
  HTTP        the first route segment of every HTTP function: [HttpTrigger(..., Route = "...")] (or the function's name
              when there is no Route) and, while the custom handler exists, the /api routes it maps with Map*();
              prefixed with host.json's routePrefix, for App Service Authentication's excluded paths;
  Durable     host.json extensions.durableTask (hub name, storage connection), when the app uses Durable Functions;
  runtime     the app's TargetFramework, for functionAppConfig.runtime (dotnet-isolated <version>).
Then infra/ is checked for it: every setting named in the Bicep, every table/queue (and its -poison queue)/container
created, Flex Consumption shape and runtime, identity-only storage access, Key Vault references documented, the
parameters example consistent with main.bicep, module calls consistent with the modules, and brackets balanced.

Both app layouts pass while the move to the isolated worker lands (infra/test_validate.py checks that on synthetic
sources). Exit status 0 when everything holds; 1 with a list of problems otherwise. --print-settings prints what the
code reads; --repo PATH checks another checkout's code against this infra/.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

INFRA = Path(__file__).resolve().parent
REPO = INFRA.parent
MAIN = INFRA / "main.bicep"
PARAMS_EXAMPLE = INFRA / "main.parameters.example.json"
README = INFRA / "README.md"

# Settings the code reads that Azure must NOT get, each with the reason. Adding a name here is a deliberate decision.
# Some are only read by the code of the custom-handler era and disappear with it; listing them costs nothing.
_LOCAL_SANDBOX = "the platform sandboxes and their demo stores are local only; Azure sets Sandbox__Enabled=false"
_BOOTSTRAP = "local first-tenant bootstrap only; Azure sets Bootstrap__Enabled=false (infra/README.md: first tenant)"
NOT_FOR_AZURE = {
    "Bootstrap__TenantId": _BOOTSTRAP,
    "Bootstrap__TenantName": _BOOTSTRAP,
    "Bootstrap__KeyFile": _BOOTSTRAP,
    "Sandbox__Url": "the local sandboxes' own URL/port; " + _LOCAL_SANDBOX,
    "Sandbox__Demo": _LOCAL_SANDBOX,
    "Sandbox__Demo__AdvanceInterval": _LOCAL_SANDBOX,
    "Sandbox__Demo__Enabled": _LOCAL_SANDBOX,
    "Standalone__Url": "the custom handler's standalone mode; the local Functions host's URL, never Azure's",
    "Runner__Enabled": "the custom handler's in-process trigger runner; in Azure the Functions host runs the triggers",
    "FunctionApp__RootPath": "the custom handler's local app-root override; the Functions host knows its app root",
    "urls": "ASP.NET Core's listen URLs; in Azure the host and the worker pick their ports",
    "ASPNETCORE_URLS": "ASP.NET Core's listen URLs; in Azure the host and the worker pick their ports",
}
# Environment variables the Functions host and the platform set for the worker process (FUNCTIONS_APPLICATION_DIRECTORY,
# WEBSITE_HOSTNAME, ...), never app settings of ours. FUNCTIONS_WORKER_RUNTIME is checked against the Flex runtime.
HOST_PROVIDED_PREFIXES = ("FUNCTIONS_", "WEBSITE_", "CONTAINER_NAME")
# host.json overrides (AzureFunctionsJobHost__extensions__queues__maxDequeueCount, ...): the package's host.json holds
# the value, so Azure needs none of them; the code reading one falls back to host.json's.
HOST_JSON_OVERRIDE_PREFIX = "AzureFunctionsJobHost__"
# Flex Consumption's stack for the isolated worker: functionAppConfig.runtime name (version = the TargetFramework's).
FLEX_RUNTIME_NAME = "dotnet-isolated"
# Flex Consumption rejects these as app settings; the runtime lives in functionAppConfig.runtime instead.
FLEX_FORBIDDEN_SETTINGS = {"FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME_VERSION",
                           "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
                           "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD", "WEBSITE_NODE_DEFAULT_VERSION"}
# Settings infra/ provides that the app does not read (yet): platform settings, and names provided ahead of the
# code (README "Settings provided ahead of the app"). Anything else in the Bicep that the app does not read fails.
PLATFORM_SETTINGS = {"APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
                     "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET"}
PLATFORM_PREFIXES = ("AzureWebJobsStorage__", HOST_JSON_OVERRIDE_PREFIX)
# The timer schedules of the isolated worker's [TimerTrigger("%SyncCouponsSchedule%")]: the host resolves them from app
# settings, and a function whose %setting% is missing fails to load. Set ahead of the code that reads them.
AHEAD_OF_APP: set[str] = {"SyncCouponsSchedule", "InspectCouponsSchedule", "RefreshTokensSchedule"}

SCALAR_TYPES = {"string", "bool", "int", "long", "short", "byte", "double", "float", "decimal", "TimeSpan", "Uri",
                "DateTimeOffset", "DateTime", "Guid", "char", "uint", "ulong"}
COLLECTION = re.compile(r"^(Dictionary|IDictionary|IReadOnlyDictionary|List|IList|IReadOnlyList|ICollection|"
                        r"IReadOnlyCollection|IEnumerable|HashSet|ISet)<|\[\]$")

problems: list[str] = []
notes: list[str] = []


def problem(text: str) -> None:
    problems.append(text)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def strip_cs_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(?m)//.*$", "", text)


def source_files() -> list[Path]:
    files = []
    for top in ("functions", "shared"):
        for path in (REPO / top).rglob("*.cs"):
            parts = set(path.relative_to(REPO).parts)
            if {"bin", "obj"} & parts or "CouponFunctions.Sandbox" in parts:
                continue
            files.append(path)
    return sorted(files)


# ---------------------------------------------------------------- what the code reads

def setting_name(config_path: str) -> str:
    return config_path.replace(":", "__")


def options_classes(sources: dict[Path, str]):
    """Yields (section, class name, file) for every options class bound from configuration."""
    platform_section = "Platforms"
    for path, text in sources.items():
        if re.search(r"class\s+PlatformServiceCollectionExtensions\b", text):
            m = re.search(r'const\s+string\s+SectionName\s*=\s*"([^"]+)"', text)
            platform_section = m.group(1) if m else platform_section
    for path, text in sources.items():
        for cls in re.finditer(r"\bclass\s+(\w+)\s*(?::\s*([\w.<>, ]+))?\s*\{", text):
            name, bases = cls.group(1), cls.group(2) or ""
            body = class_body(text, cls.end() - 1)
            section = re.search(r'const\s+string\s+SectionName\s*=\s*"([^"]+)"', body)
            platform_name = re.search(r'const\s+string\s+Name\s*=\s*"([^"]+)"', body)
            if section and name != "PlatformServiceCollectionExtensions":
                yield section.group(1), name, path
            elif platform_name and re.search(r"\bPlatformClientOptions\b", bases):
                yield f"{platform_section}:{platform_name.group(1)}", name, path


def class_body(text: str, open_brace: int) -> str:
    depth = 0
    for i in range(open_brace, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[open_brace + 1:i]
    return text[open_brace + 1:]


def find_class(sources: dict[Path, str], name: str) -> tuple[str, str] | None:
    for text in sources.values():
        m = re.search(rf"\bclass\s+{re.escape(name)}\b\s*(?::\s*([\w.<>, ]+))?\s*\{{", text)
        if m:
            return class_body(text, m.end() - 1), m.group(1) or ""
    return None


def settable_properties(sources: dict[Path, str], class_name: str, seen: set[str] | None = None):
    """(type, name) of public settable instance properties, base classes included."""
    seen = seen or set()
    if class_name in seen:
        return []
    seen.add(class_name)
    found = find_class(sources, class_name)
    if not found:
        return []
    body, bases = found
    props = []
    depth_at = brace_depths(body)
    for m in re.finditer(r"\bpublic\s+(?!static\b|const\b|abstract\b)(?:virtual\s+|required\s+)?([\w.<>\[\]?, ]+?)\s+(\w+)\s*\{\s*get;\s*(?:set|init);\s*\}", body):
        if depth_at[m.start()] == 0:  # members of nested types are not this class's settings
            props.append((m.group(1).strip(), m.group(2)))
    for base in [b.strip() for b in bases.split(",") if b.strip()]:
        base_name = re.sub(r"<.*", "", base).split(".")[-1]
        if not base_name.startswith("I") or find_class(sources, base_name):
            props.extend(settable_properties(sources, base_name, seen))
    return props


def brace_depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        if ch == "}":
            depth -= 1
        depths.append(depth)
        if ch == "{":
            depth += 1
    return depths


def expand_property(sources, prefix: str, prop_type: str, prop_name: str, depth: int = 0):
    """The setting (or family A__B__*) one options property stands for."""
    name = f"{prefix}__{prop_name}"
    base_type = prop_type.rstrip("?")
    if COLLECTION.search(base_type):
        return [(name + "__*", True)]
    if base_type in SCALAR_TYPES or depth > 3:
        return [(name, False)]
    nested = settable_properties(sources, base_type)
    if nested:
        out = []
        for t, n in nested:
            out.extend(expand_property(sources, name, t, n, depth + 1))
        return out
    return [(name, False)]  # enums and other scalars the binder converts from text


def app_settings(sources: dict[Path, str]) -> dict[str, str]:
    """Setting name (A__B, or A__B__* for a family) -> where the code reads it."""
    read_by: dict[str, str] = {}
    sample = json.loads(read(REPO / "local.settings.sample.json"))
    for key in sample.get("Values", {}):
        read_by.setdefault(key, "local.settings.sample.json")
    for path, text in sources.items():
        rel = str(path.relative_to(REPO))
        code = strip_cs_comments(text)
        for m in re.finditer(r'(?:[Cc]onfiguration|config|section|Config)\s*\[\s*"([^"]+)"\s*\]', code):
            if m.group(0).startswith("section"):
                continue  # keys inside a section are covered by the options/section rules below
            read_by.setdefault(setting_name(m.group(1)), rel)
        for m in re.finditer(r'\.GetValue(?:<[^>]+>)?\(\s*"([^"]+)"', code):
            read_by.setdefault(setting_name(m.group(1)), rel)
        for m in re.finditer(r'\.GetSection\(\s*"([^"]+)"\s*\)', code):
            read_by.setdefault(setting_name(m.group(1)), rel)
        for m in re.finditer(r'GetEnvironmentVariable\(\s*"([^"]+)"\s*\)', code):
            read_by.setdefault(m.group(1), rel)
    # Options bound by a literal section name: AddOptions<T>().BindConfiguration("S") / .Bind(...GetSection("S")),
    # Configure<T>(...GetSection("S")).
    bound = []
    for path, text in sources.items():
        for m in re.finditer(r'(?:AddOptions|Configure)<(\w+)>\((?:[^;]{0,200}?)(?:BindConfiguration|GetSection)\(\s*"([^"]+)"',
                             strip_cs_comments(text), flags=re.S):
            bound.append((m.group(2), m.group(1), path))
    for section, cls, path in list(options_classes(sources)) + bound:
        for prop_type, prop_name in settable_properties(sources, cls):
            for name, _ in expand_property(sources, setting_name(section), prop_type, prop_name):
                read_by.setdefault(name, f"{path.relative_to(REPO)} ({cls}.{prop_name})")
    return read_by


def string_constants(sources: dict[Path, str], class_name: str) -> list[str] | None:
    found = find_class(sources, class_name)
    if not found:
        return None
    return re.findall(r'const\s+string\s+\w+\s*=\s*"([^"]+)"', found[0])


def function_triggers(sources: dict[Path, str], sample_values: dict) -> list[tuple[str, str, str]]:
    """(function, queue name resolved, connection) of every queue trigger, in either app layout."""
    triggers = []
    # The custom handler: functions/<Name>/function.json (gone once the app is an isolated worker).
    for fj in sorted((REPO / "functions").glob("*/function.json")):
        try:
            bindings = json.loads(read(fj)).get("bindings", [])
        except ValueError as e:
            problem(f"{fj.relative_to(REPO)} is not valid JSON: {e}")
            continue
        for b in bindings:
            if str(b.get("type", "")).lower() == "queuetrigger":
                triggers.append((fj.parent.name, str(b.get("queueName", "")), b.get("connection") or "AzureWebJobsStorage",
                                 str(fj.relative_to(REPO))))
    # The isolated worker: [QueueTrigger("queue" or a const, Connection = "...")] on a [Function] method.
    constants = string_constant_map(sources)
    for path, text in function_sources(sources):
        code = strip_cs_comments(text)
        for at, positional, named in attributes(code, "QueueTrigger"):
            where = str(path.relative_to(REPO))
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
                problem(f"{path.relative_to(REPO)}: cannot read the route of an [HttpTrigger]; use a literal or a const string")
                continue
            prefixes.add(route.strip("/").split("/")[0])
    prefixes = {p.strip() for p in prefixes}
    return {p for p in prefixes if p and not p.startswith("{") and p.lower() != "admin"}


# ---------------------------------------------------------------- C# attributes (isolated worker functions)

def function_sources(sources: dict[Path, str]):
    return [(p, t) for p, t in sources.items() if p.relative_to(REPO).parts[0] == "functions"]


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
                    found.extend((str(path.relative_to(REPO)), ref) for ref in re.findall(r"%([^%]+)%", value))
    return found


def app_layout(sources: dict[Path, str]) -> dict[str, bool]:
    """Which app layouts are present under functions/: the custom handler's and/or the isolated worker's."""
    return {
        "custom_handler": any((REPO / "functions").glob("*/function.json")),
        "isolated": any(list(attributes(strip_cs_comments(t), "Function")) for _, t in function_sources(sources)),
    }


def target_framework() -> str | None:
    """The app's TargetFramework: its own project's, else Directory.Build.props'."""
    for proj in sorted((REPO / "functions").glob("*/*.csproj")):
        m = re.search(r"<TargetFramework>\s*([^<]+?)\s*</TargetFramework>", read(proj))
        if m:
            return m.group(1)
    props = REPO / "Directory.Build.props"
    m = re.search(r"<TargetFramework>\s*([^<]+?)\s*</TargetFramework>", read(props)) if props.is_file() else None
    return m.group(1) if m else None


def uses_durable(sources: dict[Path, str]) -> bool:
    return any(re.search(r"\[\s*(?:OrchestrationTrigger|ActivityTrigger|EntityTrigger|DurableClient)\b", strip_cs_comments(t))
               for _, t in function_sources(sources))


# ---------------------------------------------------------------- Bicep text

def bicep_files() -> list[Path]:
    return sorted(INFRA.rglob("*.bicep"))


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


# ---------------------------------------------------------------- checks

def main(argv: list[str]) -> int:
    global REPO
    if "--repo" in argv:
        REPO = Path(argv[argv.index("--repo") + 1]).resolve()
    if "--print-settings" in argv:
        sources = {p: read(p) for p in source_files()}
        for name, where in sorted(app_settings(sources).items()):
            print(f"{name:60} {where}")
        return 0
    check()
    return report()


def check() -> None:
    """Runs every check against REPO's code and this infra/, filling problems and notes."""
    problems.clear(); notes.clear(); _CONSTANTS.clear()
    for required in (MAIN, PARAMS_EXAMPLE, README, REPO / "local.settings.sample.json", REPO / "host.json"):
        if not required.is_file():
            problem(f"{required} is missing")
    if problems:
        return
    sources = {p: read(p) for p in source_files()}
    wanted = app_settings(sources)
    sample_values = json.loads(read(REPO / "local.settings.sample.json")).get("Values", {})
    host_json = json.loads(read(REPO / "host.json"))
    layout = app_layout(sources)
    if layout["custom_handler"]:
        notes.append("the custom handler's function.json folders are still here: infra/ targets the isolated worker "
                     "(dotnet-isolated); its queue and route checks read both layouts meanwhile")

    texts = {p: read(p) for p in bicep_files()}
    all_bicep = "\n".join(strip_bicep_comments(t) for t in texts.values())
    main_text = texts[MAIN]
    for path, text in texts.items():
        check_balanced(path, text)
        check_modules(path, text)

    # Every single-quoted literal that looks like an app setting (A__B..., or an UPPER_CASE platform name).
    literals = set(re.findall(r"'([A-Za-z][A-Za-z0-9_]*(?:__[A-Za-z0-9_*]+)+)'", all_bicep))
    literals |= set(re.findall(r"^\s*([A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+)\s*:", all_bicep, flags=re.M))
    literals |= {s for s in re.findall(r"^\s*([A-Z][A-Z0-9_]+)\s*:", all_bicep, flags=re.M) if "_" in s}
    literals |= app_setting_keys(main_text)
    families = {n[:-1] for n in literals if n.endswith("__*")}

    def provided(name: str) -> bool:
        if name.endswith("__*"):
            stem = name[:-1]
            return name in literals or any(l.startswith(stem) for l in literals)
        return name in literals or any(name.startswith(f) for f in families)

    # 1. Every setting the app reads is named in the Bicep (connection-style names may come as identity settings K__*).
    for name, where in sorted(wanted.items()):
        if name in NOT_FOR_AZURE or (name.startswith(HOST_PROVIDED_PREFIXES) and name != "FUNCTIONS_WORKER_RUNTIME"):
            continue
        if name.startswith(HOST_JSON_OVERRIDE_PREFIX):
            continue
        if name == "FUNCTIONS_WORKER_RUNTIME":
            continue  # Flex takes it from functionAppConfig.runtime (check 4)
        if provided(name) or any(l.startswith(name + "__") for l in literals):
            continue
        problem(f"setting {name} (read by {where}) is not in infra/*.bicep")

    # 2. Nothing the app does not read, besides platform settings and the documented ahead-of-app names.
    readme = read(README)
    for name in sorted(literals):
        if name in wanted or name in PLATFORM_SETTINGS or name.startswith(PLATFORM_PREFIXES) or name in AHEAD_OF_APP:
            continue
        if name.endswith("__*") and name in wanted:
            continue
        if any(name.startswith(w[:-1]) for w in wanted if w.endswith("__*")):
            continue
        if any(name.startswith(w + "__") for w in wanted):
            continue  # identity-based form of a connection setting (CouponStorage__tableServiceUri, ...)
        if re.fullmatch(r"[A-Z0-9_]+", name) and "__" not in name:
            continue  # an UPPER_CASE property of some resource, not a setting
        problem(f"infra/ sets {name}, which the app does not read (remove it, or list it as ahead of the app)")
    for name in sorted(AHEAD_OF_APP):
        if name in wanted:
            notes.append(f"{name} is now read by the app ({wanted[name]}): drop it from AHEAD_OF_APP in validate.py")
        elif name in literals:
            notes.append(f"provided ahead of the app (not read yet): {name}")
            if name not in readme:
                problem(f"ahead-of-app setting {name} is not documented in infra/README.md")
    for name in sorted(FLEX_FORBIDDEN_SETTINGS & literals):
        problem(f"{name} must not be an app setting on Flex Consumption (the platform rejects it)")

    # 3. Identity-based storage for the app, the host and the Durable task hub (user-assigned identity); no shared keys.
    def identity_connection(prefix: str, services: tuple[str, ...], why: str) -> None:
        uris = [f"{prefix}__{s}ServiceUri" for s in services]
        if not (all(u in literals for u in uris) or (f"{prefix}__accountName" in literals and prefix != "CouponStorage")):
            missing = [u for u in uris if u not in literals]
            problem(f"identity-based connection {prefix} ({why}) lacks {', '.join(missing)}"
                    + ("" if prefix == "CouponStorage" else f" (or {prefix}__accountName)"))
        for suffix in ("credential", "clientId"):
            if f"{prefix}__{suffix}" not in literals:
                problem(f"identity-based connection {prefix} ({why}) lacks {prefix}__{suffix} (the user-assigned identity)")
        if prefix in literals:
            problem(f"{prefix} is set as a connection string: use the identity-based {prefix}__* settings")
    # The app's SDK clients read the three service URIs and __clientId (CouponStorage section).
    identity_connection("CouponStorage", ("blob", "queue", "table"), "the app's database")
    # The host's storage: blobs (leases, keys, timer schedule status), queues and tables (Durable, diagnostics).
    identity_connection("AzureWebJobsStorage", ("blob", "queue", "table"), "the Functions host's storage")
    triggers = function_triggers(sources, sample_values)
    for where, setting in trigger_setting_references(sources):
        if setting not in literals:
            problem(f"{where} uses %{setting}% in a trigger, which infra/*.bicep does not set "
                    "(in Azure the function would fail to load)")
    for fn, _, connection in triggers:
        if f"{connection}__queueServiceUri" not in literals and f"{connection}__accountName" not in literals:
            problem(f"queue trigger {fn} uses connection {connection}, but {connection}__queueServiceUri is not set")
    if re.search(r"AccountKey=|DefaultEndpointsProtocol=", all_bicep):
        problem("a storage connection string with an account key appears in the Bicep")
    for path, text in texts.items():
        code = strip_bicep_comments(text)
        if "listKeys(" in code and "Microsoft.Communication/communicationServices" not in code:
            problem(f"{path.name} calls listKeys() (only the ACS module may, for its HMAC key in Key Vault)")
    if not re.search(r"allowSharedKeyAccess\s*:\s*(false|allowStorageSharedKeyAccess)", all_bicep):
        problem("the storage account must set allowSharedKeyAccess: false")

    # 4. Flex Consumption shape.
    for needle, what in ((r"'FlexConsumption'", "plan tier FlexConsumption"), (r"'FC1'", "plan sku FC1"),
                         (r"functionAppConfig\s*:", "functionAppConfig"), (r"scaleAndConcurrency\s*:", "scaleAndConcurrency"),
                         (r"type\s*:\s*'blobContainer'", "deployment storage of type blobContainer"),
                         (r"'UserAssignedIdentity'", "deployment storage authenticated with the user-assigned identity"),
                         (r"keyVaultReferenceIdentity\s*:", "keyVaultReferenceIdentity (Key Vault references use the user-assigned identity)"),
                         (r"'functionapp,linux'", "a Linux function app")):
        if not re.search(needle, all_bicep):
            problem(f"missing: {what}")
    runtime = re.search(r"\bfunctionsRuntime\s*=\s*\{\s*name\s*:\s*'([^']+)'\s*version\s*:\s*'([^']+)'\s*\}", all_bicep)
    tfm = target_framework()
    expected_version = re.fullmatch(r"net(\d+\.\d+)", tfm or "")
    if not runtime or not re.search(r"runtime\s*:\s*functionsRuntime\b", all_bicep):
        problem("functionAppConfig.runtime must be `var functionsRuntime = { name: '...' version: '...' }` in functionapp.bicep")
    elif runtime.group(1) != FLEX_RUNTIME_NAME:
        problem(f"functionAppConfig.runtime.name is '{runtime.group(1)}'; the isolated worker needs '{FLEX_RUNTIME_NAME}'")
    elif not expected_version:
        problem(f"cannot read the app's TargetFramework (found {tfm!r}) to check functionAppConfig.runtime.version")
    elif runtime.group(2) != expected_version.group(1):
        problem(f"functionAppConfig.runtime.version is '{runtime.group(2)}' but the app targets {tfm} "
                f"(expected '{expected_version.group(1)}')")
    worker_runtime = sample_values.get("FUNCTIONS_WORKER_RUNTIME")
    if worker_runtime not in (None, FLEX_RUNTIME_NAME):
        if layout["custom_handler"] and worker_runtime == "custom":
            notes.append("local.settings.sample.json still says FUNCTIONS_WORKER_RUNTIME=custom (custom-handler layout)")
        else:
            problem(f"local.settings.sample.json has FUNCTIONS_WORKER_RUNTIME={worker_runtime}, but Azure runs {FLEX_RUNTIME_NAME}")
    if layout["isolated"] and not layout["custom_handler"]:
        for key in ("customHandler", "extensionBundle"):
            if key in host_json:
                problem(f"host.json still has {key}: the isolated worker brings its extensions (extensions.json); "
                        f"Azure would try to use it")

    # 4b. Durable Functions: the task hub lives in the host's (identity-based) storage, with the data roles below.
    durable = ((host_json.get("extensions") or {}).get("durableTask")) or {}
    if durable or uses_durable(sources):
        hub = str(durable.get("hubName") or "")
        hub_value = hub
        for ref in re.findall(r"%([^%]+)%", hub):
            if ref not in literals:
                problem(f"host.json durableTask.hubName uses %{ref}%, which infra/*.bicep does not set")
            hub_value = hub_value.replace(f"%{ref}%", sample_values.get(ref, "Hub"))
        if not hub:
            notes.append("host.json has no extensions.durableTask.hubName: Azure derives the task hub name from the app name")
        elif not re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,44}", hub_value):
            problem(f"host.json durableTask.hubName '{hub}' is not a valid Azure Storage task hub name "
                    "(3-45 letters and digits, starting with a letter)")
        provider = durable.get("storageProvider") or {}
        connection = provider.get("connectionName") or provider.get("connectionStringName") or "AzureWebJobsStorage"
        if connection != "AzureWebJobsStorage":
            identity_connection(connection, ("blob", "queue", "table"), "the Durable task hub")
        if str(provider.get("type", "AzureStorage")).lower() not in ("azurestorage", ""):
            problem(f"host.json durableTask.storageProvider.type is {provider.get('type')}: infra/ provisions the Azure Storage backend only")

    # 5. Tables, queues (with -poison) and containers the code uses.
    queues = [queue for _, queue, _ in triggers]
    queue_constants = string_constants(sources, "QueueNames") or []
    tables = [t for t in (string_constants(sources, "TableNames") or [])]
    containers = string_constants(sources, "ContainerNames") or []
    if not tables:
        problem("no TableNames constants found in the code (has the class moved?)")
    for var, expected, kind in (("tableNames", tables, "table"), ("queueNames", sorted(set(queues + queue_constants)), "queue"),
                                ("containerNames", containers, "blob container")):
        listed = bicep_list(main_text, var)
        if listed is None:
            problem(f"main.bicep has no `var {var} = [...]`"); continue
        for item in expected:
            if item not in listed:
                problem(f"{kind} {item} is used by the code but not in main.bicep var {var}")
        for item in listed:
            if item not in expected:
                problem(f"{kind} {item} is in main.bicep var {var} but the code no longer uses it")
    if "-poison" not in all_bicep:
        problem("the Bicep does not create the <queue>-poison queues")
    if not re.search(r"deploymentContainerName", all_bicep):
        problem("the Flex deployment container is not created")

    # 6. Key Vault references: every secret referenced is documented, the identity can read them, RBAC mode.
    for secret in sorted(set(re.findall(r"@Microsoft\.KeyVault\(SecretUri=\$\{\w+\}([a-z0-9-]+)/\)", all_bicep))):
        if f"`{secret}`" not in readme:
            problem(f"Key Vault secret {secret} is referenced by an app setting but not documented in infra/README.md")
    if not re.search(r"enableRbacAuthorization\s*:\s*true", all_bicep):
        problem("the Key Vault must use RBAC (enableRbacAuthorization: true)")
    for role, what in (("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User"),
                       ("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner"),
                       ("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor"),
                       ("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor"),
                       ("db58b8e5-c6ad-4a2a-8342-4190687cbf4a", "Storage Blob Delegator"),
                       ("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")):
        if role not in all_bicep:
            problem(f"role {what} ({role}) is not assigned")

    # 7. App Service Authentication leaves the HTTP API to its API keys and guards the admin page.
    #    The routes are under host.json's routePrefix ("api"); the admin page is an HTTP function under /api/admin/.
    route_prefix = "/" + str(((host_json.get("extensions") or {}).get("http") or {}).get("routePrefix", "api")).strip("/")
    route_prefix = "" if route_prefix == "/" else route_prefix
    excluded = bicep_list(main_text, "apiExcludedPaths")
    if excluded is None:
        problem("main.bicep has no `var apiExcludedPaths = [...]` for App Service Authentication")
    else:
        for seg in sorted(api_route_prefixes(sources)):
            for needed in (f"{route_prefix}/{seg}", f"{route_prefix}/{seg}/*"):
                if needed not in excluded:
                    problem(f"an HTTP function serves {route_prefix}/{seg}, but apiExcludedPaths lacks {needed} "
                            "(API-key callers would be sent to sign-in)")
        for path in excluded:
            if path in (f"{route_prefix}/*", route_prefix, "/*", "/") or path.lower().startswith(f"{route_prefix}/admin"):
                problem(f"apiExcludedPaths has {path}, which would leave the admin page unprotected")

    # 8. The parameters example matches main.bicep, with placeholders for secrets.
    params = declared_params(main_text)
    try:
        example = json.loads(read(PARAMS_EXAMPLE)).get("parameters", {})
    except ValueError as e:
        problem(f"main.parameters.example.json is not valid JSON: {e}"); example = {}
    for name in sorted(set(example) - set(params)):
        problem(f"main.parameters.example.json sets {name}, which main.bicep does not declare")
    for name, info in sorted(params.items()):
        if not info["has_default"] and name not in example:
            problem(f"main.parameters.example.json lacks required parameter {name}")
        value = (example.get(name) or {}).get("value")
        if info["secure"] and isinstance(value, str) and value and not re.fullmatch(r"<[^>]+>", value):
            problem(f"main.parameters.example.json holds a value for secure parameter {name}: use a <placeholder>")
    overrides = (example.get("appSettingOverrides") or {}).get("value") or {}
    tunables = bicep_list(main_text, "tunableAppSettings") or []
    for key in overrides:
        if key not in tunables and not any(t.endswith("__*") and key.startswith(t[:-1]) for t in tunables):
            problem(f"main.parameters.example.json overrides {key}, which is not in var tunableAppSettings")



def report() -> int:
    for note in notes:
        print(f"note: {note}")
    if problems:
        print(f"infra/ is out of step with the code ({len(problems)} problem(s)):")
        for p in problems:
            print(f"  - {p}")
        return 1
    print("infra/ is in step with the code: settings, storage names, identity, Flex runtime, Durable task hub, Key Vault, "
          "auth paths, parameters.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
