using System.Collections;
using System.Text.Json.Nodes;

namespace CouponFunctions.LocalHost.Configuration;

/// <summary>
/// The app settings the worker sees: <c>local.settings.json</c> "Values" overlaid by the host's environment (the environment
/// wins, as in Core Tools). Resolves <c>%Name%</c> binding expressions and storage connection names against them.
/// </summary>
internal sealed class AppSettings
{
    private readonly Dictionary<string, string> _values;

    private AppSettings(Dictionary<string, string> values) => _values = values;

    /// <summary>Every setting, for the worker's environment.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public static AppSettings Load(string scriptRoot)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var localSettings = Path.Combine(scriptRoot, "local.settings.json");
        if (File.Exists(localSettings) && JsonNode.Parse(File.ReadAllText(localSettings))?["Values"] is JsonObject fileValues)
        {
            foreach (var (name, value) in fileValues)
            {
                if (value is not null) values[name] = value.ToString();
            }
        }

        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            values[(string)entry.Key] = entry.Value?.ToString() ?? string.Empty;
        }

        return new AppSettings(values);
    }

    public string? Get(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Replaces each <c>%Name%</c> with its setting; an unknown name is an error, as in Azure's host.</summary>
    public string Resolve(string expression)
    {
        var result = new System.Text.StringBuilder();
        var position = 0;
        while (position < expression.Length)
        {
            var start = expression.IndexOf('%', position);
            if (start < 0)
            {
                result.Append(expression, position, expression.Length - position);
                break;
            }

            var end = expression.IndexOf('%', start + 1);
            if (end < 0) throw new InvalidOperationException($"Unbalanced '%' in binding expression \"{expression}\".");
            result.Append(expression, position, start - position);
            var name = expression[(start + 1)..end];
            result.Append(Get(name) ?? throw new InvalidOperationException($"The binding expression \"{expression}\" names the setting '{name}', which is not set."));
            position = end + 1;
        }

        return result.ToString();
    }

    /// <summary>
    /// The connection string a binding's <c>Connection</c> names: the setting itself, else <c>AzureWebJobs&lt;Name&gt;</c>;
    /// no name means <c>AzureWebJobsStorage</c>. Identity-based connections (<c>Name__serviceUri</c>) are not supported here.
    /// </summary>
    public string StorageConnection(string? connectionName)
    {
        var name = string.IsNullOrWhiteSpace(connectionName) ? "AzureWebJobsStorage" : connectionName;
        return Get(name) ?? Get("AzureWebJobs" + name)
            ?? throw new InvalidOperationException($"The storage connection setting '{name}' is not set (a connection string is expected).");
    }
}
