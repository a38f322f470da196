using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Attention;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Alerts;
using CouponFunctions.Storage.Attention;
using CouponFunctions.Storage.Coupons;
using CouponFunctions.Storage.Customers;
using CouponFunctions.Storage.Inspections;
using CouponFunctions.Storage.Jobs;
using CouponFunctions.Storage.Notifications;
using CouponFunctions.Storage.Notifications.Acs;
using CouponFunctions.Storage.Performance;
using CouponFunctions.Storage.Platforms;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Storage.ReadModel;
using CouponFunctions.Storage.Reports;
using CouponFunctions.Storage.Segments;
using CouponFunctions.Storage.Sends;
using CouponFunctions.Storage.Stores;
using CouponFunctions.Storage.Sync;
using CouponFunctions.Storage.Templates;
using CouponFunctions.Storage.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Storage;

/// <summary>Registers the Azure SDK storage clients and every store adapter (repositories, recorders, runner state).</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCouponStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        CouponStorageOptions.AddStorageClients(services, configuration);
        services.AddSingleton<ISecretProtector>(_ => AesGcmSecretProtector.FromBase64(configuration["Security:EncryptionKey"]));
        services.AddSingleton<StorageInitializer>();

        services.AddSingleton<ITenantRepository, TenantRepository>();
        services.AddSingleton<IApiKeyRepository, ApiKeyRepository>();
        services.AddSingleton<StoreEntityMapper>();
        services.AddSingleton<ReadModelVersion>();
        services.AddSingleton<IStoreRepository, StoreRepository>();
        services.AddSingleton<PlatformFailureRecorder>();
        services.AddSingleton<IPlatformCallRecorder>(sp => sp.GetRequiredService<PlatformFailureRecorder>());
        services.AddSingleton<IPlatformFailureLog>(sp => sp.GetRequiredService<PlatformFailureRecorder>());

        services.AddSingleton<ICouponRepository, CouponRepository>();
        services.AddSingleton<CampaignOverlayWriter>();
        services.AddSingleton<ICouponCampaigns, CouponCampaignRepository>();
        services.AddSingleton<ISyncStateRepository, SyncStateRepository>();
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton<IAlertSettingsRepository, AlertSettingsRepository>();
        services.AddSingleton<IInspectionRepository, InspectionRepository>();
        services.AddSingleton<IFindingAcknowledgements, FindingAcknowledgementRepository>();
        services.AddSingleton<IStoreDayTotals, DayTotalsStore>();
        services.AddSingleton<IReportingSettingsRepository, ReportingSettingsRepository>();
        services.AddSingleton<StoreReadModelWriter>();
        services.AddSingleton<IStoreReadModel>(sp => sp.GetRequiredService<StoreReadModelWriter>());
        services.AddSingleton<IFindingsReadModel>(sp => sp.GetRequiredService<StoreReadModelWriter>());
        services.AddSingleton<ICouponReadModel, CouponReadModelCache>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ITemplateRepository, TemplateRepository>();
        services.AddSingleton<IJobRepository, JobRepository>();
        services.AddSingleton<ICreateAttemptRepository, CreateAttemptRepository>();
        services.AddSingleton<IFailureReportStore, FailureReportStore>();
        AddNotifications(services, configuration);
        AddSms(services, configuration);
        AddCustomerEmail(services, configuration);
        AddCustomersAndSends(services);
        return services;
    }

    /// <summary>Notifications:Sink = "outbox" (default: the blob outbox the admin page shows) or "acs" (ACS Email, logged in the outbox too).</summary>
    private static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxNotificationSink>();
        services.AddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<OutboxNotificationSink>());
        var sink = configuration["Notifications:Sink"] ?? "outbox";
        if (sink.Equals("acs", StringComparison.OrdinalIgnoreCase))
        {
            var connection = configuration["Notifications:Acs:ConnectionString"]
                ?? throw new InvalidOperationException("Notifications:Sink is 'acs' but Notifications:Acs:ConnectionString is not set.");
            var sender = configuration["Notifications:Acs:SenderAddress"]
                ?? throw new InvalidOperationException("Notifications:Sink is 'acs' but Notifications:Acs:SenderAddress is not set.");
            services.AddSingleton<INotificationSink>(sp => new AcsEmailNotificationSink(
                new AcsEmailClient(connection), sender, sp.GetRequiredService<OutboxNotificationSink>(), sp.GetRequiredService<ILogger<AcsEmailNotificationSink>>()));
        }
        else if (sink.Equals("outbox", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<INotificationSink>(sp => sp.GetRequiredService<OutboxNotificationSink>());
        }
        else
        {
            throw new InvalidOperationException($"Notifications:Sink must be 'outbox' or 'acs', not '{sink}'.");
        }
    }

    /// <summary>
    /// Notifications:Sms:Sink = "outbox" (default: SMS recorded in the blob outbox, nothing sent) or "acs" (ACS SMS from
    /// Notifications:Acs:SmsSender, over the Notifications:Acs:ConnectionString resource, recorded in the outbox too).
    /// </summary>
    private static void AddSms(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxSmsSink>();
        services.AddSingleton<ISmsOutbox>(sp => sp.GetRequiredService<OutboxSmsSink>());
        var sink = configuration["Notifications:Sms:Sink"] ?? "outbox";
        if (sink.Equals("acs", StringComparison.OrdinalIgnoreCase))
        {
            var connection = configuration["Notifications:Acs:ConnectionString"] is { Length: > 0 } c ? c
                : throw new InvalidOperationException("Notifications:Sms:Sink is 'acs' but Notifications:Acs:ConnectionString is not set.");
            var sender = configuration["Notifications:Acs:SmsSender"] is { Length: > 0 } s ? s
                : throw new InvalidOperationException("Notifications:Sms:Sink is 'acs' but Notifications:Acs:SmsSender (an E.164 number or alphanumeric sender id) is not set.");
            services.AddSingleton<ISmsSink>(sp => new AcsSmsSink(
                new AcsSmsClient(connection, new AcsSmsClientOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }), sender, sp.GetRequiredService<OutboxSmsSink>()));
        }
        else if (sink.Equals("outbox", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISmsSink>(sp => sp.GetRequiredService<OutboxSmsSink>());
        }
        else
        {
            throw new InvalidOperationException($"Notifications:Sms:Sink must be 'outbox' or 'acs', not '{sink}'.");
        }
    }

    /// <summary>Customer emails of segment sends follow Notifications:Sink: the outbox ("_email/" blobs), or ACS Email with the
    /// send's Operation-Id per message (recorded in the outbox too).</summary>
    private static void AddCustomerEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxCustomerEmailSink>();
        services.AddSingleton<ICustomerEmailOutbox>(sp => sp.GetRequiredService<OutboxCustomerEmailSink>());
        if ((configuration["Notifications:Sink"] ?? "outbox").Equals("acs", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<ICustomerEmailSink>(sp => new AcsCustomerEmailSink(
                new AcsEmailClient(configuration["Notifications:Acs:ConnectionString"]!), configuration["Notifications:Acs:SenderAddress"]!, sp.GetRequiredService<OutboxCustomerEmailSink>()));
        else
            services.AddSingleton<ICustomerEmailSink>(sp => sp.GetRequiredService<OutboxCustomerEmailSink>());
    }

    /// <summary>Customers, segments and segment sends (issue 10).</summary>
    private static void AddCustomersAndSends(IServiceCollection services)
    {
        services.AddSingleton<ICustomerRepository, CustomerRepository>();
        services.AddSingleton<Core.Customers.Import.ICustomerImportStore, CustomerImportStore>();
        services.AddSingleton<ISegmentRepository, SegmentRepository>();
        services.AddSingleton<ISegmentMembers, SegmentMembers>();
        services.AddSingleton<ISendRepository, SendRepository>();
        services.AddSingleton<ISendRecipientStore, SendRecipientStore>();
        services.AddSingleton<ISendFailureReports, SendFailureReports>();
    }
}
