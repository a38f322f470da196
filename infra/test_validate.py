#!/usr/bin/env python3
"""Self-test of infra/validate.py (run by infra/validate.sh): it must read both app layouts, the custom handler's
(functions/<Name>/function.json + Map*() routes) and the isolated worker's ([Function] classes with [QueueTrigger] and
[HttpTrigger] attributes, Durable Functions, host.json without customHandler), and still catch what is out of step.

Each case builds a small synthetic repository in a temporary folder: this checkout's shared/ (linked) and
Directory.Build.props, a local.settings.sample.json and host.json for the layout, and a few function sources; then
runs validate.check() against this infra/.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import validate  # noqa: E402

REAL_REPO = validate.INFRA.parent

ISOLATED_FUNCTIONS = {
    "Functions/QueueFunctions.cs": """
        using CouponFunctions.Storage.Queues;
        internal sealed class QueueFunctions
        {
            [Function(nameof(SyncStore))]
            public Task SyncStore([QueueTrigger(QueueNames.SyncStore, Connection = "CouponStorage")] string message) => Task.CompletedTask;

            [Function("RefreshStoreToken")]
            public Task RefreshStoreToken(
                [QueueTrigger("refresh-store-token", Connection = "CouponStorage")] string message,
                FunctionContext context) => Task.CompletedTask;

            // [QueueTrigger("commented-out")] is not a trigger.
            [Function(FunctionNames.InspectTenant)]
            public Task InspectTenant([QueueTriggerAttribute(queueName: QueueNames.InspectTenant, Connection = Connections.Storage)] string message) =>
                Task.CompletedTask;
        }
        internal static class FunctionNames { public const string InspectTenant = "InspectTenant"; }
        internal static class Connections { public const string Storage = "Coupon" + "Storage"; }
    """,
    "Functions/TimerFunctions.cs": """
        internal sealed class TimerFunctions
        {
            [Function("SyncCoupons")]
            public Task SyncCoupons([TimerTrigger("%SyncCouponsSchedule%", UseMonitor = true)] TimerInfo timer) => Task.CompletedTask;
            [Function("InspectCoupons")]
            public Task InspectCoupons([TimerTrigger("0 */5 * * * *")] TimerInfo timer) => Task.CompletedTask;
        }
    """,
    "Api/HttpFunctions.cs": """
        internal sealed class HttpFunctions
        {
            private const string StoreRoute = "stores/{storeId}";
            [Function("Health")] public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest r) => null!;
            [Function("Me")] public IActionResult Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest r) => null!;
            [Function("Stores")] public IActionResult Stores([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "stores")] HttpRequest r) => null!;
            [Function("Store")] public IActionResult Store([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StoreRoute)] HttpRequest r, string storeId) => null!;
            [Function("Coupons")] public IActionResult Coupons([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coupons/{id?}")] HttpRequest r) => null!;
            [Function("Findings")] public IActionResult Findings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "/findings")] HttpRequest r) => null!;
            [Function("Keys")] public IActionResult Keys([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "delete", Route = "keys/{*rest}")] HttpRequest r) => null!;
            [Function("Outbox")] public IActionResult Outbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "outbox")] HttpRequest r) => null!;
            [Function("Settings")] public IActionResult Settings([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "settings/alerts")] HttpRequest r) => null!;
            [Function("OAuthCallback")] public IActionResult Callback([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oauth/{platform}/callback")] HttpRequest r) => null!;
            [Function("AdminPage")] public IActionResult Admin([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/{*path}")] HttpRequest r) => null!;
        }
    """,
    "Durable/FanOut.cs": """
        internal sealed class FanOut
        {
            [Function(nameof(RunOrchestrator))]
            public Task<int> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) => Task.FromResult(0);
            [Function(nameof(Work))]
            public int Work([ActivityTrigger] string id) => 0;
        }
    """,
}

ISOLATED_HOST_JSON = {
    "version": "2.0",
    "extensions": {
        "http": {"routePrefix": "api"},
        "queues": {"batchSize": 16, "maxDequeueCount": 5},
        "durableTask": {"hubName": "CouponFunctions"},
    },
}

LEGACY_FUNCTIONS = {
    "CouponFunctions.Handler/Api/Endpoints.cs": """
        internal static class Endpoints
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                var api = app.MapGroup("/api");
                foreach (var segment in new[] { "x" }) { }
                api.MapGet("/health", () => "ok");
                api.MapGet("/me", () => "ok");
                app.MapGet("/api/stores/{storeId}", () => "ok");
                api.MapGet("/coupons", () => "ok");
                api.MapGet("/findings", () => "ok");
                api.MapPost("/keys", () => "ok");
                api.MapGet("/outbox", () => "ok");
                api.MapGet("/settings/alerts", () => "ok");
                api.MapGet("/oauth/{platform}/callback", () => "ok");
                api.MapGet("/admin/{*path}", () => "ok");
            }
        }
    """,
}


class SyntheticRepo:
    """A temporary repository: this checkout's shared/ and Directory.Build.props plus the given layout."""

    def __init__(self, functions: dict[str, str], host_json: dict, sample_edits: dict, function_json: dict | None = None,
                 app_dir: str = "CouponFunctions.App"):
        self.dir = Path(tempfile.mkdtemp(prefix="infra-selftest-"))
        (self.dir / "shared").symlink_to(REAL_REPO / "shared", target_is_directory=True)
        shutil.copy(REAL_REPO / "Directory.Build.props", self.dir / "Directory.Build.props")
        sample = json.loads((REAL_REPO / "local.settings.sample.json").read_text(encoding="utf-8-sig"))
        for key, value in sample_edits.items():
            if value is None:
                sample["Values"].pop(key, None)
            else:
                sample["Values"][key] = value
        (self.dir / "local.settings.sample.json").write_text(json.dumps(sample, indent=2))
        (self.dir / "host.json").write_text(json.dumps(host_json, indent=2))
        for rel, text in functions.items():
            target = self.dir / "functions" / (rel if rel.startswith("CouponFunctions.") else f"{app_dir}/{rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text))
        for name, bindings in (function_json or {}).items():
            target = self.dir / "functions" / name / "function.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps({"bindings": bindings}))

    def write(self, rel: str, text: str) -> None:
        target = self.dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text))

    def check(self) -> list[str]:
        previous = validate.REPO
        validate.REPO = self.dir
        try:
            validate.check()
            return list(validate.problems)
        finally:
            validate.REPO = previous

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def isolated_repo() -> SyntheticRepo:
    return SyntheticRepo(ISOLATED_FUNCTIONS, ISOLATED_HOST_JSON, {
        "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
        "Standalone__Url": None, "Runner__Enabled": None,
        "Sandbox__Url": "http://127.0.0.1:7072",
        "SyncCouponsSchedule": "0 */15 * * * *",
        "AzureFunctionsJobHost__extensions__queues__maxDequeueCount": "5",
    })


