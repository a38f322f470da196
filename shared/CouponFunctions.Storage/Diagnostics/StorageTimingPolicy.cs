using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Storage.Diagnostics;

/// <summary>
/// Times every storage request (each try) of the request being served into its <see cref="RequestTimings"/> as
/// <c>storage</c>: the API's Server-Timing header then shows how many storage calls a response cost and how long they took.
/// </summary>
internal sealed class StorageTimingPolicy : HttpPipelinePolicy
{
    public const string Name = "storage";

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var timings = RequestTimings.Current;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            timings?.Add(Name, Stopwatch.GetTimestamp() - started);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var timings = RequestTimings.Current;
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            timings?.Add(Name, Stopwatch.GetTimestamp() - started);
        }
    }
}
