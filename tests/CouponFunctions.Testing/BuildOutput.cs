namespace CouponFunctions.Testing;

/// <summary>
/// Finds another project's build output from a test or benchmark: the classic layout (<c>&lt;project&gt;/bin/&lt;Config&gt;/net10.0</c>)
/// or the <c>--artifacts-path</c> layout (<c>&lt;artifacts&gt;/bin/&lt;Project&gt;/&lt;config&gt;</c>), same configuration as the caller.
/// </summary>
public static class BuildOutput
{
    /// <summary>The output folder of <paramref name="projectName"/> (e.g. CouponFunctions.LocalHost) that holds <paramref name="fileName"/>.</summary>
    public static string Find(string projectName, string fileName)
    {
        var baseDirectory = Path.GetFullPath(AppContext.BaseDirectory);
        var configuration = baseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || baseDirectory.Contains($"{Path.DirectorySeparatorChar}debug", StringComparison.Ordinal) ? "Debug" : "Release";
        var candidates = new List<string>();
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            // --artifacts-path: <artifacts>/bin/<Caller>/<config>/ next to <artifacts>/bin/<Project>/<config>/
            if (string.Equals(dir.Name, "bin", StringComparison.Ordinal))
            {
                candidates.Add(Path.Combine(dir.FullName, projectName, configuration.ToLowerInvariant()));
            }

            // The repository: <root>/{tools,functions,tests}/<Project>/bin/<Config>/net10.0
            if (File.Exists(Path.Combine(dir.FullName, "CouponFunctions.sln")))
            {
                foreach (var folder in new[] { "tools", "functions", "tests" })
                {
                    candidates.Add(Path.Combine(dir.FullName, folder, projectName, "bin", configuration, "net10.0"));
                }
            }
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(Path.Combine(candidate, fileName))) return candidate;
        }

        throw new InvalidOperationException(
            $"{fileName} of {projectName} was not found ({configuration} build) in: {string.Join(", ", candidates)}. Build the solution first.");
    }
}
