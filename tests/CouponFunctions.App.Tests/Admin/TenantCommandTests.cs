using System.Diagnostics;
using System.Text.RegularExpressions;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Admin;

/// <summary>
/// Issue 11: a second workspace. <c>scripts/tenant.sh create NAME</c> (the app's own <c>tenant</c> verb) creates a tenant
/// in the database the environment names and prints its first admin key once; the running app accepts that key.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class TenantCommandTests(AppHostFixture app)
{
    [GeneratedRegex(@"^Tenant:\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex TenantLine();

    [GeneratedRegex(@"^Admin key:\s+(cfk_\S+)$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();

    [Fact]
    public async Task TenantCreate_NewName_PrintsAnAdminKeyTheAppAccepts()
    {
        var (exit, output, error) = await RunAsync("create", "Acme Thailand");

        Assert.True(exit == 0, $"tenant.sh failed ({exit}): {error}");
        var tenant = TenantLine().Match(output).Groups[1].Value;
        var key = KeyLine().Match(output).Groups[1].Value;
        Assert.StartsWith("acme-thailand-", tenant, StringComparison.Ordinal);
        var (status, me) = await app.WithKey(key).SendJsonAsync(HttpMethod.Get, "/api/me");
        Assert.Equal(200, status);
        Assert.Equal(tenant, me!["tenantId"]!.GetValue<string>());
        Assert.Equal("admin", me["role"]!.GetValue<string>());
        Assert.Null(me["storeScope"]);
    }

    [Fact]
    public async Task TenantCreate_IdThatExists_FailsAndIssuesNoKey()
    {
        var (existing, adminKey) = await app.NewTenantAsync();

        var (exit, output, error) = await RunAsync("create", "Again", "--id", existing.Value);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("cfk_", output, StringComparison.Ordinal);
        Assert.Contains("exists", error, StringComparison.Ordinal);
        Assert.Single((await app.WithKey(adminKey).SendJsonAsync(HttpMethod.Get, "/api/keys")).Body!["items"]!.AsArray());
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CouponFunctions.sln"))) root = root.Parent!;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.FullName };
        start.ArgumentList.Add(Path.Combine(root.FullName, "scripts", "tenant.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["CouponStorage"] = app.Azurite.ConnectionString;
        start.Environment["COUPONFUNCTIONS_APP_DLL"] = Path.Combine(BuildOutput.Find("CouponFunctions.App", "CouponFunctions.App.dll"), "CouponFunctions.App.dll");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
