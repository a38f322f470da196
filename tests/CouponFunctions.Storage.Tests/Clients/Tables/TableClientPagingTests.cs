using System.Net;
using System.Web;
using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

/// <summary>Paging edge cases Azurite cannot produce on demand, answered by a stub transport.</summary>
public sealed class TableClientPagingTests
{
    [Fact]
    public async Task QueryAsync_EmptyPageWithContinuation_KeepsFollowingUntilHeadersStop()
    {
        var handler = new StubHandler(request =>
        {
            var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            return query["NextPartitionKey"] switch
            {
                null => StubHandler.Json("""{"value":[{"PartitionKey":"a","RowKey":"1"}]}""",
                    ("x-ms-continuation-NextPartitionKey", "1!4!Yg--"), ("x-ms-continuation-NextRowKey", "1!4!MQ--")),
                "1!4!Yg--" => StubHandler.Json("""{"value":[]}""", ("x-ms-continuation-NextPartitionKey", "1!4!Yw--")),
                _ => StubHandler.Json("""{"value":[{"PartitionKey":"c","RowKey":"2"}]}"""),
            };
        });
        var table = TestConnections.Stubbed(handler).GetTableClient("coupons");

        var pages = new List<int>();
        await foreach (var page in table.QueryAsync(maxPerPage: 5).AsPages()) pages.Add(page.Values.Count);

        Assert.Equal([1, 0, 1], pages);
        Assert.Equal(3, handler.Requests.Count);
        var second = HttpUtility.ParseQueryString(handler.Requests[1].RequestUri!.Query);
        Assert.Equal("1!4!Yg--", second["NextPartitionKey"]);
        Assert.Equal("1!4!MQ--", second["NextRowKey"]);
        Assert.Equal("5", second["$top"]);
        var third = HttpUtility.ParseQueryString(handler.Requests[2].RequestUri!.Query);
        Assert.Null(third["NextRowKey"]);
    }

    [Fact]
    public async Task QueryAsync_RequestHeaders_AskForMinimalMetadataAndSignWithSharedKeyLite()
    {
        var handler = new StubHandler(_ => StubHandler.Json("""{"value":[]}"""));
        var table = TestConnections.Stubbed(handler).GetTableClient("coupons");

        await foreach (var _ in table.QueryAsync(TableFilter.Create($"PartitionKey eq {"t1"}")))
        {
        }

        var request = Assert.Single(handler.Requests);
        Assert.Contains("odata=minimalmetadata", string.Join(",", request.Headers.GetValues("Accept")), StringComparison.Ordinal);
        Assert.Equal("2019-02-02", request.Headers.GetValues("x-ms-version").Single());
        Assert.StartsWith("SharedKeyLite devstoreaccount1:", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.Equal("/devstoreaccount1/coupons()", request.RequestUri!.AbsolutePath);
        Assert.Equal("PartitionKey eq 't1'", HttpUtility.ParseQueryString(request.RequestUri.Query)["$filter"]);
    }

    [Fact]
    public async Task QueryAsync_ServerError_ThrowsWithStatusAndErrorCode()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("""{"odata.error":{"code":"AuthorizationFailure","message":{"lang":"en-US","value":"nope"}}}"""),
        });
        var table = TestConnections.Stubbed(handler).GetTableClient("coupons");

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(async () =>
        {
            await foreach (var _ in table.QueryAsync())
            {
            }
        });

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
    }
}
