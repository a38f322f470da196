using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// A table row as a property bag, shaped like Azure.Data.Tables' TableEntity. <see cref="Timestamp"/> and <see cref="ETag"/>
/// are server metadata kept outside the dictionary. Supported values: string, bool, int, long, double, DateTimeOffset,
/// DateTime, Guid, byte[] and BinaryData (enums are stored as their name).
/// </summary>
public sealed class TableEntity : IDictionary<string, object?>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values) _properties[key] = value;
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => _properties[PartitionKeyName] = value;
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => _properties[RowKeyName] = value;
    }

    /// <summary>Last-modified time set by the service; never written.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's ETag as last read or written; pass it to UpdateEntityAsync/DeleteEntityAsync for optimistic concurrency.</summary>
    public ETag ETag { get; set; }

    /// <summary>The value, or null when the property is absent (like Azure.Data.Tables, no KeyNotFoundException).</summary>
    public object? this[string key]
    {
        get => _properties.GetValueOrDefault(key);
        set => _properties[key] = value;
    }

    public string? GetString(string key) => Get<string>(key);

    public int? GetInt32(string key) => GetStruct<int>(key);

    public long? GetInt64(string key) => _properties.GetValueOrDefault(key) is int i ? i : GetStruct<long>(key);

    public double? GetDouble(string key) => GetStruct<double>(key);

    public bool? GetBoolean(string key) => GetStruct<bool>(key);

    public Guid? GetGuid(string key) => GetStruct<Guid>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => _properties.GetValueOrDefault(key) switch
    {
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        _ => GetStruct<DateTimeOffset>(key),
    };

    public byte[]? GetBinary(string key) => _properties.GetValueOrDefault(key) switch
    {
        BinaryData data => data.ToArray(),
        _ => Get<byte[]>(key),
    };

    public BinaryData? GetBinaryData(string key) => GetBinary(key) is { } bytes ? new BinaryData(bytes) : null;

    private T? Get<T>(string key)
        where T : class => _properties.GetValueOrDefault(key) switch
        {
            null => null,
            T value => value,
            var other => throw Mismatch(key, typeof(T), other),
        };

    private T? GetStruct<T>(string key)
        where T : struct => _properties.GetValueOrDefault(key) switch
        {
            null => null,
            T value => value,
            var other => throw Mismatch(key, typeof(T), other),
        };

    private static InvalidOperationException Mismatch(string key, Type wanted, object actual) =>
        new($"Property '{key}' holds a {actual.GetType().Name}, not a {wanted.Name}.");

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public void Add(string key, object? value) => _properties.Add(key, value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    public void Clear() => _properties.Clear();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
