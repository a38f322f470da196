using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CouponFunctions.Platforms.Tests.Demo;

/// <summary>The <c>Platforms__*</c> lines of the repository's local.settings.sample.json, as run.sh turns them into local.settings.json.</summary>
internal static class LocalSettingsSample
{
    /// <summary>Where the local run serves the sandboxes (the sample's <c>Sandbox__Url</c>, the worker's own port).</summary>
    public const string LocalUrl = "http://127.0.0.1:7072";

    /// <summary>
    /// A stand-in for run.sh's <c>base64.b64encode(os.urandom(32))</c>, made to hold each of '+', '/' and '=' so that a
    /// secret that needs escaping in a URL or a header is what the connectors and sandboxes are tested with.
    /// </summary>
    public static string GeneratedSecret(string name)
    {
        var bytes = new byte[32];
        new Random(name.Length * 131 + name[^1]).NextBytes(bytes);
        (bytes[0], bytes[1], bytes[2]) = (0xFB, 0xFF, 0xBF); // "+/+/"
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The Platforms settings as configuration keys (<c>Platforms:Shopee:PartnerId</c>), secrets generated.</summary>
    public static Dictionary<string, string?> PlatformSettings([CallerFilePath] string thisFile = "")
    {
        // The sample sits at the repository root: tests/CouponFunctions.Platforms.Tests/Demo/ is three levels below it.
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "local.settings.sample.json"));
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in json.RootElement.GetProperty("Values").EnumerateObject().Where(p => p.Name.StartsWith("Platforms__", StringComparison.Ordinal)))
        {
            var text = value.Value.GetString();
            settings[value.Name.Replace("__", ":", StringComparison.Ordinal)] = text == "<generated>" ? GeneratedSecret(value.Name) : text;
        }
        return settings;
    }
}
