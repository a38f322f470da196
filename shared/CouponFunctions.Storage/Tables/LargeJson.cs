using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Storage.Tables;

/// <summary>
/// A JSON document in one or more string properties of a row: a string property holds at most 64 KiB (32K UTF-16
/// characters), an entity at most 1 MiB, so a long document (a template with product ids for many stores) is split over
/// "{name}", "{name}1", "{name}2"… and joined on read.
/// </summary>
internal static class LargeJson
{
    private const int PieceLength = 30_000;

    /// <summary>The most pieces one row gets: well under the entity's 1 MiB with room for the other properties.</summary>
    public const int MaxPieces = 15;

    public static void Write<T>(TableEntity entity, string name, T value)
    {
        var json = JsonSerializer.Serialize(value, MessageJson.Options);
        var pieces = (json.Length + PieceLength - 1) / PieceLength;
        if (pieces > MaxPieces)
            throw new ArgumentException($"The {name} is {json.Length} characters of JSON; a row holds at most {MaxPieces * PieceLength}.", nameof(value));
        for (var i = 0; i < Math.Max(pieces, 1); i++)
            entity[i == 0 ? name : $"{name}{i}"] = json.Substring(i * PieceLength, Math.Min(PieceLength, json.Length - (i * PieceLength)));
    }

    public static T Read<T>(TableEntity entity, string name)
    {
        var json = new System.Text.StringBuilder(entity.GetString(name) ?? throw new InvalidDataException($"The row has no {name}."));
        for (var i = 1; entity.GetString($"{name}{i}") is { } piece; i++) json.Append(piece);
        return JsonSerializer.Deserialize<T>(json.ToString(), MessageJson.Options) ?? throw new InvalidDataException($"The {name} is null.");
    }
}
