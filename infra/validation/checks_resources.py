"""The checks about the resources: tables, queues and containers, Key Vault and roles, the App Service Authentication
paths, and the parameters example."""
from __future__ import annotations

import json
import re

from . import context as ctx
from .context import problem, read
from .bicep_text import bicep_list, declared_params
from .functions_code import api_route_prefixes
from .inputs import Inputs
from .settings_code import string_constants


def check_storage_names(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
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


def check_key_vault(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
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


def check_auth_paths(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
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


def check_parameters(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
    # 8. The parameters example matches main.bicep, with placeholders for secrets.
    params = declared_params(main_text)
    try:
        example = json.loads(read(ctx.PARAMS_EXAMPLE)).get("parameters", {})
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
