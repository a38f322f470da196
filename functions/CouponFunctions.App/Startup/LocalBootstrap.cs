using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.App.Startup;

/// <summary>
/// Local runs only (Bootstrap:Enabled): makes sure the local tenant exists and that an admin key for it is in the key file, so the
/// run command can print it. The key is written to that file (owner-only) and never to the log.
/// </summary>
internal sealed class LocalBootstrap(
    BootstrapTenantHandler handler,
    AuthenticateApiKeyHandler authenticate,
    IConfiguration configuration, IHostEnvironment environment, ILogger<LocalBootstrap> logger)
{
    /// <summary>The local tenant, or null when bootstrapping is off.</summary>
    public async Task<TenantId?> RunAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Bootstrap:Enabled", false)) return null;
        var tenantId = TenantId.Parse(configuration["Bootstrap:TenantId"] ?? "demo");
        var keyFile = Path.GetFullPath(configuration["Bootstrap:KeyFile"] ?? ".local/admin-key.txt", environment.ContentRootPath);
        // The saved key must still work (storage may have been wiped or the key revoked), or a new one is issued.
        var saved = File.Exists(keyFile) ? await File.ReadAllTextAsync(keyFile, cancellationToken) : null;
        var haveKey = await authenticate.HandleAsync(saved, cancellationToken) is { Role: ApiKeyRole.Admin } caller && caller.TenantId == tenantId;

        var outcome = await handler.HandleAsync(tenantId, configuration["Bootstrap:TenantName"] ?? "Demo workspace", issueKey: !haveKey, cancellationToken);
        if (outcome.IssuedKey is { } issued)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
            await File.WriteAllTextAsync(keyFile, issued.Text, cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            logger.LogInformation("Bootstrap: tenant {TenantId} {State}; a new admin key was written to {KeyFile}",
                tenantId, outcome.TenantCreated ? "created" : "exists", keyFile);
        }
        else
        {
            logger.LogInformation("Bootstrap: tenant {TenantId} exists; its admin key is in {KeyFile}", tenantId, keyFile);
        }
        return tenantId;
    }
}
