using System.Text;
using System.Text.Json;
using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

public sealed class TableEntityJsonTests
{
    [Fact]
    public void Serialize_TypesJsonCannotCarry_GetODataAnnotations()
    {
        var entity = new TableEntity("p", "r")
        {
            ["Big"] = 9_007_199_254_740_993L,
            ["When"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1),
            ["Whole"] = 5.0,
            ["Id"] = Guid.Empty,
            ["Bytes"] = new byte[] { 1, 2 },
            ["Nothing"] = null,
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Contains("\"Big@odata.type\":\"Edm.Int64\",\"Big\":\"9007199254740993\"", json, StringComparison.Ordinal);
        Assert.Contains("\"When@odata.type\":\"Edm.DateTime\",\"When\":\"2026-01-02T03:04:05.0000001Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Whole@odata.type\":\"Edm.Double\",\"Whole\":5", json, StringComparison.Ordinal);
        Assert.Contains("\"Id@odata.type\":\"Edm.Guid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Bytes@odata.type\":\"Edm.Binary\",\"Bytes\":\"AQI=\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public void Serialize_UnsupportedType_ThrowsNamingProperty()
    {
        var entity = new TableEntity("p", "r") { ["Price"] = 9.99m };

        var error = Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(entity));

        Assert.Contains("Price", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnannotatedNumbers_WholeIsInt32AndFractionIsDouble()
    {
        using var document = JsonDocument.Parse(
            """{"odata.etag":"W/\"x\"","PartitionKey":"p","RowKey":"r","Timestamp":"2026-01-01T00:00:00.1234567Z","I":5,"D":5.0,"E":1.5E+300,"S":"s","B":false}""");

        var entity = TableEntityJson.Deserialize(document.RootElement);

        Assert.Equal(5, entity.GetInt32("I"));
        Assert.Equal(5.0, entity.GetDouble("D"));
        Assert.Equal(1.5e300, entity.GetDouble("E"));
        Assert.False(entity.GetBoolean("B"));
        Assert.Equal("W/\"x\"", entity.ETag.ToString());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.False(entity.ContainsKey("Timestamp"));
    }

    [Fact]
    public void Getters_WrongType_ThrowWithPropertyName()
    {
        var entity = new TableEntity("p", "r") { ["Count"] = "seven" };

        var error = Assert.Throws<InvalidOperationException>(() => entity.GetInt32("Count"));

        Assert.Contains("Count", error.Message, StringComparison.Ordinal);
        Assert.Null(entity.GetInt32("Missing"));
        Assert.Null(entity["Missing"]);
    }

    [Fact]
    public void GetInt64_Int32Value_Widens()
    {
        var entity = new TableEntity("p", "r") { ["N"] = 7 };

        Assert.Equal(7L, entity.GetInt64("N"));
    }
}
