using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Inspections;

/// <summary>The email one tenant's operators get after an inspection slot: counts by severity, new findings first, then those
/// still open, then those resolved, each grouped by store, with a link to the admin page. Delivery is not its business.</summary>
public sealed class InspectionDigest
{
    public const int DefaultMaxListedPerSection = 100;

    private InspectionDigest(TenantId tenantId, string tenantName, Uri adminLink, IReadOnlyList<StoreFindings> stores, IReadOnlyList<DigestSection> sections)
    {
        TenantId = tenantId;
        TenantName = tenantName;
        AdminLink = adminLink;
        Sections = sections;
        StoreCount = stores.Count;
        QuietStores = stores.Where(s => !s.Findings.Any()).Select(s => s.Store.DisplayName).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var open = stores.SelectMany(s => s.Findings).Where(f => f.IsOpen).ToList();
        CriticalCount = open.Count(f => f.Finding.Severity == FindingSeverity.Critical);
        WarningCount = open.Count(f => f.Finding.Severity == FindingSeverity.Warning);
        InfoCount = open.Count(f => f.Finding.Severity == FindingSeverity.Info);
        NewCount = sections[0].Total;
        OngoingCount = sections[1].Total;
        ResolvedCount = sections[2].Total;
    }

    public TenantId TenantId { get; }

    public string TenantName { get; }

    /// <summary>The admin page's findings view.</summary>
    public Uri AdminLink { get; }

    public int StoreCount { get; }

    /// <summary>Open (new or ongoing) findings by severity.</summary>
    public int CriticalCount { get; }

    public int WarningCount { get; }

    public int InfoCount { get; }

    public int NewCount { get; }

    public int OngoingCount { get; }

    public int ResolvedCount { get; }

    /// <summary>Something appeared or went away since the previous run.</summary>
    public bool HasChanges => NewCount + ResolvedCount > 0;

    public string Subject => DigestText.Subject(this);

    internal IReadOnlyList<DigestSection> Sections { get; }

    /// <summary>Names of the inspected stores with no findings at all.</summary>
    internal IReadOnlyList<string> QuietStores { get; }

    /// <param name="tenantName">Shown in the subject and heading.</param>
    /// <param name="stores">The stores inspected in the slot, each with its tracked findings.</param>
    /// <param name="adminBaseUrl">The admin page's address (http or https); the digest links to its findings view.</param>
    /// <param name="maxListedPerSection">Findings listed per section before "and N more" (the email stays readable).</param>
    public static InspectionDigest Build(TenantId tenantId, string tenantName, IReadOnlyList<StoreFindings> stores, Uri adminBaseUrl,
        int maxListedPerSection = DefaultMaxListedPerSection)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(adminBaseUrl);
        if (!adminBaseUrl.IsAbsoluteUri || adminBaseUrl.Scheme is not ("http" or "https"))
            throw new ArgumentException("The admin page address must be an absolute http or https URL.", nameof(adminBaseUrl));
        ArgumentOutOfRangeException.ThrowIfNegative(maxListedPerSection);

        var ordered = stores.OrderBy(s => s.Store.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Store.Id.Value, StringComparer.Ordinal).ToList();
        DigestSection[] sections =
        [
            Section(ordered, FindingState.New, "New since the last inspection", maxListedPerSection),
            Section(ordered, FindingState.Ongoing, "Still open", maxListedPerSection),
            Section(ordered, FindingState.Resolved, "Resolved since the last inspection", maxListedPerSection),
        ];
        return new InspectionDigest(tenantId, tenantName ?? "", new Uri(adminBaseUrl, "#/findings"), ordered, sections);
    }

    public string RenderText() => DigestText.Render(this);

    public string RenderHtml() => DigestHtml.Render(this);

    private static DigestSection Section(IReadOnlyList<StoreFindings> stores, FindingState state, string title, int max)
    {
        var groups = new List<DigestGroup>();
        var (total, listed) = (0, 0);
        foreach (var store in stores)
        {
            var items = store.Findings.Where(f => f.State == state)
                .OrderBy(f => f.Finding.Severity).ThenBy(f => f.Finding.CouponName, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Key, StringComparer.Ordinal)
                .ToList();
            total += items.Count;
            var take = Math.Min(items.Count, max - listed);
            if (take <= 0) continue;
            listed += take;
            groups.Add(new DigestGroup(store.Store, store.InspectedAt, items.GetRange(0, take)));
        }

        return new DigestSection(state, title, groups, total, total - listed);
    }
}
