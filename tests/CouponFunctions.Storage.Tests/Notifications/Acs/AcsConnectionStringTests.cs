using CouponFunctions.Storage.Notifications.Acs;

namespace CouponFunctions.Storage.Tests.Notifications.Acs;

public sealed class AcsConnectionStringTests
{
    private const string Key = "YWNzLXRlc3QtYWNjZXNzLWtleS0wMTIzNDU2Nzg5YWJjZGVm";

    [Fact]
    public void Parse_EndpointAndKey_AnyCaseAndOrder()
    {
        var parsed = AcsConnectionString.Parse($"AccessKey={Key};Endpoint=https://contoso.communication.azure.com/;");

        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccessKey);
        Assert.DoesNotContain(Key, parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("endpoint=https://contoso.communication.azure.com/", "accesskey is missing")]
    [InlineData("accesskey=" + Key, "endpoint is missing")]
    [InlineData("endpoint=contoso;accesskey=" + Key, "absolute")]
    [InlineData("endpoint=https://c.communication.azure.com/;accesskey=***secret***", "not valid base64")]
    [InlineData("endpoint=https://c.communication.azure.com/;accesskey=" + Key + ";region=x", "recognised")]
    public void Parse_Invalid_ThrowsFormatExceptionWithoutTheKey(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => new AcsEmailClient(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("***secret***", error.Message, StringComparison.Ordinal);
    }
}
