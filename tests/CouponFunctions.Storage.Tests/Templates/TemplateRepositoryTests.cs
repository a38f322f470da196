using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Templates;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Templates;

[Collection(AzuriteCollection.Name)]
public sealed class TemplateRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Add_ThenGet_RoundTripsDefinitionWithItsVersion()
    {
        var (repository, tenant) = await SetUpAsync();
        var template = Template(tenant, "Mid-Year Sale!") with
        {
            Definition = Definition("Mid-Year Sale!") with
            {
                Scope = TemplateScope.Products(new Dictionary<StoreId, IReadOnlyList<string>> { [StoreId.Parse("s-shop1")] = ["11", "12"] }),
                Overrides = new Dictionary<Platform, PlatformOverride> { [Platform.Lazada] = new() { Percentage = 5m, Code = "LZ" } },
            },
        };

        var added = await repository.AddAsync(template);
        var read = await repository.GetAsync(tenant, template.Id);

        Assert.True(added.IsOk);
        Assert.Equal(added.Value!.Version, read!.Version);
        Assert.Equal("mid-year-sale", read.Definition.Campaign!.Tag);
        Assert.Equal(["11", "12"], read.Definition.Scope.ProductsOf(StoreId.Parse("s-shop1")));
        Assert.Equal(5m, read.Definition.ForPlatform(Platform.Lazada).Discount.Percentage);
        Assert.Equal(20m, read.Definition.Discount.Cap!["SGD"]);
        Assert.Equal(Now, read.CreatedAt);
    }

    [Fact]
    public async Task Add_SameIdTwice_SecondIsConflictAndFirstKept()
    {
        var (repository, tenant) = await SetUpAsync();
        var template = Template(tenant, "First");
        await repository.AddAsync(template);

        var again = await repository.AddAsync(template with { Definition = Definition("Second") });

        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Equal("First", (await repository.GetAsync(tenant, template.Id))!.Definition.Name);
    }

    [Fact]
    public async Task Update_TwoEditorsFromTheSameVersion_SecondGetsConflict()
    {
        var (repository, tenant) = await SetUpAsync();
        var stored = (await repository.AddAsync(Template(tenant, "Original"))).Value!;

        var first = await repository.UpdateAsync(stored with { Definition = Definition("Edit A"), UpdatedAt = Now.AddMinutes(1) });
        var second = await repository.UpdateAsync(stored with { Definition = Definition("Edit B"), UpdatedAt = Now.AddMinutes(2) });

        Assert.True(first.IsOk);
        Assert.NotEqual(stored.Version, first.Value!.Version);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        var read = await repository.GetAsync(tenant, stored.Id);
        Assert.Equal(("Edit A", Now.AddMinutes(1)), (read!.Definition.Name, read.UpdatedAt));
    }

    [Fact]
    public async Task Update_Deleted_IsNotFound()
    {
        var (repository, tenant) = await SetUpAsync();
        var stored = (await repository.AddAsync(Template(tenant, "Gone"))).Value!;
        await repository.DeleteAsync(tenant, stored.Id, null);

        var updated = await repository.UpdateAsync(stored with { Definition = Definition("Back") });

        Assert.Equal(OutcomeKind.NotFound, updated.Kind);
    }

    [Fact]
    public async Task Delete_StaleVersion_ConflictThenCurrentVersionDeletes()
    {
        var (repository, tenant) = await SetUpAsync();
        var stored = (await repository.AddAsync(Template(tenant, "T"))).Value!;
        var edited = (await repository.UpdateAsync(stored with { Definition = Definition("T2") })).Value!;

        var stale = await repository.DeleteAsync(tenant, stored.Id, stored.Version);
        var current = await repository.DeleteAsync(tenant, stored.Id, edited.Version);
        var twice = await repository.DeleteAsync(tenant, stored.Id, null);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.True(current.IsOk);
        Assert.Equal(OutcomeKind.NotFound, twice.Kind);
        Assert.Null(await repository.GetAsync(tenant, stored.Id));
    }

    [Fact]
    public async Task List_ByCampaignTagAndPaged_OnlyThatCampaignOfThatTenant()
    {
        var (repository, tenant) = await SetUpAsync();
        var other = TenantId.Parse(azurite.UniqueName("other"));
        for (var i = 0; i < 5; i++) await repository.AddAsync(Template(tenant, "Mid-year", $"tpl-mid{i}"));
        await repository.AddAsync(Template(tenant, "Payday", "tpl-payday"));
        await repository.AddAsync(Template(other, "Mid-year", "tpl-mid9"));

        var pages = new List<TemplatePage>();
        string? token = null;
        do
        {
            pages.Add(await repository.ListAsync(tenant, "mid-year", 2, token));
            token = pages[^1].ContinuationToken;
        }
        while (token is not null);
        var all = await repository.ListAsync(tenant, null, 100, null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Templates.Count));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"tpl-mid{i}"), pages.SelectMany(p => p.Templates).Select(t => t.Id.Value));
        Assert.Equal(6, all.Templates.Count);
        Assert.All(all.Templates, t => Assert.Equal(tenant, t.TenantId));
        Assert.Null(await repository.GetAsync(tenant, TemplateId.Parse("tpl-mid9")));
    }

    [Fact]
    public async Task Add_DefinitionLongerThanOneProperty_SplitsAndRoundTrips()
    {
        var (repository, tenant) = await SetUpAsync();
        var products = Enumerable.Range(0, 300).ToDictionary(
            s => StoreId.Parse($"s-store{s}"), s => (IReadOnlyList<string>)Enumerable.Range(0, 40).Select(p => $"{s}{p:D8}").ToList());
        var template = Template(tenant, "Big") with { Definition = Definition("Big") with { Scope = TemplateScope.Products(products) } };

        var added = await repository.AddAsync(template);
        var read = await repository.GetAsync(tenant, template.Id);

        Assert.True(added.IsOk);
        Assert.Equal(300, read!.Definition.Scope.ProductIds.Count);
        Assert.Equal(products[StoreId.Parse("s-store299")], read.Definition.Scope.ProductsOf(StoreId.Parse("s-store299")));
    }

    [Fact]
    public async Task ContinuationToken_NotOurs_IsRefused()
    {
        var (repository, tenant) = await SetUpAsync();

        await Assert.ThrowsAsync<FormatException>(() => repository.ListAsync(tenant, null, 10, "%%%"));
    }

    private async Task<(TemplateRepository, TenantId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Templates);
        return (new TemplateRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")));
    }

    private static CouponTemplate Template(TenantId tenant, string campaign, string? id = null) => new()
    {
        TenantId = tenant,
        Id = id is null ? TemplateId.New() : TemplateId.Parse(id),
        Definition = Definition(campaign),
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static TemplateDefinition Definition(string name) => new()
    {
        Name = name,
        DisplayNamePattern = "{name}",
        Campaign = new CampaignInfo(name, "KOL Anna", "https://example.com/deal"),
        Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 10m, null, new Dictionary<string, decimal> { ["SGD"] = 20m }),
        MinSpend = new Dictionary<string, decimal> { ["SGD"] = 50m },
        TotalQuantity = 100,
        PerBuyerLimit = 1,
        Code = new TemplateCode(CodeMode.PrefixPerStore, "MD", 3),
        Validity = TemplateValidity.Relative(48, 7),
    };
}
