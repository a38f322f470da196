using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CouponFunctions.Handler.Hosting;

/// <summary>Reads host.json and every functions/&lt;Name&gt;/function.json, as the Functions host does.</summary>
internal static partial class FunctionAppLoader
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="resolveSetting">Resolves %Setting% references in function.json (the host's name resolver).</param>
    public static FunctionAppDefinition Load(string hostJsonPath, string functionsDirectory, Func<string, string?> resolveSetting)
    {
        var host = ReadHost(hostJsonPath);
        var functions = new List<FunctionDefinition>();
        foreach (var file in Directory.EnumerateFiles(functionsDirectory, "function.json", SearchOption.AllDirectories)
                     .Where(f => Path.GetDirectoryName(Path.GetDirectoryName(f)) == Path.GetFullPath(functionsDirectory).TrimEnd(Path.DirectorySeparatorChar))
                     .Order(StringComparer.Ordinal))
        {
            var name = new DirectoryInfo(Path.GetDirectoryName(file)!).Name;
            functions.Add(new FunctionDefinition(name, ReadTrigger(file, name, resolveSetting)));
        }
        return new FunctionAppDefinition(Path.GetDirectoryName(Path.GetFullPath(hostJsonPath))!, host, functions);
    }

    internal static HostSettings ReadHost(string path)
    {
        var root = Parse(path);
        var handler = root["customHandler"];
        var queues = root["extensions"]?["queues"];
        var defaults = QueueTriggerSettings.Default;
        var batchSize = Math.Clamp(queues?["batchSize"]?.GetValue<int>() ?? defaults.BatchSize, 1, 32);
        return new HostSettings(
            ReadTimeout(root["functionTimeout"]?.GetValue<string>()),
            new QueueTriggerSettings(
                batchSize,
                queues?["newBatchThreshold"]?.GetValue<int>() ?? batchSize / 2,
                queues?["maxDequeueCount"]?.GetValue<int>() ?? defaults.MaxDequeueCount,
                ReadSpan(queues?["maxPollingInterval"]) ?? defaults.MaxPollingInterval,
                ReadSpan(queues?["visibilityTimeout"]) ?? defaults.VisibilityTimeout,
                !string.Equals(queues?["messageEncoding"]?.GetValue<string>(), "none", StringComparison.OrdinalIgnoreCase)),
            root["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api",
            handler?["enableForwardingHttpRequest"]?.GetValue<bool>() ?? false);
    }

    private static FunctionTrigger ReadTrigger(string file, string function, Func<string, string?> resolveSetting)
    {
        var bindings = Parse(file)["bindings"]?.AsArray()
            ?? throw new InvalidDataException($"{file}: no bindings.");
        var triggers = bindings.Where(b => b?["type"]?.GetValue<string>()?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (triggers.Count != 1) throw new InvalidDataException($"{file}: a function needs exactly one trigger binding, found {triggers.Count}.");
        var trigger = triggers[0]!;
        var name = trigger["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: the trigger has no name.");
        string Resolve(string value) => SettingReference().Replace(value, m =>
            resolveSetting(m.Groups[1].Value) ?? throw new InvalidDataException($"{function}: app setting '{m.Groups[1].Value}' is not set."));

        switch (trigger["type"]!.GetValue<string>().ToLowerInvariant())
        {
            case "timertrigger":
                return new TimerTrigger(
                    name,
                    Resolve(trigger["schedule"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: timer without schedule.")),
                    trigger["runOnStartup"]?.GetValue<bool>() ?? false,
                    trigger["useMonitor"]?.GetValue<bool>() ?? true);
            case "queuetrigger":
                return new QueueTrigger(
                    name,
                    Resolve(trigger["queueName"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: queue trigger without queueName.")),
                    trigger["connection"]?.GetValue<string>());
            case "httptrigger":
                var output = bindings.FirstOrDefault(b => string.Equals(b?["type"]?.GetValue<string>(), "http", StringComparison.OrdinalIgnoreCase));
                return new HttpTrigger(
                    name,
                    trigger["route"]?.GetValue<string>(),
                    trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList() ?? [],
                    trigger["authLevel"]?.GetValue<string>() ?? "function",
                    output?["name"]?.GetValue<string>());
            default:
                throw new InvalidDataException($"{file}: trigger type '{trigger["type"]}' is not supported by this app.");
        }
    }

    private static JsonNode Parse(string path) =>
        JsonNode.Parse(File.ReadAllText(path), documentOptions: Lenient) ?? throw new InvalidDataException($"{path} is empty.");

    private static TimeSpan? ReadTimeout(string? value) =>
        value is null ? TimeSpan.FromMinutes(30) : value.Trim() == "-1" ? null : TimeSpan.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan? ReadSpan(JsonNode? node) =>
        node?.GetValue<string>() is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
