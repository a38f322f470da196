using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CouponFunctions.Benchmarks.Infrastructure;

/// <summary>
/// A benchmark's figures: named values with units, tables, and targets (met or missed). Printed as aligned text and
/// written as JSON. A failed <see cref="Check"/> (a wrong result, not a slow one) makes the command exit non-zero.
/// </summary>
internal sealed class BenchmarkReport(string name, string description)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name { get; } = name;

    public string Description { get; } = description;

    public List<Figure> Figures { get; } = [];

    public List<Table> Tables { get; } = [];

    public List<Target> Targets { get; } = [];

    /// <summary>Typed data for the JSON only (the tables print formatted text).</summary>
    public Dictionary<string, object> Details { get; } = new(StringComparer.Ordinal);

    public List<Target> Checks { get; } = [];

    public bool Correct => Checks.All(c => c.Met);

    public BenchmarkReport Add(string key, string label, double value, string unit = "", string format = "N0")
    {
        Figures.Add(new Figure(key, label, value, unit, value.ToString(format, CultureInfo.InvariantCulture)));
        return this;
    }

    public BenchmarkReport AddText(string key, string label, string text)
    {
        Figures.Add(new Figure(key, label, null, "", text));
        return this;
    }

    /// <summary>A goal the figures should reach (speed, ratio); missing it is reported, not fatal.</summary>
    public BenchmarkReport Expect(string what, bool met, string detail) => Record(Targets, what, met, detail);

    /// <summary>A result that must hold for the figures to mean anything (counts, completeness); missing it fails the run.</summary>
    public BenchmarkReport Check(string what, bool met, string detail) => Record(Checks, what, met, detail);

    /// <summary>Adds another report's figures, tables, checks and targets (a part printed on its own first, then kept for the whole).</summary>
    public BenchmarkReport Merge(BenchmarkReport part)
    {
        Figures.AddRange(part.Figures);
        Tables.AddRange(part.Tables);
        Checks.AddRange(part.Checks);
        Targets.AddRange(part.Targets);
        foreach (var (key, value) in part.Details) Details[key] = value;
        return this;
    }

    public void Print(TextWriter output)
    {
        var width = Figures.Select(f => f.Label.Length).DefaultIfEmpty(0).Max() + 2;
        // Numbers right-aligned in one column; text figures start where the numbers do.
        var valueWidth = Figures.Where(f => f.Value is not null).Select(f => f.Text.Length).DefaultIfEmpty(0).Max();
        foreach (var figure in Figures)
        {
            var value = figure.Value is null ? figure.Text : figure.Text.PadLeft(valueWidth);
            output.WriteLine($"  {(figure.Label + " ").PadRight(width, '.')} {value} {figure.Unit}".TrimEnd());
        }
        foreach (var table in Tables)
        {
            output.WriteLine();
            output.WriteLine($"  {table.Title}");
            var widths = table.Columns.Select((c, i) => Math.Max(c.Length, table.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
            string Line(IReadOnlyList<string> cells) =>
                "    " + string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
            output.WriteLine(Line(table.Columns));
            output.WriteLine("    " + string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in table.Rows) output.WriteLine(Line(row));
        }
        if (Checks.Count + Targets.Count > 0) output.WriteLine();
        foreach (var check in Checks) output.WriteLine($"  [{(check.Met ? "ok" : "WRONG")}] {check.What}: {check.Detail}");
        foreach (var target in Targets) output.WriteLine($"  [{(target.Met ? "met" : "MISSED")}] {target.What}: {target.Detail}");
    }

    public async Task WriteJsonAsync(string directory, DateTimeOffset startedAt, TimeSpan took, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var document = new
        {
            Name,
            Description,
            StartedAt = startedAt,
            Seconds = Math.Round(took.TotalSeconds, 3),
            Machine = new { Environment.ProcessorCount, Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, Runtime = Environment.Version.ToString() },
            Figures = Figures.ToDictionary(f => f.Key, f => f.Value is { } v ? (object)v : f.Text),
            Units = Figures.Where(f => f.Unit.Length > 0).ToDictionary(f => f.Key, f => f.Unit),
            Details,
            Checks,
            Targets,
        };
        await using var file = File.Create(Path.Combine(directory, Name + ".json"));
        await JsonSerializer.SerializeAsync(file, document, Json, cancellationToken).ConfigureAwait(false);
    }

    private BenchmarkReport Record(List<Target> list, string what, bool met, string detail)
    {
        list.Add(new Target(what, met, detail));
        return this;
    }

    public sealed record Figure(string Key, string Label, double? Value, string Unit, string Text);

    public sealed record Table(string Title, IReadOnlyList<string> Columns, List<IReadOnlyList<string>> Rows);

    public sealed record Target(string What, bool Met, string Detail);
}
