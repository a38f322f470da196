using Azure;

namespace CouponFunctions.Storage.Clients.Pipeline;

/// <summary>A <see cref="NullableResponse{T}"/> for "not found": the raw response without a value.</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException(
        $"The response has no value (status {response.Status}). Check HasValue first.");

    public override Response GetRawResponse() => response;
}
