using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Sends.Running;
using Microsoft.Extensions.Options;

namespace CouponFunctions.App.Startup;

/// <summary>The composition root's part for segment sends (issue 10): use cases, links and pacing.</summary>
internal static class SendServices
{
    public const string PacingSection = "Sends:Pacing";

    public static IServiceCollection AddCouponSends(this IServiceCollection services, IConfiguration configuration, Uri adminUrl)
    {
        services.AddOptions<SendPacingOptions>().Bind(configuration.GetSection(PacingSection))
            .Validate(o => o.Problems().Count == 0, "Sends:Pacing has invalid settings (quotas at least 1, ChunkSize at least BatchSize).").ValidateOnStart();
        // Unsubscribe links go to the app's own root (the admin page's host); one-way (alphanumeric) SMS senders get the link, numbers "reply STOP".
        var sender = configuration["Notifications:Acs:SmsSender"];
        var kind = string.IsNullOrEmpty(sender) || sender.StartsWith('+') ? SmsSenderKind.PhoneNumber : SmsSenderKind.Alphanumeric;
        services.AddSingleton(new SendSettings(new Uri(adminUrl, "/"), adminUrl, kind));
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<UnsubscribeHandler>();
        services.AddSingleton<ManageSendsHandler>();
        services.AddSingleton<SendRunner>();
        services.AddSingleton<Core.Customers.ManageCustomersHandler>();
        services.AddSingleton<Core.Segments.ManageSegmentsHandler>();
        services.AddSingleton<Core.Customers.Import.CustomerImportHandler>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SendPacingOptions>>().Value);
        return services;
    }
}
