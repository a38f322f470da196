namespace CouponFunctions.Handler.Hosting;

/// <summary>Where host.json and the function folders are: the app root in Azure, the repository locally.</summary>
internal sealed record FunctionAppLayout(string HostJsonPath, string FunctionsDirectory)
{
    /// <summary>
    /// In Azure the host passes FUNCTIONS_APP_ROOT_PATH and the deployed root holds host.json beside the function
    /// folders. Locally the repository keeps host.json at its root and the folders under functions/.
    /// </summary>
    public static FunctionAppLayout Locate(string? configuredRoot, string? hostAppRoot, string startDirectory)
    {
        foreach (var root in new[] { configuredRoot, hostAppRoot }.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            if (TryAt(root!, out var layout)) return layout;
            throw new DirectoryNotFoundException($"No host.json under '{root}'.");
        }
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (TryAt(dir.FullName, out var layout)) return layout;
        }
        throw new DirectoryNotFoundException(
            $"No host.json found above '{startDirectory}'. Set FunctionApp:RootPath to the folder that holds host.json.");
    }

    private static bool TryAt(string root, out FunctionAppLayout layout)
    {
        layout = null!;
        var host = Path.Combine(root, "host.json");
        if (!File.Exists(host)) return false;
        var functions = Path.Combine(root, "functions");
        layout = new FunctionAppLayout(host, Directory.Exists(functions) ? functions : root);
        return true;
    }
}