def legacy_repo() -> SyntheticRepo:
    queue = lambda q: [{"type": "queueTrigger", "direction": "in", "name": "message", "queueName": q, "connection": "CouponStorage"}]
    host = json.loads((REAL_REPO / "host.json").read_text(encoding="utf-8-sig"))
    host["customHandler"] = {"description": {"defaultExecutablePath": "handler/CouponFunctions.Handler"}}
    return SyntheticRepo(LEGACY_FUNCTIONS, host, {"FUNCTIONS_WORKER_RUNTIME": "custom"}, function_json={
        "SyncStore": queue("sync-store"), "InspectTenant": queue("inspect-tenant"),
        "RefreshStoreToken": queue("refresh-store-token"),
        "HttpApi": [{"type": "httpTrigger", "direction": "in", "name": "req", "route": "{*path}"}],
    })


class ParsingTests(unittest.TestCase):
    def test_ResolveCsString_LiteralsConstantsNameofAndConcatenation_Resolved(self):
        constants = {"QueueNames.SyncStore": '"sync-store"', "SyncStore": '"sync-store"', "Prefix": '"a"', "Joined": 'Prefix + "/b"'}
        self.assertEqual(validate.resolve_cs_string('"x\\"y"', constants), 'x"y')
        self.assertEqual(validate.resolve_cs_string('@"c:\\path"', constants), "c:\\path")
        self.assertEqual(validate.resolve_cs_string("QueueNames.SyncStore", constants), "sync-store")
        self.assertEqual(validate.resolve_cs_string("CouponFunctions.Storage.Queues.QueueNames.SyncStore", constants), "sync-store")
        self.assertEqual(validate.resolve_cs_string("nameof(Functions.SyncStore)", constants), "SyncStore")
        self.assertEqual(validate.resolve_cs_string("Joined", constants), "a/b")
        self.assertIsNone(validate.resolve_cs_string("Unknown.Name", constants))
        self.assertIsNone(validate.resolve_cs_string('$"{x}"', constants))

    def test_Attributes_NestedParensStringsAndNamedArgs_Split(self):
        code = '[Function("F")] void M([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "a/{b}(c)")] HttpRequest r)'
        found = list(validate.attributes(code, "HttpTrigger"))
        self.assertEqual(len(found), 1)
        _, positional, named = found[0]
        self.assertEqual(positional, ["AuthorizationLevel.Anonymous", '"get"', '"post"'])
        self.assertEqual(named, {"Route": '"a/{b}(c)"'})
        self.assertEqual(validate.function_name_before(code, found[0][0], {}), "F")

    def test_ApiRoutePrefixes_HttpTriggerWithoutRoute_UsesFunctionName(self):
        repo = SyntheticRepo({"Api/Ping.cs": """
            internal sealed class Ping
            {
                [Function("ping")] public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest r) => null!;
            }
        """}, ISOLATED_HOST_JSON, {})
        try:
            previous, validate.REPO = validate.REPO, repo.dir
            sources = {p: validate.read(p) for p in validate.source_files()}
            self.assertEqual(validate.api_route_prefixes(sources), {"ping"})
        finally:
            validate.REPO = previous
            repo.close()


