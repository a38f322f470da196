using System.Text.RegularExpressions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage;
using CouponFunctions.Storage.Queues;

namespace CouponFunctions.App.Startup;

/// <summary>
/// The app's admin verb, run instead of the worker: <c>dotnet CouponFunctions.App.dll tenant create NAME [--id ID]</c>
/// creates a workspace (tenant) in the database the environment names (<c>CouponStorage</c>, or the identity-based
/// <c>CouponStorage__*ServiceUri</c> settings) and prints its first admin key, this once (only its hash is stored).
/// <c>scripts/tenant.sh</c> wraps it.
/// </summary>
internal static partial class TenantCommand
{
    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotIdCharacters();

    public static bool IsCommand(string[] args) => args is ["tenant", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["tenant", "create", var name, .. var rest] || rest is not ([] or ["--id", _]))
        {
            await error.WriteLineAsync("Usage: tenant create NAME [--id TENANT-ID]");
            return 2;
        }
        name = name.Trim();
        if (name.Length is 0 or > 100 || StrictNames.HasUnsafeCharacters(name))
        {
            await error.WriteLineAsync("NAME must be 1–100 characters without control characters or text-direction overrides.");
            return 2;
        }
        var idText = rest is [_, var given] ? given : NewId(name);
        if (!TenantId.TryParse(idText, out var tenantId))
        {
            await error.WriteLineAsync("The tenant id must be 2–63 characters of lower-case letters, digits and hyphens, starting with a letter or digit.");
            return 2;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCouponStorage(configuration);
        services.AddSingleton<BootstrapTenantHandler>();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(QueueNames.Messages.Values.Distinct());
        var outcome = await provider.GetRequiredService<BootstrapTenantHandler>().HandleAsync(tenantId, name, issueKey: false);
        if (!outcome.TenantCreated || outcome.IssuedKey is not { } key)
        {
            await error.WriteLineAsync($"A tenant '{tenantId}' exists already; nothing was changed. Issue further keys with POST /api/keys.");
            return 1;
        }
        await output.WriteLineAsync($"Tenant:    {tenantId}");
        await output.WriteLineAsync($"Name:      {outcome.Tenant.Name}");
        await output.WriteLineAsync($"Admin key: {key.Text}");
        await output.WriteLineAsync("The key is shown this once (only its hash is stored): keep it in a password manager.");
        return 0;
    }

    /// <summary>The name as an id ("Acme Thailand" → "acme-thailand-3f9c1a"), unique by a random tail.</summary>
    private static string NewId(string name)
    {
        var slug = NotIdCharacters().Replace(name.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        return $"{(slug.Length == 0 ? "t" : slug)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3))}";
    }
}
