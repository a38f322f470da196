using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Sends;

/// <summary>
/// Sends table, one partition per tenant: "s_{send}" send rows, "m_{segment}" the segment's unfinished-send marker,
/// "q_{send}" the send's coupon allocation. SendRecipients and SendOutcomes: one partition per send "{tenant}_{send}",
/// recipient rows keyed by their zero-padded index, outcome rows by "{channel}_{customer}".
/// </summary>
internal static class SendKeys
{
    public static string SendRow(SendId id) => $"s_{id.Value}";

    public static string MarkerRow(SegmentId id) => $"m_{id.Value}";

    public static string AllocationRow(SendId id) => $"q_{id.Value}";

    public static string SendPartition(TenantId tenantId, SendId id) => $"{tenantId.Value}_{id.Value}";

    /// <summary>The recipients partition's "snapshot complete" row (sorts after every numbered row; never read as a recipient).</summary>
    public const string SnapshotRow = "snapshot";

    public static string RecipientRow(int index) => index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    public static string OutcomeRow(ContactChannel channel, CustomerId customer) => $"{Channel(channel)}_{customer.Value}";

    /// <summary>A channel's wave mark of recipient block <paramref name="block"/> (indices [block × 100, block × 100 + 100)) in the
    /// recipients partition: "w_email_00000012" sorts after the numbered rows and "snapshot", so neither range read sees it.</summary>
    public static string WaveMarkRow(ContactChannel channel, int block) => $"w_{Channel(channel)}_{block.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A channel's batch row of the wave over [from, from + count) in the recipients partition: "x_email_…" sorts after the
    /// numbered rows, "snapshot" and the wave marks, so none of their range reads sees it.</summary>
    public static string BatchRow(ContactChannel channel, int from, int count) =>
        $"{BatchPrefix(channel)}{from.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)}_{count.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)}";

    public static string BatchPrefix(ContactChannel channel) => $"x_{Channel(channel)}_";

    public static string Channel(ContactChannel channel) => channel == ContactChannel.Email ? "email" : "sms";

    public static ContactChannel ParseChannel(string? value) => value == "sms" ? ContactChannel.Sms : ContactChannel.Email;
}

internal static class SendEntityMapper
{
    public static TableEntity ToEntity(SegmentSend send) => new(send.TenantId.Value, SendKeys.SendRow(send.Id))
    {
        ["SegmentId"] = send.SegmentId.Value,
        ["StoreId"] = send.StoreId.Value,
        ["CouponId"] = send.CouponId,
        ["Channels"] = string.Join(',', send.Channels.Select(SendKeys.Channel)),
        ["ScheduledAt"] = send.ScheduledAt,
        ["Message"] = JsonSerializer.Serialize(send.Message, MessageJson.Options),
        ["Campaign"] = send.Campaign,
        ["LandingUrl"] = send.LandingUrl?.AbsoluteUri,
        ["Status"] = send.Status.ToString(),
        ["Recipients"] = send.Counts.Recipients,
        ["Sent"] = send.Counts.Sent,
        ["Failed"] = send.Counts.Failed,
        ["CreatedAt"] = send.CreatedAt,
        ["StartedAt"] = send.StartedAt,
        ["FinishedAt"] = send.FinishedAt,
        ["CancelledAt"] = send.CancelledAt,
    };

    public static SegmentSend FromEntity(TenantId tenantId, TableEntity e) => new()
    {
        TenantId = tenantId,
        Id = SendId.Parse(e.RowKey[2..]),
        SegmentId = SegmentId.Parse(e.GetString("SegmentId")),
        StoreId = StoreId.Parse(e.GetString("StoreId")),
        CouponId = e.GetString("CouponId") ?? string.Empty,
        Channels = (e.GetString("Channels") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(SendKeys.ParseChannel).ToList(),
        ScheduledAt = e.GetDateTimeOffset("ScheduledAt") ?? DateTimeOffset.MinValue,
        Message = JsonSerializer.Deserialize<SendMessage>(e.GetString("Message") ?? "{}", MessageJson.Options) ?? new SendMessage(null, null, null),
        Campaign = e.GetString("Campaign"),
        LandingUrl = e.GetString("LandingUrl") is { Length: > 0 } url ? new Uri(url) : null,
        Status = Enum.Parse<SendStatus>(e.GetString("Status") ?? nameof(SendStatus.Scheduled)),
        Counts = new SendCounts(e.GetInt32("Recipients") ?? 0, e.GetInt32("Sent") ?? 0, e.GetInt32("Failed") ?? 0),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        StartedAt = e.GetDateTimeOffset("StartedAt"),
        FinishedAt = e.GetDateTimeOffset("FinishedAt"),
        CancelledAt = e.GetDateTimeOffset("CancelledAt"),
        Version = e.ETag.ToString(),
    };

    public static TableEntity ToEntity(TenantId tenantId, RecipientOutcome o) => new(SendKeys.SendPartition(tenantId, o.SendId), SendKeys.OutcomeRow(o.Channel, o.CustomerId))
    {
        ["CustomerId"] = o.CustomerId.Value,
        ["Channel"] = SendKeys.Channel(o.Channel),
        ["State"] = o.State.ToString(),
        ["FirstAttemptAt"] = o.FirstAttemptAt,
        ["To"] = o.To,
        ["ProviderMessageId"] = o.ProviderMessageId,
        ["Reason"] = o.Reason?.ToString(),
        ["Detail"] = o.Detail,
        ["Batch"] = o.Batch,
    };

    public static RecipientOutcome OutcomeFromEntity(SendId sendId, TableEntity e) => new(
        sendId,
        CustomerId.Parse(e.GetString("CustomerId")),
        SendKeys.ParseChannel(e.GetString("Channel")),
        Enum.Parse<DeliveryState>(e.GetString("State") ?? nameof(DeliveryState.Attempted)),
        e.GetDateTimeOffset("FirstAttemptAt") ?? DateTimeOffset.MinValue,
        e.GetString("To"),
        e.GetString("ProviderMessageId"),
        e.GetString("Reason") is { Length: > 0 } reason ? Enum.Parse<FailureReason>(reason) : null,
        e.GetString("Detail"),
        e.GetString("Batch"));
}