class LayoutTests(unittest.TestCase):
    def test_Check_CustomHandlerLayout_InStep(self):
        repo = legacy_repo()
        try:
            self.assertEqual(repo.check(), [])
        finally:
            repo.close()

    def test_Check_IsolatedWorkerLayout_InStep(self):
        repo = isolated_repo()
        try:
            self.assertEqual(repo.check(), [])
            self.assertFalse(any("custom handler" in n for n in validate.notes))
        finally:
            repo.close()

    def test_Check_IsolatedNewHttpRouteNotExcluded_Reported(self):
        repo = isolated_repo()
        try:
            repo.write("functions/CouponFunctions.App/Api/Reports.cs", """
                internal sealed class Reports
                {
                    [Function("Reports")] public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{id}")] HttpRequest r) => null!;
                }
            """)
            problems = repo.check()
            self.assertTrue(any("/api/reports" in p and "apiExcludedPaths" in p for p in problems), problems)
        finally:
            repo.close()

    def test_Check_IsolatedNewQueueTrigger_Reported(self):
        repo = isolated_repo()
        try:
            repo.write("functions/CouponFunctions.App/Functions/Bulk.cs", """
                internal sealed class Bulk
                {
                    [Function("Bulk")] public Task Run([QueueTrigger("bulk-operations", Connection = "CouponStorage")] string m) => Task.CompletedTask;
                    [Function("Other")] public Task Other([QueueTrigger("%MissingQueueSetting%", Connection = "OtherStorage")] string m) => Task.CompletedTask;
                }
            """)
            problems = repo.check()
            self.assertTrue(any("queue bulk-operations is used by the code but not in main.bicep" in p for p in problems), problems)
            self.assertTrue(any("%MissingQueueSetting%" in p for p in problems), problems)
            self.assertTrue(any("OtherStorage__queueServiceUri is not set" in p for p in problems), problems)
        finally:
            repo.close()

    def test_Check_IsolatedTimerScheduleSettingNotSet_Reported(self):
        repo = isolated_repo()
        try:
            repo.write("functions/CouponFunctions.App/Functions/Nightly.cs", """
                internal sealed class Nightly
                {
                    [Function("Nightly")] public Task Run([TimerTrigger("%NightlySchedule%")] TimerInfo t) => Task.CompletedTask;
                }
            """)
            self.assertTrue(any("%NightlySchedule%" in p and "does not set" in p for p in repo.check()), validate.problems)
        finally:
            repo.close()

    def test_Check_IsolatedHostJsonWithCustomHandler_Reported(self):
        repo = isolated_repo()
        try:
            host = dict(ISOLATED_HOST_JSON, customHandler={"description": {"defaultExecutablePath": "x"}})
            repo.write("host.json", json.dumps(host))
            self.assertTrue(any("host.json still has customHandler" in p for p in repo.check()))
        finally:
            repo.close()

    def test_Check_DurableHubNameInvalidOrUnsetSetting_Reported(self):
        repo = isolated_repo()
        try:
            for hub, expected in (("coupon-hub", "not a valid Azure Storage task hub name"),
                                  ("%TaskHubName%", "uses %TaskHubName%, which infra/*.bicep does not set")):
                host = json.loads(json.dumps(ISOLATED_HOST_JSON))
                host["extensions"]["durableTask"]["hubName"] = hub
                repo.write("host.json", json.dumps(host))
                self.assertTrue(any(expected in p for p in repo.check()), (hub, validate.problems))
        finally:
            repo.close()

    def test_Check_TargetFrameworkDiffersFromFlexRuntime_Reported(self):
        repo = isolated_repo()
        try:
            repo.write("functions/CouponFunctions.App/CouponFunctions.App.csproj",
                       "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>")
            self.assertTrue(any("runtime.version is '10.0' but the app targets net9.0" in p for p in repo.check()))
        finally:
            repo.close()

    def test_Check_WorkerRuntimeCustomWithoutCustomHandler_Reported(self):
        repo = isolated_repo()
        try:
            sample = json.loads((repo.dir / "local.settings.sample.json").read_text())
            sample["Values"]["FUNCTIONS_WORKER_RUNTIME"] = "custom"
            repo.write("local.settings.sample.json", json.dumps(sample))
            self.assertTrue(any("FUNCTIONS_WORKER_RUNTIME=custom" in p for p in repo.check()))
        finally:
            repo.close()


if __name__ == "__main__":
    unittest.main()
