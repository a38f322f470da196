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

The work is in validation/: context (what is checked, what was found), policy (setting decisions), settings_code and
functions_code (reading the C#), bicep_text (reading the Bicep), inputs, checks_app and checks_resources. Both app
layouts pass while the move to the isolated worker lands (infra/test_validate.py checks that on synthetic sources). Exit status 0 when everything holds; 1 with a list of problems otherwise. --print-settings prints what the
code reads; --repo PATH checks another checkout's code against this infra/.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validation import context as ctx  # noqa: E402
from validation.checks_app import check_durable, check_identity, check_runtime, check_settings  # noqa: E402
from validation.checks_resources import (check_auth_paths, check_key_vault, check_parameters,  # noqa: E402
                                         check_storage_names)
from validation.functions_code import clear_constant_cache  # noqa: E402
from validation.inputs import gather  # noqa: E402
from validation.settings_code import app_settings, source_files  # noqa: E402
from validation.context import read  # noqa: E402


def check() -> None:
    """Runs every check against ctx.REPO's code and this infra/, filling ctx.problems and ctx.notes."""
    ctx.problems.clear(); ctx.notes.clear(); clear_constant_cache()
    inputs = gather()
    if inputs is None:
        return
    for step in (check_settings, check_identity, check_runtime, check_durable,
                 check_storage_names, check_key_vault, check_auth_paths, check_parameters):
        step(inputs)


def report() -> int:
    for note in ctx.notes:
        print(f"note: {note}")
    if ctx.problems:
        print(f"infra/ is out of step with the code ({len(ctx.problems)} problem(s)):")
        for p in ctx.problems:
            print(f"  - {p}")
        return 1
    print("infra/ is in step with the code: settings, storage names, identity, Flex runtime, Durable task hub, Key Vault, "
          "auth paths, parameters.")
    return 0


def main(argv: list[str]) -> int:
    if "--repo" in argv:
        ctx.use_repo(Path(argv[argv.index("--repo") + 1]))
    if "--print-settings" in argv:
        sources = {p: read(p) for p in source_files()}
        for name, where in sorted(app_settings(sources).items()):
            print(f"{name:60} {where}")
        return 0
    check()
    return report()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
