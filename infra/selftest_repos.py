"""Synthetic repositories for infra/test_validate.py: the app in each layout (the custom handler's function.json folders
and Map*() routes; the isolated worker's [Function] classes, Durable Functions and host.json), over this checkout's
shared/ (linked) and Directory.Build.props, in a temporary folder."""
from __future__ import annotations

import json
import shutil
import tempfile
import textwrap
from pathlib import Path

import validate
from validation import context as ctx

REAL_REPO = ctx.INFRA.parent

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
        previous = ctx.REPO
        ctx.use_repo(self.dir)
        try:
            validate.check()
            return list(ctx.problems)
        finally:
            ctx.use_repo(previous)

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
