using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace CouponFunctions.LocalHost.Worker;

/// <summary>Supplies the data of a non-trigger input binding the host owns (the Durable client binding) to an invocation.</summary>
internal interface IInputBindingSource
{
    void AddInputs(FunctionDescriptor function, InvocationRequest request);
}
