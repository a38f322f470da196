using System.Text.RegularExpressions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sends;

/// <summary>The checks of POST /api/sends, each naming its field; nothing is written unless every check passes.</summary>
public static partial class SendRequestValidator
{
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CampaignPattern();

    /// <summary>Shape checks: ids, channels, campaign, landing URL, message templates (unknown placeholders named).</summary>
    public static ValidationErrors Parse(SendRequestInput input, out ParsedSendRequest? request, bool requireSchedule = true)
    {
        var errors = new ValidationErrors();
        request = null;
        if (!SegmentId.TryParse(input.SegmentId?.Trim(), out var segmentId)) errors.Add("segmentId", "Segment id is required.");
        if (!StoreId.TryParse(input.StoreId?.Trim(), out var storeId)) errors.Add("storeId", "Store id is required.");
        var couponId = input.CouponId?.Trim();
        if (string.IsNullOrEmpty(couponId) || couponId.Length > 128 || !SafeText.IsSafe(couponId)) errors.Add("couponId", "Coupon id is required (the platform's id of the coupon).");

        var channels = new List<ContactChannel>();
        foreach (var name in input.Channels ?? [])
        {
            ContactChannel? channel = name?.Trim().ToLowerInvariant() switch { "email" => ContactChannel.Email, "sms" => ContactChannel.Sms, _ => null };
            if (channel is null) errors.Add("channels", $"'{name}' is not a channel; use email and/or sms.");
            else if (!channels.Contains(channel.Value)) channels.Add(channel.Value);
        }

        if (channels.Count == 0 && !errors.ContainsKey("channels")) errors.Add("channels", "Choose email, sms or both.");
        if (requireSchedule && input.ScheduledAt is null) errors.Add("scheduledAt", "The send time is required.");

        var campaign = string.IsNullOrWhiteSpace(input.Campaign) ? null : input.Campaign.Trim();
        if (campaign is not null && !CampaignPattern().IsMatch(campaign)) errors.Add("campaign", "Campaign is 1–64 letters, digits, '.', '_' or '-'.");

        Uri? landing = null;
        if (!string.IsNullOrWhiteSpace(input.LandingUrl) && !Uri.TryCreate(input.LandingUrl.Trim(), UriKind.Absolute, out landing))
            errors.Add("landingUrl", "The landing URL is not an absolute URL.");

        var renderer = SendMessageRenderer.Create(input.Message, channels);
        if (!renderer.IsOk) foreach (var (field, messages) in renderer.Errors!) foreach (var m in messages) errors.Add(field, m);

        if (errors.IsEmpty)
            request = new ParsedSendRequest(segmentId, storeId, couponId!, channels, input.ScheduledAt, input.Message!, renderer.Value!, campaign, landing);
        return errors;
    }

    /// <summary>The checks against stored data: store, segment, one unfinished send per segment, time, coupon, quantity, reach, links, rendering.</summary>
    public static ValidationErrors Check(ParsedSendRequest request, SendValidationContext context, bool checkSchedule = true)
    {
        var errors = new ValidationErrors();
        var store = context.Store;
        if (store is null) errors.Add("storeId", "No such store in this workspace.");
        else if (store.Status != StoreStatus.Active) errors.Add("storeId", $"The store is {store.Status}; sends need an active store.");

        if (context.Segment is null) errors.Add("segmentId", "No such segment in this workspace.");
        else if (context.SegmentHasUnfinishedSend) errors.Add("segmentId", "The segment already has a send that is scheduled or running; cancel it or wait until it is over.");

        var zone = store is null ? null : Coupons.Listing.StoreZones.Find(store.TimeZoneId);
        if (checkSchedule && zone is not null && request.ScheduledAt is { } at && SendSchedule.Check(at, context.Now, zone) is { } timeError)
            errors.Add("scheduledAt", timeError);

        var sendAt = request.ScheduledAt ?? context.Now;
        var coupon = context.Coupon;
        if (coupon is null) errors.Add("couponId", "No such coupon in this store.");
        else if (store is not null && coupon.Platform != store.Platform) errors.Add("couponId", "The coupon is not of this store's platform.");
        else if (CouponSendability.KindRefusal(coupon) is { } kind) errors.Add("couponId", kind);
        else if (CouponSendability.LifeRefusal(coupon, context.Now) is { } now) errors.Add("couponId", now);
        else if (CouponSendability.LifeRefusal(coupon, sendAt) is { } later) errors.Add("couponId", later);

        foreach (var channel in request.Channels)
            if (context.Segment is not null && context.Reach.On(channel) == 0)
                errors.Add("channels", $"No member of the segment can be reached by {Name(channel)} (a {(channel == ContactChannel.Email ? "email address" : "mobile number")} and consent, not opted out).");

        var reachable = context.Reach.OnAny(request.Channels);
        if (coupon?.RemainingQuantity is { } remaining && remaining < reachable && !errors.ContainsKey("couponId"))
            errors.Add("couponId", $"The coupon has {remaining:N0} left, fewer than the segment's {reachable:N0} reachable members.");

        Uri? landing = null;
        if (store is not null)
        {
            landing = ClaimLinks.Landing(store, request.LandingUrl, out var linkError);
            if (linkError is not null) errors.Add("landingUrl", linkError);
        }

        if (coupon is not null && string.IsNullOrEmpty(coupon.Code))
            foreach (var (field, placeholder) in request.Renderer.Uses())
                if (placeholder == MessageTemplate.CouponCode)
                    errors.Add(field, "Uses {{coupon.code}}, but this coupon has no code (customers collect it instead); remove the placeholder.");

        if (errors.IsEmpty && store is not null && coupon is not null && landing is not null && request.Channels.Contains(ContactChannel.Sms))
        {
            var sms = Sample(request, context, store, coupon, landing);
            if (sms.Text.Length > SendMessageRenderer.MaxSmsCharacters)
                errors.Add("message.smsText", $"The SMS renders to {sms.Text.Length:N0} characters; the provider takes at most {SendMessageRenderer.MaxSmsCharacters:N0}.");
        }

        return errors;
    }

    /// <summary>The send to store once every check passed.</summary>
    public static SegmentSend ToSend(ParsedSendRequest request, TenantId tenantId, SendId id, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        Id = id,
        SegmentId = request.SegmentId,
        StoreId = request.StoreId,
        CouponId = request.CouponId,
        Channels = request.Channels,
        ScheduledAt = request.ScheduledAt ?? throw new InvalidOperationException("A send to store has a time."),
        Message = request.Message,
        Campaign = request.Campaign,
        LandingUrl = request.LandingUrl,
        CreatedAt = now,
    };

    internal static RenderedSms Sample(ParsedSendRequest request, SendValidationContext context, Store store, Coupons.Coupon coupon, Uri landing)
    {
        var token = context.Tokens.Create(new UnsubscribeRequest(store.TenantId, CustomerId.Parse("sample"), ContactChannel.Sms, SendId.Parse("send-0000000000000000")));
        var render = new RenderContext(context.SampleCustomerName, coupon, store, landing, request.Campaign ?? "send-0000000000000000");
        return request.Renderer.RenderSms(render, context.SmsSender, UnsubscribeLinks.Url(context.PublicBaseUrl, token));
    }

    private static string Name(ContactChannel channel) => channel == ContactChannel.Email ? "email" : "SMS";
}
