using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;
using CouponFunctions.Handler.Startup;
using CouponFunctions.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Handler.Tests.Hosting;

/// <summary>The app's own function.json files agree with the code: queues, endpoints and host settings.</summary>
public sealed class FunctionAppDefinitionTests
{
    private static readonly FunctionAppDefinition App = FunctionAppLoader.Load(
        Path.Combine(AppContext.BaseDirectory, "RealFunctionApp", "host.json"),
        Path.Combine(AppContext.BaseDirectory, "RealFunctionApp", "functions"),
        _ => null);

    [Fact]
    public void QueueNames_EveryMessageTheCodeSends_HasAFunctionConsumingItsQueue()
    {
        var consumed = App.Functions.Select(f => f.Trigger).OfType<QueueTrigger>().Select(q => q.QueueName).ToHashSet();

        Assert.All(QueueNames.Messages.Values, queue => Assert.Contains(queue, consumed));
        Assert.Equal(consumed.Order(), QueueNames.Messages.Values.Distinct().Order());
    }

    [Fact]
    public void Functions_EveryTimerAndQueueDefinition_HasARegisteredEndpoint()
    {
        var services = new ServiceCollection();
        services.AddCouponCore(new ConfigurationBuilder().Build(), "http://127.0.0.1:7071/admin/");

        var registrations = services.Where(d => d.ServiceType == typeof(FunctionRegistration)).Select(d => (FunctionRegistration)d.ImplementationInstance!).ToList();

        FunctionRegistrations.Verify(App, registrations);
        Assert.Equal(App.Functions.Where(f => f.Trigger is not HttpTrigger).Select(f => f.Name).Order(), registrations.Select(r => r.Name).Order());
    }

    [Fact]
    public void Host_QueueSettingsAndForwarding_AreWhatTheRunnerAndAzureExpect()
    {
        Assert.True(App.Host.ForwardHttpRequests);
        Assert.Equal("api", App.Host.RoutePrefix);
        Assert.True(App.Host.Queues.Base64Encoding);
        Assert.Equal(5, App.Host.Queues.MaxDequeueCount);
        var http = Assert.Single(App.Functions, f => f.Trigger is HttpTrigger);
        Assert.Equal("{*path}", ((HttpTrigger)http.Trigger).Route);
        Assert.All(App.Functions.Select(f => f.Trigger).OfType<TimerTrigger>(), t => Assert.Equal(6, t.Schedule.Split(' ').Length));
    }
}
