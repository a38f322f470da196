using System.Security.Cryptography;
using System.Text;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Deployments;

/// <summary>What the deploy orchestration needs, ids only: the job, the template at the version the operator deployed, and the canary.</summary>
public sealed record DeployTemplateInput(string TenantId, string JobId, string TemplateId, string TemplateVersion, bool AcknowledgeWarnings, string? CanaryStoreId);

/// <summary>The job a start created or found (<see cref="Created"/> false: the same Idempotency-Key was sent before).</summary>
public sealed record StartedJob<TInput>(Job Job, TInput Input, bool Created);

/// <summary><c>POST /api/deployments</c>: checks the request and the caller, then stores the job and one pending item per store
/// under an id derived from the Idempotency-Key, so a repeated request finds the job it started instead of starting another.</summary>
public sealed class StartDeploymentHandler(ITemplateRepository templates, IStoreRepository stores, IJobRepository jobs, IApiKeyRepository keys, TimeProvider time)
{
    public async Task<Result<StartedJob<DeployTemplateInput>>> HandleAsync(
        Caller caller, string? idempotencyKey, DeploymentInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var keyErrors = IdempotencyKeys.Check(idempotencyKey);
        var parsed = DeploymentRequest.From(input);
        if (!keyErrors.IsEmpty || !parsed.IsOk)
        {
            var errors = parsed.Errors ?? new ValidationErrors();
            foreach (var (field, messages) in keyErrors) foreach (var m in messages) errors.Add(field, m);
            return errors;
        }

        var request = parsed.Value!;
        var access = JobAccess.Check(caller, request.StoreIds, act: true);
        if (!access.IsOk) return access.As<StartedJob<DeployTemplateInput>>();
        var template = await templates.GetAsync(caller.TenantId, request.TemplateId, cancellationToken);
        if (template is null) return new ValidationErrors().Add("templateId", $"There is no template {request.TemplateId}.");
        var found = await DeploymentStores.LoadAsync(stores, caller.TenantId, request.StoreIds, cancellationToken);
        if (!found.IsOk) return found.As<StartedJob<DeployTemplateInput>>();

        var jobId = IdempotencyKeys.JobIdOf(caller.TenantId, idempotencyKey!);
        var orchestration = new DeployTemplateInput(caller.TenantId.Value, jobId.Value, template.Id.Value, template.Version!, request.AcknowledgeWarnings, request.CanaryStoreId?.Value);
        if (await jobs.GetAsync(caller.TenantId, jobId, cancellationToken) is { } existing)
            return Result<StartedJob<DeployTemplateInput>>.Ok(new(existing, orchestration, Created: false));

        var items = found.Value!.Select(s => new JobItem
        {
            JobId = jobId, StoreId = s.Id, StoreName = s.DisplayName, Platform = s.Platform, Action = JobItem.CreateAction,
        }).ToList();
        var job = new Job
        {
            TenantId = caller.TenantId,
            Id = jobId,
            Type = JobType.Deployment,
            Title = $"Deploy {template.Definition.Name} to {items.Count} store{(items.Count == 1 ? "" : "s")}",
            StartedBy = new JobStarter((await keys.GetAsync(caller.TenantId, caller.KeyId, cancellationToken))?.Name ?? caller.KeyId, caller.KeyId),
            CreatedAt = time.GetUtcNow(),
            Counts = JobCounts.Of(items.Select(i => i.State)),
        };
        var stored = await jobs.CreateAsync(job, items, cancellationToken);
        return Result<StartedJob<DeployTemplateInput>>.Ok(new(stored, orchestration, Created: true));
    }
}

/// <summary>The Idempotency-Key header: checked, and turned into the job id (the same key in a tenant is the same job).</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    public static ValidationErrors Check(string? key)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(key)) errors.Add(Header, "Send an Idempotency-Key header (for example a UUID), so that a repeated request starts nothing twice.");
        else if (key.Length > MaxLength || key.Any(char.IsControl)) errors.Add(Header, $"The Idempotency-Key must be 1–{MaxLength} printable characters.");
        return errors;
    }

    public static JobId JobIdOf(TenantId tenantId, string key) =>
        JobId.Parse("job-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId.Value}|{key}")).AsSpan(0, 10)));
}
