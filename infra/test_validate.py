#!/usr/bin/env python3
"""Self-test of infra/validate.py (run by infra/validate.sh): it must read both app layouts, the custom handler's
(functions/<Name>/function.json + Map*() routes) and the isolated worker's ([Function] classes with [QueueTrigger] and
[HttpTrigger] attributes, Durable Functions, host.json without customHandler), and still catch what is out of step.

Each case builds a small synthetic repository (selftest_repos.py) and runs validate.check() on it against this infra/.
"""
from __future__ import annotations

import json
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from selftest_repos import ISOLATED_HOST_JSON, SyntheticRepo, isolated_repo, legacy_repo  # noqa: E402
from validation import context as ctx  # noqa: E402
from validation import functions_code, settings_code  # noqa: E402

class ParsingTests(unittest.TestCase):
    def test_ResolveCsString_LiteralsConstantsNameofAndConcatenation_Resolved(self):
        constants = {"QueueNames.SyncStore": '"sync-store"', "SyncStore": '"sync-store"', "Prefix": '"a"', "Joined": 'Prefix + "/b"'}
        self.assertEqual(functions_code.resolve_cs_string('"x\\"y"', constants), 'x"y')
        self.assertEqual(functions_code.resolve_cs_string('@"c:\\path"', constants), "c:\\path")
        self.assertEqual(functions_code.resolve_cs_string("QueueNames.SyncStore", constants), "sync-store")
        self.assertEqual(functions_code.resolve_cs_string("CouponFunctions.Storage.Queues.QueueNames.SyncStore", constants), "sync-store")
        self.assertEqual(functions_code.resolve_cs_string("nameof(Functions.SyncStore)", constants), "SyncStore")
        self.assertEqual(functions_code.resolve_cs_string("Joined", constants), "a/b")
        self.assertIsNone(functions_code.resolve_cs_string("Unknown.Name", constants))
        self.assertIsNone(functions_code.resolve_cs_string('$"{x}"', constants))

    def test_Attributes_NestedParensStringsAndNamedArgs_Split(self):
        code = '[Function("F")] void M([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "a/{b}(c)")] HttpRequest r)'
        found = list(functions_code.attributes(code, "HttpTrigger"))
        self.assertEqual(len(found), 1)
        _, positional, named = found[0]
        self.assertEqual(positional, ["AuthorizationLevel.Anonymous", '"get"', '"post"'])
        self.assertEqual(named, {"Route": '"a/{b}(c)"'})
        self.assertEqual(functions_code.function_name_before(code, found[0][0], {}), "F")

    def test_ApiRoutePrefixes_HttpTriggerWithoutRoute_UsesFunctionName(self):
        repo = SyntheticRepo({"Api/Ping.cs": """
            internal sealed class Ping
            {
                [Function("ping")] public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest r) => null!;
            }
        """}, ISOLATED_HOST_JSON, {})
        try:
            previous = ctx.REPO
            ctx.use_repo(repo.dir)
            sources = {p: ctx.read(p) for p in settings_code.source_files()}
            self.assertEqual(functions_code.api_route_prefixes(sources), {"ping"})
        finally:
            ctx.use_repo(previous)
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
            self.assertFalse(any("custom handler" in n for n in ctx.notes))
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
            self.assertTrue(any("%NightlySchedule%" in p and "does not set" in p for p in repo.check()), ctx.problems)
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
                self.assertTrue(any(expected in p for p in repo.check()), (hub, ctx.problems))
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
