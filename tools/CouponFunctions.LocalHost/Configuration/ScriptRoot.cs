using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace CouponFunctions.LocalHost.Configuration;

/// <summary>
/// What the host reads from the worker's output folder, as Azure's host does: <c>worker.config.json</c> (how to start the
/// worker), <c>host.json</c> (overridable by <c>AzureFunctionsJobHost__*</c> environment variables) and the app settings
/// (<c>local.settings.json</c> "Values" under the process environment, which wins).
/// </summary>
internal sealed class ScriptRoot
{
    private ScriptRoot(string directory, string executable, string workerPath, AppSettings settings, IConfiguration hostJson)
    {
        Directory = directory;
        Executable = executable;
        WorkerPath = workerPath;
        Settings = settings;
        HostJson = hostJson;
    }

    public string Directory { get; }

    /// <summary>The program that runs the worker (<c>defaultExecutablePath</c>, "dotnet").</summary>
    public string Executable { get; }

    /// <summary>The worker assembly, absolute (<c>defaultWorkerPath</c> under the script root).</summary>
    public string WorkerPath { get; }

    public AppSettings Settings { get; }

    /// <summary>host.json as configuration (keys like <c>extensions:queues:batchSize</c>), environment overrides applied.</summary>
    public IConfiguration HostJson { get; }

    public string RoutePrefix => (HostJson["extensions:http:routePrefix"] ?? "api").Trim('/');

    public TimeSpan? FunctionTimeout => TryTimeSpan(HostJson["functionTimeout"]);

    public static ScriptRoot Load(string directory)
    {
        directory = Path.GetFullPath(directory);
        var workerConfigPath = Path.Combine(directory, "worker.config.json");
        if (!File.Exists(workerConfigPath))
        {
            throw new InvalidOperationException($"No worker.config.json in {directory}: pass the built worker's output folder as --script-root.");
        }

        var description = JsonNode.Parse(File.ReadAllText(workerConfigPath))?["description"]
            ?? throw new InvalidOperationException("worker.config.json has no \"description\".");
        var executable = description["defaultExecutablePath"]?.GetValue<string>() ?? "dotnet";
        var workerPath = description["defaultWorkerPath"]?.GetValue<string>()
            ?? throw new InvalidOperationException("worker.config.json has no \"description.defaultWorkerPath\".");
        executable = executable.Replace("{WorkerRoot}", directory, StringComparison.Ordinal);
        workerPath = Path.GetFullPath(Path.Combine(directory, workerPath.Replace("{WorkerRoot}", directory, StringComparison.Ordinal)));

        var hostJson = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(directory, "host.json"), optional: true)
            .AddEnvironmentVariables("AzureFunctionsJobHost__")
            .Build();
        return new ScriptRoot(directory, executable, workerPath, AppSettings.Load(directory), hostJson);
    }

    public static TimeSpan? TryTimeSpan(string? value)
        => TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var span) ? span : null;

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
