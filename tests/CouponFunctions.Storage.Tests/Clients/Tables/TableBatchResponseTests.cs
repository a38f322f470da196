using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

public sealed class TableBatchResponseTests
{
    // Shape of the documented error response of an entity group transaction.
    private const string ErrorBody =
        "--batchresponse_7ab1c70c\r\n" +
        "Content-Type: multipart/mixed; boundary=changesetresponse_f9e3fc5c\r\n\r\n" +
        "--changesetresponse_f9e3fc5c\r\n" +
        "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 409 Conflict\r\nContent-ID: 4\r\nX-Content-Type-Options: nosniff\r\n" +
        "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n" +
        "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"3:The specified entity already exists.\\nRequestId:1\"}}}\r\n" +
        "--changesetresponse_f9e3fc5c--\r\n--batchresponse_7ab1c70c--\r\n";

    [Fact]
    public void Parse_ErrorResponse_GivesStatusCodeAndIndex()
    {
        var parts = TableBatchResponse.Parse(ErrorBody);

        var part = Assert.Single(parts);
        Assert.Equal(409, part.Status);
        var (code, message) = TableBatchResponse.ReadError(part);
        Assert.Equal("EntityAlreadyExists", code);
        Assert.Equal(3, TableBatchResponse.FailedIndex(message));
    }

    [Fact]
    public void Parse_SuccessResponses_OnePartPerActionWithETags()
    {
        var body =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
            "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\nETag: W/\"datetime'2026-01-01T00%3A00%3A00Z'\"\r\n\r\n\r\n" +
            "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\n\r\n\r\n" +
            "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

        var parts = TableBatchResponse.Parse(body);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(204, p.Status));
        Assert.Equal("W/\"datetime'2026-01-01T00%3A00%3A00Z'\"", parts[0].Headers["ETag"]);
        Assert.False(parts[1].Headers.ContainsKey("ETag"));
    }

    [Theory]
    [InlineData("12:bad", 12)]
    [InlineData("The specified entity already exists.", null)]
    [InlineData(null, null)]
    public void FailedIndex_MessagePrefix_Parsed(string? message, int? expected)
    {
        Assert.Equal(expected, TableBatchResponse.FailedIndex(message));
    }
}
