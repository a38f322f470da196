using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.App.Tests.Sends;

namespace CouponFunctions.App.Tests.Customers;

/// <summary>/api/customers and /api/segments through the host, as a merchant's tools call them.</summary>
[Collection(AppCollection.Name)]
public sealed class CustomersAndSegmentsEndpointsTests(AppHostFixture app)
{
    private static object Customer(string id, string storeId, string? email = null, string? mobile = null) => new
    {
        externalId = id, name = $"Customer {id}", email, mobile, storeId, tags = new[] { "VIP" },
        emailConsent = email is null ? null : new { status = "granted", source = "checkout" },
        smsConsent = mobile is null ? null : new { status = "yes" },
    };

    [Fact]
    public async Task Customers_PostTwicePatchGetListDelete_UpsertByExternalIdAndPartialChange()
    {
        var bed = await SendBed.CreateAsync(app);

        var (created, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer("x1", bed.StoreId, "X1@Example.COM", "91234567"));
        var (again, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer("x1", bed.StoreId, "X1@Example.COM", "91234567"));
        var (patched, patchedBody) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/x1", new { name = "Renamed" });
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/customers?search=renamed");
        var (deleted, _) = await bed.Admin.SendJsonAsync(HttpMethod.Delete, "/api/customers/x1");
        var (gone, _) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/customers/x1");

        Assert.Equal(201, created);
        Assert.Equal("X1@example.com", body!["email"]!.GetValue<string>());
        Assert.Equal("+6591234567", body["mobile"]!.GetValue<string>());
        Assert.Equal("granted", body["smsConsent"]!["status"]!.GetValue<string>());
        Assert.Equal(["vip"], body["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(200, again);
        Assert.Equal(200, patched);
        Assert.Equal("Renamed", patchedBody!["name"]!.GetValue<string>());
        Assert.Equal("+6591234567", patchedBody["mobile"]!.GetValue<string>());
        Assert.Equal("x1", Assert.Single(list!["items"]!.AsArray())!["externalId"]!.GetValue<string>());
        Assert.Equal(204, deleted);
        Assert.Equal(404, gone);
    }

    [Fact]
    public async Task PatchCustomer_MergePatchNulls_ClearMobileEmailAndTagsKeepTheRest()
    {
        var bed = await SendBed.CreateAsync(app);
        Assert.Equal(201, (await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer("m1", bed.StoreId, "m1@example.com", "91234568"))).Status);

        var (cleared, body) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/m1", new { mobile = (string?)null, tags = (string[]?)null });
        var (emailGone, afterEmail) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/m1", new { email = (string?)null, name = "Still here" });
        var (_, stored) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/customers/m1");

        Assert.Equal(200, cleared);
        Assert.Null(body!["mobile"]);
        Assert.Empty(body["tags"]!.AsArray());
        Assert.Equal("m1@example.com", body["email"]!.GetValue<string>());
        // A channel without its contact keeps no grant: it falls to unknown.
        Assert.Equal("unknown", body["smsConsent"]!["status"]!.GetValue<string>());
        Assert.Equal("granted", body["emailConsent"]!["status"]!.GetValue<string>());
        Assert.Equal(200, emailGone);
        Assert.Null(afterEmail!["email"]);
        Assert.Equal("unknown", afterEmail["emailConsent"]!["status"]!.GetValue<string>());
        Assert.Equal("Still here", stored!["name"]!.GetValue<string>());
        Assert.Null(stored["email"]);
        Assert.Null(stored["mobile"]);
    }

    [Fact]
    public async Task PatchCustomer_NullStoreOrConsentOrBadValues_400NamingTheField_NothingWritten()
    {
        var bed = await SendBed.CreateAsync(app);
        Assert.Equal(201, (await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer("m2", bed.StoreId, "m2@example.com", "91234569"))).Status);

        var (noStore, storeProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/m2", new { storeId = (string?)null, name = "X" });
        var (noConsent, consentProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/m2", new { emailConsent = (object?)null });
        var (badMobile, mobileProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/m2", new { mobile = "12", email = (string?)null });
        var (grantedNoEmail, grantProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/m2",
            new { email = (string?)null, emailConsent = new { status = "granted" } });
        var (renamed, renameProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, "/api/customers/m2", new { externalId = "other" });
        var (_, stored) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/customers/m2");

        Assert.Equal(400, noStore);
        Assert.NotNull(storeProblem!["errors"]!["storeId"]);
        Assert.Equal(400, noConsent);
        Assert.NotNull(consentProblem!["errors"]!["emailConsent"]);
        Assert.Equal(400, badMobile);
        Assert.NotNull(mobileProblem!["errors"]!["mobile"]);
        Assert.Equal(400, grantedNoEmail);
        Assert.NotNull(grantProblem!["errors"]!["emailConsent.status"]);
        Assert.Equal(400, renamed);
        Assert.NotNull(renameProblem!["errors"]!["externalId"]);
        Assert.Equal("Customer m2", stored!["name"]!.GetValue<string>());
        Assert.Equal("m2@example.com", stored["email"]!.GetValue<string>());
        Assert.Equal("+6591234569", stored["mobile"]!.GetValue<string>());
    }

    [Fact]
    public async Task Customers_BadEmailMobileAndStore_400NamingEachField_NothingWritten()
    {
        var bed = await SendBed.CreateAsync(app);

        var (status, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer("x2", "store-nope", "not-an-email", "12"));
        var (badMobile, mobileProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer("x2", bed.StoreId, null, "12"));

        Assert.Equal(400, status);
        Assert.NotNull(problem!["errors"]!["storeId"]);
        Assert.NotNull(problem["errors"]!["email"]);
        Assert.Equal(400, badMobile);
        Assert.NotNull(mobileProblem!["errors"]!["mobile"]);
        Assert.Equal(404, (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/customers/x2")).Status);
    }

    [Fact]
    public async Task Segments_StaticAndRule_CountsPagesMembersAndRefusesDeleteWhileASendIsScheduled()
    {
        var bed = await SendBed.CreateAsync(app);
        foreach (var (member, email) in new[] { ("m1", "m1@example.com"), ("m2", "m2@example.com"), ("m3", (string?)null) })
            Assert.Equal(201, (await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer(member, bed.StoreId, email))).Status);

        var (created, segment) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/segments", new { name = "Hand-picked", kind = "static", memberIds = new[] { "m1", "m2", "m3" } });
        var id = segment!["id"]!.GetValue<string>();
        var (_, changed) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/segments/{id}/members", new { remove = new[] { "m2" } });
        var (_, read) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/segments/{id}");
        var (_, page) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/segments/{id}/members?pageSize=1");
        var (ruleStatus, rule) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/segments", new { name = "VIPs with email", kind = "rule", rule = new { tagsAny = new[] { "vip" }, emailConsent = true } });
        var (_, ruleRead) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/segments/{rule!["id"]!.GetValue<string>()}");
        var (badRule, badProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/segments", new { name = "x", kind = "rule" });

        Assert.Equal(201, created);
        Assert.Equal(2, changed!["members"]!.GetValue<int>());
        Assert.Equal(2, read!["members"]!.GetValue<int>());
        Assert.Equal(1, read["reachable"]!["email"]!.GetValue<int>());
        Assert.Equal("m1", Assert.Single(page!["items"]!.AsArray())!["externalId"]!.GetValue<string>());
        Assert.NotNull(page["continuation"]);
        Assert.Equal(201, ruleStatus);
        Assert.Equal(2, ruleRead!["members"]!.GetValue<int>());
        Assert.Equal(400, badRule);
        Assert.NotNull(badProblem!["errors"]!["rule"]);

        await bed.ScheduleAsync(id, ["email"]);
        Assert.Equal(409, (await bed.Admin.SendJsonAsync(HttpMethod.Delete, $"/api/segments/{id}")).Status);
        var ruleId = rule["id"]!.GetValue<string>();
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Put, $"/api/segments/{ruleId}", new { name = "Renamed", kind = "rule", rule = new { tagsAll = new[] { "vip" } } })).Status);
        Assert.Equal(204, (await bed.Admin.SendJsonAsync(HttpMethod.Delete, $"/api/segments/{ruleId}")).Status);
    }

    [Fact]
    public async Task SegmentMembersCsv_AddThenRemove_ChangesMembersAndRefusesBadRows()
    {
        var bed = await SendBed.CreateAsync(app);
        foreach (var member in new[] { "f1", "f2", "f3" })
            Assert.Equal(201, (await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/customers", Customer(member, bed.StoreId, $"{member}@example.com"))).Status);
        var (_, segment) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/segments", new { name = "From a file", kind = "static" });
        var id = segment!["id"]!.GetValue<string>();

        var (addStatus, added) = await PostCsvAsync(bed, $"/api/segments/{id}/members/csv?action=add", "\uFEFFName,Customer ID\r\nAnn,f1\r\nBob,f2\r\nAnn again,f1\r\nBad,bad id!\r\nCat,f3\r\n");
        var (removeStatus, removed) = await PostCsvAsync(bed, $"/api/segments/{id}/members/csv?action=remove", "id\nf2\n");
        var (noColumn, noColumnProblem) = await PostCsvAsync(bed, $"/api/segments/{id}/members/csv?action=add", "name\nAnn\n");
        var (badAction, badActionProblem) = await PostCsvAsync(bed, $"/api/segments/{id}/members/csv?action=move", "id\nf9\n");

        Assert.Equal(200, addStatus);
        Assert.Equal((5L, 3L, 2L, 3), (added!["rows"]!.GetValue<long>(), added["changed"]!.GetValue<long>(), added["failed"]!.GetValue<long>(), added["members"]!.GetValue<int>()));
        Assert.Equal(["f1", "bad id!"], added["firstErrors"]!.AsArray().Select(e => e!["customerId"]!.GetValue<string>()).ToArray());
        Assert.Equal(200, removeStatus);
        Assert.Equal(2, removed!["members"]!.GetValue<int>());
        Assert.Equal((400, 400), (noColumn, badAction));
        Assert.Equal(["file"], noColumnProblem.ErrorFields());
        Assert.Equal(["action"], badActionProblem.ErrorFields());
        var (_, members) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/segments/{id}/members");
        Assert.Equal(["f1", "f3"], members!["items"]!.AsArray().Select(m => m!["externalId"]!.GetValue<string>()).Order().ToArray());
    }

    private static async Task<(int Status, System.Text.Json.Nodes.JsonNode? Body)> PostCsvAsync(SendBed bed, string path, string csv)
    {
        using var response = await bed.Admin.PostAsync(path, new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(text));
    }
}

/// <summary>POST /api/customers/import through the host: the upload streams into a job that upserts and reports row errors.</summary>
[Collection(AppCollection.Name)]
public sealed class CustomerImportTests(AppHostFixture app)
{
    [Fact]
    public async Task ImportCustomers_CsvWithBadRows_JobUpsertsTheGoodOnesAndReportsEachBadRow()
    {
        var bed = await SendBed.CreateAsync(app);
        var csv = "externalId,name,email,mobile,emailConsent,tags\r\n" +
            "i1,Ann,ann@example.com,91234567,yes,vip;new\r\n" +
            "i2,Bob,not-an-email,,,\r\n" +
            "i3,Cat,,12,,\r\n" +
            "i1,Ann again,ann2@example.com,,,\r\n" +
            "i4,\"=HYPERLINK(1)\",dee@example.com,,,\r\n";
        using var content = new StringContent("\uFEFF" + csv, System.Text.Encoding.UTF8, "text/csv");

        using var response = await bed.Admin.PostAsync($"/api/customers/import?storeId={bed.StoreId}", content);
        Assert.Equal(202, (int)response.StatusCode);
        var id = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        System.Text.Json.Nodes.JsonNode? job = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            (_, job) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/customers/import/{id}");
            return job!["status"]!.GetValue<string>() is "done" or "failed";
        }, seconds: 60), $"The import did not finish: {job}");

        Assert.Equal("done", job!["status"]!.GetValue<string>());
        Assert.Equal(5, job["rowsRead"]!.GetValue<long>());
        Assert.Equal(2, job["created"]!.GetValue<long>());
        Assert.Equal(3, job["failed"]!.GetValue<long>());
        Assert.Equal(["i2", "i3", "i1"], job["firstErrors"]!.AsArray().Select(e => e!["customerId"]!.GetValue<string>()).ToArray());
        var (_, ann) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/customers/i1");
        Assert.Equal("+6591234567", ann!["mobile"]!.GetValue<string>());
        using var download = await app.Client().GetAsync(job["report"]!["url"]!.GetValue<string>());
        var lines = (await download.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("i2,", StringComparison.Ordinal) && l.Contains("email", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("i3,", StringComparison.Ordinal) && l.Contains("mobile", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("i1,", StringComparison.Ordinal) && l.Contains("Duplicate", StringComparison.Ordinal));
    }
}
