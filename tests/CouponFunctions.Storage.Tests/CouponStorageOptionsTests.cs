using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Storage.Tests;

/// <summary>The one place storage clients are built: a connection string, or the identity-based settings the Functions host reads.</summary>
public sealed class CouponStorageOptionsTests
{
    [Fact]
    public void AddCouponStorage_IdentitySettings_ClientsPointAtTheConfiguredServices()
    {
        using var services = Build(new()
        {
            ["CouponStorage:tableServiceUri"] = "https://acct.table.core.windows.net/",
            ["CouponStorage:queueServiceUri"] = "https://acct.queue.core.windows.net/",
            ["CouponStorage:blobServiceUri"] = "https://acct.blob.core.windows.net/",
            ["CouponStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal("acct.table.core.windows.net", services.GetRequiredService<TableServiceClient>().Uri.Host);
        Assert.Equal("acct.queue.core.windows.net", services.GetRequiredService<QueueServiceClient>().Uri.Host);
        var blobs = services.GetRequiredService<BlobServiceClient>();
        Assert.Equal("acct.blob.core.windows.net", blobs.Uri.Host);
        // No account key with an identity: report links must use a user-delegation SAS.
        Assert.False(blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void AddCouponStorage_DevelopmentStorage_ClientsUseAzuriteWithTheAccountKey()
    {
        using var services = Build(new() { ["CouponStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(10001, services.GetRequiredService<QueueServiceClient>().Uri.Port);
        Assert.True(services.GetRequiredService<BlobServiceClient>().CanGenerateAccountSasUri);
    }

    [Fact]
    public void AddCouponStorage_NotConfigured_ThrowsNamingTheSettings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["CouponStorage:tableServiceUri"] = "https://acct.table.core.windows.net/" }));

        Assert.Contains("CouponStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCouponStorage_SdkRequestLogs_OnlyWarningsReachTheAppsLoggers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CouponStorage"] = "UseDevelopmentStorage=true" }).Build();
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(new EveryLevelProvider()))
            .AddCouponStorage(configuration)
            .BuildServiceProvider();
        var loggers = services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("CouponFunctions.Storage").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void AddCouponStorage_SmsSinkAcs_AcsSmsSinkAndEveryIssue10StoreResolve()
    {
        using var services = Build(new()
        {
            ["CouponStorage"] = "UseDevelopmentStorage=true",
            ["Notifications:Sms:Sink"] = "acs",
            ["Notifications:Acs:ConnectionString"] = "endpoint=https://acs.example.communication.azure.com/;accesskey=" + Convert.ToBase64String(new byte[32]),
            ["Notifications:Acs:SmsSender"] = "+18005550100",
        });

        Assert.IsType<CouponFunctions.Storage.Notifications.AcsSmsSink>(services.GetRequiredService<Core.Notifications.ISmsSink>());
        Assert.IsType<CouponFunctions.Storage.Notifications.OutboxSmsSink>(services.GetRequiredService<Core.Notifications.ISmsOutbox>());
        Assert.NotNull(services.GetRequiredService<Core.Customers.ICustomerRepository>());
        Assert.NotNull(services.GetRequiredService<Core.Segments.ISegmentRepository>());
        Assert.NotNull(services.GetRequiredService<Core.Segments.ISegmentMembers>());
        Assert.NotNull(services.GetRequiredService<Core.Sends.ISendRepository>());
        Assert.NotNull(services.GetRequiredService<Core.Sends.ISendRecipientStore>());
        Assert.NotNull(services.GetRequiredService<Core.Sends.ISendFailureReports>());
    }

    [Fact]
    public void AddCouponStorage_SmsSinkUnset_OutboxRecordsSms()
    {
        using var services = Build(new() { ["CouponStorage"] = "UseDevelopmentStorage=true" });

        Assert.IsType<CouponFunctions.Storage.Notifications.OutboxSmsSink>(services.GetRequiredService<Core.Notifications.ISmsSink>());
    }

    [Theory]
    [InlineData("acs", "Notifications:Acs:SmsSender")]
    [InlineData("twilio", "'outbox' or 'acs'")]
    public void AddCouponStorage_SmsSinkMisconfigured_ThrowsNamingTheSetting(string sink, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new()
        {
            ["CouponStorage"] = "UseDevelopmentStorage=true",
            ["Notifications:Sms:Sink"] = sink,
            ["Notifications:Acs:ConnectionString"] = "endpoint=https://acs.example.communication.azure.com/;accesskey=" + Convert.ToBase64String(new byte[32]),
        }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCouponStorage(configuration).BuildServiceProvider();
    }

    /// <summary>A provider whose loggers take every level, so only the filter rules decide what is enabled.</summary>
    private sealed class EveryLevelProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new EveryLevelLogger();

        public void Dispose()
        {
        }

        private sealed class EveryLevelLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
