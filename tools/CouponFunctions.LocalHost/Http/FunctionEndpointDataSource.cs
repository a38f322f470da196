using CouponFunctions.LocalHost.Configuration;
using CouponFunctions.LocalHost.Worker;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace CouponFunctions.LocalHost.Http;

/// <summary>
/// One ASP.NET Core endpoint per HTTP-triggered function (route prefix from host.json + the function's route template, its
/// methods), added once the worker has described its functions. Routing matches them as Azure's host does: constraints
/// (<c>{id:int}</c>), optional and catch-all parameters. Nothing else reaches the worker: there is no admin invoke endpoint.
/// </summary>
internal sealed class FunctionEndpointDataSource : EndpointDataSource
{
    private readonly object _gate = new();
    private readonly ScriptRoot _root;
    private readonly HttpForwarder _forwarder;
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    public FunctionEndpointDataSource(ScriptRoot root, HttpForwarder forwarder, WorkerChannel channel)
    {
        _root = root;
        _forwarder = forwarder;
        _ = LoadWhenReadyAsync(channel);
    }

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override IChangeToken GetChangeToken()
    {
        lock (_gate) return new CancellationChangeToken(_changed.Token);
    }

    private async Task LoadWhenReadyAsync(WorkerChannel channel)
    {
        try
        {
            Load(await channel.FirstLoad.ConfigureAwait(false));
        }
        catch (InvalidOperationException)
        {
            // The worker did not load: Program reports it and stops.
        }
    }

    private void Load(IReadOnlyCollection<FunctionDescriptor> functions)
    {
        var endpoints = new List<Endpoint>();
        foreach (var function in functions.Where(f => string.Equals(f.TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase)))
        {
            var route = function.TriggerString("route") is { Length: > 0 } template ? template.Trim('/') : function.Name;
            var pattern = _root.RoutePrefix.Length == 0 ? route : $"{_root.RoutePrefix}/{route}";
            var builder = new RouteEndpointBuilder(context => _forwarder.ForwardAsync(function, context), RoutePatternFactory.Parse(pattern), order: 0)
            {
                DisplayName = function.Name,
            };
            var methods = function.Trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList();
            if (methods is { Count: > 0 }) builder.Metadata.Add(new HttpMethodMetadata(methods));
            endpoints.Add(builder.Build());
        }

        CancellationTokenSource previous;
        lock (_gate)
        {
            _endpoints = endpoints;
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
    }
}
