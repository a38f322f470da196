"""Everything the checks read, gathered once: the code (sources, settings, sample settings, host.json, layout,
triggers) and the Bicep (texts, comment-free text, the setting names it sets)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NamedTuple

from . import context as ctx
from .context import notes, problem, read
from .bicep_text import app_setting_keys, bicep_files, check_balanced, check_modules, strip_bicep_comments
from .functions_code import app_layout, function_triggers
from .settings_code import app_settings, source_files


class Inputs(NamedTuple):
    sources: dict[Path, str]
    wanted: dict[str, str]             # setting -> where the code reads it
    sample_values: dict
    host_json: dict
    layout: dict[str, bool]
    texts: dict[Path, str]             # Bicep file -> text
    all_bicep: str                     # every Bicep file, comments stripped
    main_text: str
    literals: set[str]                 # the setting names the Bicep sets
    readme: str
    triggers: list[tuple[str, str, str]]  # (function, queue, connection)


def gather() -> Inputs | None:
    """Reads the code and the Bicep; None (with a problem) when a file the checks need is missing."""
    for required in (ctx.MAIN, ctx.PARAMS_EXAMPLE, ctx.README, ctx.REPO / "local.settings.sample.json", ctx.REPO / "host.json"):
        if not required.is_file():
            problem(f"{required} is missing")
    if ctx.problems:
        return None
    sources = {p: read(p) for p in source_files()}
    sample_values = json.loads(read(ctx.REPO / "local.settings.sample.json")).get("Values", {})
    layout = app_layout(sources)
    if layout["custom_handler"]:
        notes.append("the custom handler's function.json folders are still here: infra/ targets the isolated worker "
                     "(dotnet-isolated); its queue and route checks read both layouts meanwhile")

    texts = {p: read(p) for p in bicep_files()}
    for path, text in texts.items():
        check_balanced(path, text)
        check_modules(path, text)
    all_bicep = "\n".join(strip_bicep_comments(t) for t in texts.values())
    main_text = texts[ctx.MAIN]
    # Every single-quoted literal that looks like an app setting (A__B..., or an UPPER_CASE platform name), and the
    # keys of the objects the appSettings union combines.
    literals = set(re.findall(r"'([A-Za-z][A-Za-z0-9_]*(?:__[A-Za-z0-9_*]+)+)'", all_bicep))
    literals |= set(re.findall(r"^\s*([A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+)\s*:", all_bicep, flags=re.M))
    literals |= {s for s in re.findall(r"^\s*([A-Z][A-Z0-9_]+)\s*:", all_bicep, flags=re.M) if "_" in s}
    literals |= app_setting_keys(main_text)
    return Inputs(sources, app_settings(sources), sample_values, json.loads(read(ctx.REPO / "host.json")), layout, texts,
                  all_bicep, main_text, literals, read(ctx.README), function_triggers(sources, sample_values))
