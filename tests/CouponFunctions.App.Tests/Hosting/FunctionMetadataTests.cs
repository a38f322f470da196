using System.Text.Json.Nodes;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.App.Tests.Hosting;

/// <summary>
/// The worker's generated functions.metadata (what the host indexes) agrees with the code: every function of the app,
/// the queues the code sends to, and the host.json settings the app relies on.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly string Output = BuildOutput.Find("CouponFunctions.App", "CouponFunctions.App.dll");
    private static readonly JsonArray Functions = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")))!.AsArray();

    private static IEnumerable<JsonNode> Triggers(string type) =>
        Functions.Select(f => f!["bindings"]!.AsArray().First()!).Where(b => b["type"]!.GetValue<string>() == type);

    private static string Name(JsonNode trigger) => Functions.Single(f => f!["bindings"]![0] == trigger)!["name"]!.GetValue<string>();

    [Fact]
    public void QueueNames_EveryMessageTheCodeSends_HasAFunctionConsumingItsQueue()
    {
        var consumed = Triggers("queueTrigger").ToDictionary(t => t["queueName"]!.GetValue<string>(), Name);

        Assert.Equal(QueueNames.Messages.Values.Distinct().Order(), consumed.Keys.Order());
        Assert.Equal("SyncStore", consumed[QueueNames.SyncStore]);
        Assert.Equal("InspectTenant", consumed[QueueNames.InspectTenant]);
        Assert.Equal("RefreshStoreToken", consumed[QueueNames.RefreshStoreToken]);
        Assert.All(Triggers("queueTrigger"), t => Assert.Equal("CouponStorage", t["connection"]!.GetValue<string>()));
    }

    [Fact]
    public void Metadata_EveryFunctionOfTheApp_IsListed()
    {
        string[] expected =
        [
            "SyncCoupons", "InspectCoupons", "RefreshTokens", "SyncStore", "InspectTenant", "RefreshStoreToken",
            "GetHealth", "ProbeDurable", "ProbeStorageOrchestration", "ProbeStorageActivity", "ServeAdminPage",
            "GetMe", "ListKeys", "IssueKey", "RevokeKey",
            "ListStores", "GetStore", "AddStore", "UpdateStore", "DisableStore", "EnableStore", "RequestSync", "ListSyncRuns",
            "ListPlatformFailures", "StartAuthorization", "CompleteAuthorization",
            "ListCoupons", "ExportCoupons", "GetCoupon", "ListFindings", "GetAlertSettings", "SaveAlertSettings", "ListOutbox", "GetNotification",
            "ListCustomers", "GetCustomer", "UpsertCustomer", "PatchCustomer", "DeleteCustomer",
            "ImportCustomers", "GetCustomerImport", "ImportCustomersOrchestration", "ImportCustomersActivity",
            "ListSegments", "GetSegment", "CreateSegment", "ReplaceSegment", "DeleteSegment", "ListSegmentMembers", "ChangeSegmentMembers", "ChangeSegmentMembersFromCsv",
            "ScheduleSend", "PreviewSend", "ListSends", "GetSend", "CancelSend", "GetSendReport", "Unsubscribe", "ListSendSlots",
            "StartDueSends", "RunSendOrchestration", "BeginSend", "SendWave", "FinishSend",
            "GetAttention", "AcknowledgeFinding", "UnacknowledgeFinding",
            "GetDailyPerformance", "GetDiagnosis", "GetReportingSettings", "SaveReportingSettings",
            "ListTemplates", "GetTemplate", "AddTemplate", "UpdateTemplate", "DeleteTemplate", "PreviewDeployment", "StartDeployment",
            "PreviewCouponAction", "ListJobs", "GetJob", "CancelJob", "GetFailureReport", "AnswerCanary", "StartCouponAction", "SetCouponCampaign", "ListCampaigns",
            "DeployTemplateOrchestration", "PlanJobActivity", "DeployStoreActivity", "FailDeployItemActivity", "RecountJobActivity", "CancelJobActivity",
            "BulkActionOrchestration", "PlanBulkActionActivity", "RunBulkActionBatchActivity", "FailBulkActionBatchActivity",
        ];

        Assert.Equal(expected.Order(), Functions.Select(f => f!["name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public void Timers_Schedules_AreAppSettingsWithMonitoredOccurrences()
    {
        var timers = Triggers("timerTrigger").ToDictionary(Name, t => t);

        Assert.Equal(["InspectCoupons", "RefreshTokens", "StartDueSends", "SyncCoupons"], timers.Keys.Order());
        Assert.All(timers, t => Assert.Equal($"%{t.Key}Schedule%", t.Value["schedule"]!.GetValue<string>()));
        Assert.All(timers.Values, t => Assert.True(t["useMonitor"]!.GetValue<bool>()));
    }

    [Fact]
    public void Host_Settings_AreWhatTheAppExpects()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "host.json")))!;

        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("base64", host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());
        Assert.Equal(5, host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(host["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>()));
        Assert.Null(host["customHandler"]);
        Assert.Null(host["extensionBundle"]);
        Assert.All(Triggers("httpTrigger"), t => Assert.Equal("anonymous", t["authLevel"]!.GetValue<string>().ToLowerInvariant()));
    }
}
