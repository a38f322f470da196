"""The settings the code reads: local.settings.sample.json, literal configuration reads, environment variables, and every
property of every options class; plus the const strings of a class (TableNames, QueueNames, ContainerNames)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import context as ctx
from .context import read

SCALAR_TYPES = {"string", "bool", "int", "long", "short", "byte", "double", "float", "decimal", "TimeSpan", "Uri",
                "DateTimeOffset", "DateTime", "Guid", "char", "uint", "ulong"}
COLLECTION = re.compile(r"^(Dictionary|IDictionary|IReadOnlyDictionary|List|IList|IReadOnlyList|ICollection|"
                        r"IReadOnlyCollection|IEnumerable|HashSet|ISet)<|\[\]$")

def strip_cs_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(?m)//.*$", "", text)


def source_files() -> list[Path]:
    files = []
    for top in ("functions", "shared"):
        for path in (ctx.REPO / top).rglob("*.cs"):
            parts = set(path.relative_to(ctx.REPO).parts)
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
    sample = json.loads(read(ctx.REPO / "local.settings.sample.json"))
    for key in sample.get("Values", {}):
        read_by.setdefault(key, "local.settings.sample.json")
    for path, text in sources.items():
        rel = str(path.relative_to(ctx.REPO))
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
                read_by.setdefault(name, f"{path.relative_to(ctx.REPO)} ({cls}.{prop_name})")
    return read_by


def string_constants(sources: dict[Path, str], class_name: str) -> list[str] | None:
    found = find_class(sources, class_name)
    if not found:
        return None
    return re.findall(r'const\s+string\s+\w+\s*=\s*"([^"]+)"', found[0])
