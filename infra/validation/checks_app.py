"""The checks about the app's settings, its storage identity, the Flex runtime and the Durable task hub."""
from __future__ import annotations

import re

from .context import notes, problem
from .functions_code import target_framework, trigger_setting_references, uses_durable
from .bicep_text import strip_bicep_comments
from .inputs import Inputs
from .policy import (AHEAD_OF_APP, FLEX_FORBIDDEN_SETTINGS, FLEX_RUNTIME_NAME, HOST_JSON_OVERRIDE_PREFIX,
                     HOST_PROVIDED_PREFIXES, NOT_FOR_AZURE, PLATFORM_PREFIXES, PLATFORM_SETTINGS)


def check_settings(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
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
            notes.append(f"{name} is now read by the app ({wanted[name]}): drop it from AHEAD_OF_APP in infra/validation/policy.py")
        elif name in literals:
            notes.append(f"provided ahead of the app (not read yet): {name}")
            if name not in readme:
                problem(f"ahead-of-app setting {name} is not documented in infra/README.md")
    for name in sorted(FLEX_FORBIDDEN_SETTINGS & literals):
        problem(f"{name} must not be an app setting on Flex Consumption (the platform rejects it)")


def identity_connection(literals: set[str], prefix: str, services: tuple[str, ...], why: str) -> None:
    """The identity-based settings of one storage connection: service URIs (or __accountName), credential, clientId."""
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


def check_identity(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
    # 3. Identity-based storage for the app, the host and the Durable task hub (user-assigned identity); no shared keys.
    # The app's SDK clients read the three service URIs and __clientId (CouponStorage section).
    identity_connection(literals, "CouponStorage", ("blob", "queue", "table"), "the app's database")
    # The host's storage: blobs (leases, keys, timer schedule status), queues and tables (Durable, diagnostics).
    identity_connection(literals, "AzureWebJobsStorage", ("blob", "queue", "table"), "the Functions host's storage")
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


def check_runtime(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
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


def check_durable(i: Inputs) -> None:
    sources, wanted, sample_values, host_json, layout, texts, all_bicep, main_text, literals, readme, triggers = i
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
            identity_connection(literals, connection, ("blob", "queue", "table"), "the Durable task hub")
        if str(provider.get("type", "AzureStorage")).lower() not in ("azurestorage", ""):
            problem(f"host.json durableTask.storageProvider.type is {provider.get('type')}: infra/ provisions the Azure Storage backend only")
