using Azure.Core;
using CouponFunctions.Storage.Clients;

namespace CouponFunctions.Storage.Tests.Clients;

public sealed class StorageConnectionTests
{
    private const string Key = TestConnections.DevKey;

    [Fact]
    public void Parse_UseDevelopmentStorage_GivesAzuriteDefaultsWithSharedKey()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.True(connection.HasAccountKey);
        Assert.Null(connection.TokenCredential);
    }

    [Fact]
    public void Parse_AccountKeyWithSuffix_DerivesServiceEndpoints()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=coupons;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://coupons.blob.core.chinacloudapi.cn"), connection.BlobEndpoint);
        Assert.Equal(new Uri("https://coupons.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
        Assert.Equal(new Uri("https://coupons.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal("coupons", connection.AccountName);
    }

    [Fact]
    public void Parse_ProtocolWithoutSuffix_UsesPublicCloudSuffix()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=http;AccountName=coupons;AccountKey={Key}");

        Assert.Equal(new Uri("http://coupons.table.core.windows.net"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitPathStyleEndpoints_KeepsAccountInPath()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;" +
            "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:41000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:41001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:41002/devstoreaccount1"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_OnlyBlobEndpoint_LeavesOtherServicesUnset()
    {
        var connection = StorageConnection.Parse($"AccountName=acct;AccountKey={Key};BlobEndpoint=https://acct.blob.core.windows.net");

        Assert.NotNull(connection.BlobEndpoint);
        Assert.Null(connection.TableEndpoint);
        var clients = new StorageClients(connection);
        var error = Assert.Throws<InvalidOperationException>(() => clients.GetTableClient("coupons"));
        Assert.Contains("Table endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CaseInsensitiveNamesAndSpaces_Accepted()
    {
        var connection = StorageConnection.Parse($" accountname = acct ; ACCOUNTKEY={Key} ; endpointsuffix=core.windows.net ; ");

        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), connection.QueueEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("AccountName=acct;EndpointSuffix=core.windows.net", "AccountKey is missing")]
    [InlineData("AccountKey=" + Key + ";EndpointSuffix=core.windows.net", "AccountName is missing")]
    [InlineData("AccountName=acct;AccountKey=" + Key, "no endpoint")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";Flavour=vanilla", "not recognised")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2020&sig=abc", "SAS")]
    [InlineData("AccountName=acct;AccountName=other;AccountKey=" + Key, "twice")]
    [InlineData("just some text", "Name=Value")]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheProblem(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyNotBase64_ErrorDoesNotEchoTheKey()
    {
        const string secret = "not*base64*but*very*secret";

        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse($"AccountName=acct;AccountKey={secret};EndpointSuffix=core.windows.net"));

        Assert.Contains("AccountKey is not valid base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SharedKeyConnection_DoesNotRevealKey()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.DoesNotContain(Key, connection.ToString(), StringComparison.Ordinal);
        Assert.Contains("devstoreaccount1", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromServiceUris_TokenCredential_UsesTokenAndAccountFromHost()
    {
        var credential = new Moq.Mock<TokenCredential>().Object;

        var connection = StorageConnection.FromServiceUris(
            new Uri("https://coupons.table.core.windows.net/"), null, new Uri("https://coupons.blob.core.windows.net"), credential);

        Assert.Equal("coupons", connection.AccountName);
        Assert.False(connection.HasAccountKey);
        Assert.Same(credential, connection.TokenCredential);
        Assert.Null(connection.QueueEndpoint);
        Assert.Equal(new Uri("https://coupons.table.core.windows.net"), connection.TableEndpoint);
    }

    [Fact]
    public void FromServiceUris_PathStyleEndpoint_TakesAccountFromPath()
    {
        var connection = StorageConnection.FromServiceUris(null, new Uri("http://127.0.0.1:10001/devstoreaccount1"), null, new Moq.Mock<TokenCredential>().Object);

        Assert.Equal("devstoreaccount1", connection.AccountName);
    }
}
