using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Core.Deployments;

/// <summary>One store of a deploy, as the orchestration's activity asks for it.</summary>
public sealed record DeployStoreInput(DeployTemplateInput Job, string StoreId);

/// <summary>How the store's item stands after the activity: finished in <see cref="State"/>, or to be asked again at <see cref="LookAgainAt"/>.</summary>
public sealed record DeployStoreOutcome(JobItemState State, DateTimeOffset? LookAgainAt = null);

/// <summary>
/// The deploy of one template to one store, safe to run any number of times: a finished item is left as it is; a pending
/// one is cancelled if the job was; otherwise the store is re-checked against the platform's coupons as listed now, and
/// the coupon is adopted or created through the create-attempt row (<see cref="AdoptOrCreate"/>), so a retry or a crash
/// never creates a second coupon. A created coupon is synced into the list at once (a sync of the store is queued).
/// </summary>
public sealed class DeployStoreHandler(
    IJobRepository jobs, ITemplateRepository templates, IStoreRepository stores, ICreateAttemptRepository attempts,
    IPlatformConnectors connectors, DeploymentPreviewer previewer, IWorkQueue queue, ICouponCampaigns campaigns, IOptions<JobOptions> options, TimeProvider time)
{
    public async Task<DeployStoreOutcome> HandleAsync(DeployStoreInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tenant = TenantId.Parse(input.Job.TenantId);
        var jobId = JobId.Parse(input.Job.JobId);
        var storeId = StoreId.Parse(input.StoreId);
        var job = await jobs.GetAsync(tenant, jobId, cancellationToken) ?? throw new InvalidOperationException($"Job {jobId} is gone.");
        var item = await jobs.GetItemAsync(tenant, jobId, JobItem.KeyOf(storeId, null), cancellationToken)
            ?? throw new InvalidOperationException($"Job {jobId} has no item for store {storeId}.");
        if (item.State is not (JobItemState.Pending or JobItemState.Started)) return new(item.State);
        if (item.State == JobItemState.Pending)
        {
            if (!JobCancellation.ShouldStart(item, job.CancelRequested)) return await SaveAsync(tenant, item.Cancel(time.GetUtcNow()), cancellationToken);
            var started = await jobs.UpdateItemsAsync(tenant, [item with { State = JobItemState.Started, StartedAt = time.GetUtcNow() }], cancellationToken);
            // Conflict: a cancel (or another run of this activity) changed the row first; its state decides.
            if (started.Written.Count == 0) return await HandleAsync(input, cancellationToken);
            item = started.Written[0];
        }

        var (outcome, lookAgainAt) = await DeployAsync(input.Job, tenant, jobId, job.CreatedAt, storeId, cancellationToken);
        if (outcome is null) return new(JobItemState.Started, lookAgainAt);
        var finished = await SaveAsync(tenant, item.Finish(outcome, time.GetUtcNow()), cancellationToken);
        if (outcome.State == JobItemState.Succeeded)
            await queue.EnqueueAsync(new SyncStoreMessage(tenant.Value, storeId.Value, SyncStoreMessage.Manual, time.GetUtcNow()), null, cancellationToken);
        return finished;
    }

    /// <summary>Fails the store's item when its activity kept throwing (left as it is when it finished meanwhile).</summary>
    public async Task<JobItemState> FailAsync(DeployStoreInput input, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tenant = TenantId.Parse(input.Job.TenantId);
        var item = await jobs.GetItemAsync(tenant, JobId.Parse(input.Job.JobId), input.StoreId, cancellationToken);
        if (item is null || item.State is not (JobItemState.Pending or JobItemState.Started)) return item?.State ?? JobItemState.Failed;
        var outcome = new ItemOutcome { State = JobItemState.Failed, ReasonCode = ItemReasons.PlatformError, Message = $"The deploy of this store failed repeatedly ({reason}); nothing more was tried." };
        return (await SaveAsync(tenant, item.Finish(outcome, time.GetUtcNow()), cancellationToken)).State;
    }

    private async Task<(ItemOutcome? Outcome, DateTimeOffset? LookAgainAt)> DeployAsync(
        DeployTemplateInput job, TenantId tenant, JobId jobId, DateTimeOffset deployAt, StoreId storeId, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(tenant, TemplateId.Parse(job.TemplateId), cancellationToken);
        if (template is null || template.Version != job.TemplateVersion)
            return (ItemOutcome.NotSupported("The template was changed or deleted after this deploy started; deploy it again."), null);
        var store = await stores.GetAsync(tenant, storeId, cancellationToken);
        if (store is null) return (ItemOutcome.NotSupported("The store was removed after this deploy started."), null);
        // A platform whose API creates no coupons (TikTok Shop) is refused before any call, in the preview's words.
        if (PlatformCapabilities.For(store.Platform).Check(CouponOperation.Create) is { Allowed: false, Reason: var refusal })
            return (ItemOutcome.NotSupported(refusal!), null);

        var connector = connectors.For(store.Platform);
        var connection = store.ToConnection();
        List<Coupon> listed = [];
        try
        {
            await foreach (var page in connector.ListCouponsAsync(connection, cancellationToken)) listed.AddRange(page);
        }
        catch (PlatformException e)
        {
            return (ItemOutcome.FromPlatformError(e.Error), null);
        }

        var recheck = previewer.Preview(template, store, listed, deployAt);
        var attempt = await attempts.GetAsync(tenant, jobId, storeId, null, cancellationToken);
        // Once an attempt was made, the re-check's "duplicate code" warning is about our own coupon: adopt-or-create decides.
        if (attempt is null && ItemOutcomes.BeforeCreate(recheck, job.AcknowledgeWarnings) is { } refused) return (refused, null);
        if (recheck.Draft is not { } draft) return (ItemOutcomes.BeforeCreate(recheck, job.AcknowledgeWarnings), null);

        var created = await new CouponCreator(attempts, options.Value.CreateSettleTime, time)
            .CreateOnceAsync(connector, connection, new CreateRequest(tenant, jobId, storeId, null, draft), attempt, listed, cancellationToken);
        // Created or adopted: the coupon carries the template's campaign before the item is finished (a retry tags it again).
        if (created.Outcome is { State: JobItemState.Succeeded, CouponId: { } couponId }) await TagAsync(tenant, storeId, couponId, template, cancellationToken);
        return (created.Outcome, created.LookAgainAt);
    }

    /// <summary>The coupon carries the template's campaign. Before the item is finished: a retry that adopts the coupon tags it again.</summary>
    private async Task TagAsync(TenantId tenant, StoreId storeId, string couponId, CouponTemplate template, CancellationToken cancellationToken)
    {
        if (template.Definition.Campaign is { } campaign) await campaigns.SetAsync(tenant, storeId, [couponId], campaign.Name, cancellationToken);
    }

    private async Task<DeployStoreOutcome> SaveAsync(TenantId tenant, JobItem item, CancellationToken cancellationToken)
    {
        var written = await jobs.UpdateItemsAsync(tenant, [item], cancellationToken);
        return new(written.Written.Count == 1 ? item.State : (await jobs.GetItemAsync(tenant, item.JobId, JobItem.KeyOf(item.StoreId, null), cancellationToken))?.State ?? item.State);
    }
}
