"""Decisions about settings: which the code reads but Azure must not get, which the host or platform provides, which
Flex rejects, and which infra/ sets ahead of the code."""
from __future__ import annotations

# Settings the code reads that Azure must NOT get, each with the reason. Adding a name here is a deliberate decision.
# Some are only read by the code of the custom-handler era and disappear with it; listing them costs nothing.
_LOCAL_SANDBOX = "the platform sandboxes and their demo stores are local only; Azure sets Sandbox__Enabled=false"
_BOOTSTRAP = "local first-tenant bootstrap only; Azure sets Bootstrap__Enabled=false (infra/README.md: first tenant)"
NOT_FOR_AZURE = {
    "Bootstrap__TenantId": _BOOTSTRAP,
    "Bootstrap__TenantName": _BOOTSTRAP,
    "Bootstrap__KeyFile": _BOOTSTRAP,
    "Sandbox__Url": "the local sandboxes' own URL/port; " + _LOCAL_SANDBOX,
    "Sandbox__Demo": _LOCAL_SANDBOX,
    "Sandbox__Demo__AdvanceInterval": _LOCAL_SANDBOX,
    "Sandbox__Demo__Enabled": _LOCAL_SANDBOX,
    "Standalone__Url": "the custom handler's standalone mode; the local Functions host's URL, never Azure's",
    "Runner__Enabled": "the custom handler's in-process trigger runner; in Azure the Functions host runs the triggers",
    "FunctionApp__RootPath": "the custom handler's local app-root override; the Functions host knows its app root",
    "urls": "ASP.NET Core's listen URLs; in Azure the host and the worker pick their ports",
    "ASPNETCORE_URLS": "ASP.NET Core's listen URLs; in Azure the host and the worker pick their ports",
}
# Environment variables the Functions host and the platform set for the worker process (FUNCTIONS_APPLICATION_DIRECTORY,
# WEBSITE_HOSTNAME, ...), never app settings of ours. FUNCTIONS_WORKER_RUNTIME is checked against the Flex runtime.
HOST_PROVIDED_PREFIXES = ("FUNCTIONS_", "WEBSITE_", "CONTAINER_NAME")
# host.json overrides (AzureFunctionsJobHost__extensions__queues__maxDequeueCount, ...): the package's host.json holds
# the value, so Azure needs none of them; the code reading one falls back to host.json's.
HOST_JSON_OVERRIDE_PREFIX = "AzureFunctionsJobHost__"
# Flex Consumption's stack for the isolated worker: functionAppConfig.runtime name (version = the TargetFramework's).
FLEX_RUNTIME_NAME = "dotnet-isolated"
# Flex Consumption rejects these as app settings; the runtime lives in functionAppConfig.runtime instead.
FLEX_FORBIDDEN_SETTINGS = {"FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME_VERSION",
                           "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
                           "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD", "WEBSITE_NODE_DEFAULT_VERSION"}
# Settings infra/ provides that the app does not read (yet): platform settings, and names provided ahead of the
# code (README "Settings provided ahead of the app"). Anything else in the Bicep that the app does not read fails.
PLATFORM_SETTINGS = {"APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
                     "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET"}
PLATFORM_PREFIXES = ("AzureWebJobsStorage__", HOST_JSON_OVERRIDE_PREFIX)
# The timer schedules of the isolated worker's [TimerTrigger("%SyncCouponsSchedule%")]: the host resolves them from app
# settings, and a function whose %setting% is missing fails to load. Set ahead of the code that reads them.
AHEAD_OF_APP: set[str] = set()
