// CouponFunctions in Azure: one Function App on Flex Consumption (Linux) running the .NET 10 isolated worker
// (functionAppConfig.runtime dotnet-isolated 10.0), its Storage account (the database: tables, queues, blobs; also the
// Functions host's storage and the Durable Functions task hub), Key Vault, Application Insights, optional Azure
// Communication Services Email, and one user-assigned managed identity that every connection uses (no shared keys).
//
// Deploy into an existing resource group:
//   az deployment group create -g <rg> -f infra/main.bicep -p @infra/main.parameters.json
// then the package from scripts/package.sh (see infra/README.md).
//
// infra/validate.sh compiles it with the Bicep CLI (linter warnings are errors) and keeps it in step with the code: the
// settings the app reads, TableNames, ContainerNames, QueueNames and every [QueueTrigger] queue, the /api routes of the
// [HttpTrigger] functions, and the Durable task hub in host.json.

targetScope = 'resourceGroup'

// ------------------------------------------------------------------ parameters

@description('Region of every resource but ACS (global). Flex Consumption must be offered there (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Short name used in resource names: lowercase letters, digits, hyphens.')
@minLength(2)
@maxLength(12)
param namePrefix string = 'couponfn'

@description('Environment name in resource names and tags, e.g. prod, staging.')
@minLength(2)
@maxLength(8)
param environmentName string = 'prod'

@description('Function App name (global DNS name); empty = func-<prefix>-<env>-<token>.')
param functionAppName string = ''

@description('Tags added to every resource.')
param tags object = {}

@description('Most instances Flex may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_LRS'

@description('Shared Key access to the storage account. Keep false: the app and the host use the managed identity.')
param allowStorageSharedKeyAccess bool = false

@description('Principal ids (people, groups, pipelines) given blob/queue/table data roles, e.g. for Storage Explorer.')
param storageDataPrincipalIds array = []

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key Vault purge protection (cannot be turned off again once on).')
param keyVaultPurgeProtection bool = true

@description('Principal ids (people, groups, pipelines) that set Key Vault secrets (Key Vault Secrets Officer).')
param keyVaultSecretsOfficerPrincipalIds array = []

@description('How long an instance trusts a checked API key, in seconds (Auth:KeyCacheSeconds).')
@minValue(0)
param authKeyCacheSeconds int = 30

// Platform app credentials. The ids/keys are not secret; each platform's secret goes to Key Vault. A platform whose
// id/key is empty is left unconfigured (its secret setting is not emitted).
@description('Shopee Open Platform partner_id.')
param shopeePartnerId string = ''
@description('Lazada Open Platform app_key.')
param lazadaAppKey string = ''
@description('TikTok Shop Partner Center app_key.')
param tiktokAppKey string = ''
@description('TikTok Shop service_id of the authorization page.')
param tiktokServiceId string = ''
@description('SHOPLINE developer center appkey.')
param shoplineAppKey string = ''

// Secret values. Each one given is written to Key Vault; an empty one leaves the vault's current value alone, so
// secrets can instead be set once with `az keyvault secret set` (infra/README.md lists the names).
@secure()
@description('Base64 256-bit AES key for platform tokens at rest (Security:EncryptionKey). Generate: openssl rand -base64 32.')
param encryptionKey string = ''
@secure()
param shopeePartnerKey string = ''
@secure()
param lazadaAppSecret string = ''
@secure()
param tiktokAppSecret string = ''
@secure()
param shoplineAppSecret string = ''
@secure()
@description('Client secret of the admin page\'s Entra ID app registration (when enableAdminAuth).')
param adminAuthClientSecret string = ''

@description('''Overrides of the tunable settings in var tunableAppSettings (connector throttling and retries, rule
catalog, sync and token timings), by full app-setting name, e.g. { "Platforms__Shopee__AppQps": "20" } or, for a
collection, { "Platforms__Lazada__Gateways__SG": "https://..." }. Unset ones keep the code defaults; unknown names are
ignored and listed in the output ignoredAppSettingOverrides.''')
param appSettingOverrides object = {}

@description('Create Azure Communication Services Email and send notifications through it (Notifications:Sink=acs); false keeps the blob outbox.')
param enableEmail bool = false

@description('ACS SMS sender for customer coupon sends: an E.164 number bought for the ACS resource (toll-free, short code) or an alphanumeric sender id. Needs enableEmail (it creates the ACS resource); empty keeps SMS in the blob outbox (Notifications:Sms:Sink=outbox).')
param smsSender string = ''

@description('Where ACS keeps its data at rest, e.g. Asia Pacific, Europe, United States.')
param emailDataLocation string = 'Asia Pacific'

@description('Public base URL of the admin page for links in alerts and digests; empty = https://<default host name>/api/admin/.')
param adminPublicUrl string = ''

@description('Put App Service Authentication (Entra ID) in front of the admin page; the HTTP API stays on its API keys.')
param enableAdminAuth bool = false
@description('Application (client) id of the Entra ID app registration for the admin page.')
param adminAuthClientId string = ''
@description('Tenant of that app registration.')
param adminAuthTenantId string = tenant().tenantId
@description('Entra group object ids allowed to sign in (needs group claims in the token); empty = any account the registration admits.')
param adminAuthAllowedGroupIds array = []
@description('More paths to let through without sign-in, besides the HTTP API paths in var apiExcludedPaths.')
param adminAuthExtraExcludedPaths array = []

// ------------------------------------------------------------------ names

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var compactPrefix = toLower(replace(namePrefix, '-', ''))
var allTags = union(tags, {
  app: 'couponfunctions'
  environment: environmentName
})
var names = {
  identity: 'id-${namePrefix}-${environmentName}'
  storage: 'st${take(compactPrefix, 9)}${take(token, 13)}'
  keyVault: 'kv-${take(compactPrefix, 8)}-${take(token, 10)}'
  workspace: 'log-${namePrefix}-${environmentName}'
  appInsights: 'appi-${namePrefix}-${environmentName}'
  plan: 'plan-${namePrefix}-${environmentName}'
  functionApp: empty(functionAppName) ? 'func-${namePrefix}-${environmentName}-${take(token, 6)}' : functionAppName
  acs: 'acs-${namePrefix}-${environmentName}-${take(token, 6)}'
  emailService: 'email-${namePrefix}-${environmentName}-${take(token, 6)}'
}

// ------------------------------------------------------------------ what the code uses (checked by validate.sh)

// TableNames.All (shared/CouponFunctions.Storage/TableNames.cs).
var tableNames = [
  'Tenants'
  'ApiKeys'
  'Stores'
  'PlatformFailures'
  'Coupons'
  'SyncState'
  'SyncRuns'
  'Inspections'
  'InspectionState'
  'TenantSettings'
  'Templates'
  'Jobs'
  'JobItems'
  'CreateAttempts'
  'Customers'
  'Segments'
  'SegmentMembers'
  'Sends'
  'SendsDue'
  'SendRecipients'
  'SendOutcomes'
  'FindingAcknowledgements'
]

// QueueNames and the queue of every [QueueTrigger]; storage.bicep adds each <queue>-poison (the host moves a message
// there after host.json's maxDequeueCount). The Durable task hub's own queues, tables and blob containers are not
// listed: the Durable extension creates them in the AzureWebJobsStorage account at start.
var queueNames = [
  'inspect-tenant'
  'refresh-store-token'
  'sync-store'
]

// ContainerNames.All (shared/CouponFunctions.Storage/StorageInitializer.cs).
var containerNames = [
  'outbox'
  'readmodel'
  'reports'
  'daytotals'
]

// The container Flex Consumption deploys the package from.
var deploymentContainerName = 'app-package'

// The HTTP API's paths: App Service Authentication lets them through (the app checks the API key on each), while
// the admin page (/api/admin/...) and everything else needs an Entra ID sign-in. One pair per /api/<segment> of the
// [HttpTrigger] routes (routePrefix "api"); both forms, because whether "/x/*" also matches "/x" is not documented.
// The health route and the platforms' OAuth callback are among them: they stay anonymous.
var apiExcludedPaths = [
  '/api/attention'
  '/api/attention/*'
  '/api/performance'
  '/api/performance/*'
  '/api/campaigns'
  '/api/campaigns/*'
  '/api/coupons'
  '/api/coupons/*'
  '/api/customers'
  '/api/customers/*'
  '/api/deployments'
  '/api/deployments/*'
  '/api/findings'
  '/api/findings/*'
  '/api/health'
  '/api/health/*'
  '/api/jobs'
  '/api/jobs/*'
  '/api/keys'
  '/api/keys/*'
  '/api/me'
  '/api/me/*'
  // The platforms send the seller's browser back here; the app checks its own encrypted, expiring state.
  '/api/oauth'
  '/api/oauth/*'
  '/api/outbox'
  '/api/outbox/*'
  '/api/segments'
  '/api/segments/*'
  '/api/sends'
  '/api/sends/*'
  '/api/settings'
  '/api/settings/*'
  '/api/stores'
  '/api/stores/*'
  // Customers follow unsubscribe links from their mail; the app checks its own encrypted token.
  '/api/unsubscribe'
  '/api/unsubscribe/*'
  '/api/templates'
  '/api/templates/*'
]

// Settings the code reads that keep their code defaults unless appSettingOverrides sets them. A name ending in __*
// is a collection (dictionary or array) whose entries are set one by one (..__<key>).
var tunableAppSettings = [
  'Platforms__Lazada__AppBurst'
  'Platforms__Lazada__AppQps'
  'Platforms__Lazada__AuthBaseUrl'
  'Platforms__Lazada__AuthorizeUrl'
  'Platforms__Lazada__BaseUrl'
  'Platforms__Lazada__CircuitBreakDuration'
  'Platforms__Lazada__CircuitFailureRatio'
  'Platforms__Lazada__CircuitMinimumThroughput'
  'Platforms__Lazada__CircuitSamplingDuration'
  'Platforms__Lazada__DisplayArea'
  'Platforms__Lazada__Gateways__*'
  'Platforms__Lazada__MaxRetries'
  'Platforms__Lazada__MaxRetryDelay'
  'Platforms__Lazada__PageSize'
  'Platforms__Lazada__RetryBaseDelay'
  'Platforms__Lazada__ShopBurst'
  'Platforms__Lazada__ShopQps'
  'Platforms__Lazada__Timeout'
  'Platforms__Lazada__UseBaseUrlForAllSites'

  'Platforms__Shopee__AppBurst'
  'Platforms__Shopee__AppQps'
  'Platforms__Shopee__BaseUrl'
  'Platforms__Shopee__CircuitBreakDuration'
  'Platforms__Shopee__CircuitFailureRatio'
  'Platforms__Shopee__CircuitMinimumThroughput'
  'Platforms__Shopee__CircuitSamplingDuration'
  'Platforms__Shopee__DisplayChannels__*'
  'Platforms__Shopee__MaxRetries'
  'Platforms__Shopee__MaxRetryDelay'
  'Platforms__Shopee__PageSize'
  'Platforms__Shopee__RetryBaseDelay'
  'Platforms__Shopee__ShopBurst'
  'Platforms__Shopee__ShopQps'
  'Platforms__Shopee__Timeout'

  'Platforms__Shopline__ApiVersion'
  'Platforms__Shopline__AppBurst'
  'Platforms__Shopline__AppQps'
  'Platforms__Shopline__BaseUrl'
  'Platforms__Shopline__CircuitBreakDuration'
  'Platforms__Shopline__CircuitFailureRatio'
  'Platforms__Shopline__CircuitMinimumThroughput'
  'Platforms__Shopline__CircuitSamplingDuration'
  'Platforms__Shopline__DetailConcurrency'
  'Platforms__Shopline__MaxRetries'
  'Platforms__Shopline__MaxRetryDelay'
  'Platforms__Shopline__PageSize'
  'Platforms__Shopline__RetryBaseDelay'
  'Platforms__Shopline__Scopes'
  'Platforms__Shopline__ShopBurst'
  'Platforms__Shopline__ShopQps'
  'Platforms__Shopline__StoreUrlTemplate'
  'Platforms__Shopline__Timeout'

  'Platforms__TikTok__AppBurst'
  'Platforms__TikTok__AppQps'
  'Platforms__TikTok__AuthBaseUrl'
  'Platforms__TikTok__AuthorizePageUrl'
  'Platforms__TikTok__BaseUrl'
  'Platforms__TikTok__CircuitBreakDuration'
  'Platforms__TikTok__CircuitFailureRatio'
  'Platforms__TikTok__CircuitMinimumThroughput'
  'Platforms__TikTok__CircuitSamplingDuration'
  'Platforms__TikTok__DetailConcurrency'
  'Platforms__TikTok__FetchUsageStats'
  'Platforms__TikTok__MaxRetries'
  'Platforms__TikTok__MaxRetryDelay'
  'Platforms__TikTok__PageSize'
  'Platforms__TikTok__RetryBaseDelay'
  'Platforms__TikTok__ShopBurst'
  'Platforms__TikTok__ShopQps'
  'Platforms__TikTok__Timeout'

  'RuleCatalog__CurrencyDecimals__*'
  'RuleCatalog__LossRiskDepthPercent'
  'RuleCatalog__MaxTotalQuantity__*'
  'RuleCatalog__NameMaxLength__*'
  'RuleCatalog__ShopeeMinDiscountDepthPercent'
  'RuleCatalog__ShopeeMinLeadTime'
  'RuleCatalog__ShopeeMinPercentage'
  'RuleCatalog__ShopeeRunningEndDirection'
  'RuleCatalog__SiteDiscountCapPercent__*'
  'RuleCatalog__TikTokMaxPercentage'
  'RuleCatalog__TikTokMinDiscountAmount'
  'RuleCatalog__TikTokMinPercentage'
  'RuleCatalog__TikTokPromoCodeMaxLength'
  'RuleCatalog__TikTokPromoCodeMinLength'
  'RuleCatalog__UnreachableMinSpendMultiple'

  'DeploymentPreview__DeepDiscountPercent'
  'DeploymentPreview__EndsSoonWindow'
  'DeploymentPreview__StartBuffer'

  'Jobs__CanaryTimeout'
  'Jobs__CreateSettleTime'
  'Jobs__MaxBatchesPerWave'
  'Jobs__MaxConcurrentPerPlatform'
  'Jobs__MaxItemsPerBatch'

  'Sync__ArchiveAfter'
  'Sync__DetailRefreshInterval'
  'Sync__Interval'
  'Sync__LeaseDuration'
  'Sync__MinimumGap'
  'Sync__SpreadWindow'
  'Sync__UpcomingDetailRefreshInterval'

  'Tokens__RefreshAhead'

  // Segment sends: ACS quotas per channel (raised limits go here), wave size, recipients per orchestration generation.
  'Sends__Pacing__Email__PerMinute'
  'Sends__Pacing__Email__PerHour'
  'Sends__Pacing__Sms__PerMinute'
  'Sends__Pacing__BatchSize'
  'Sends__Pacing__ChunkSize'

  // The timer schedules below (var timerSchedules) may be overridden too.
  'InspectCouponsSchedule'
  'RefreshTokensSchedule'
  'StartDueSendsSchedule'
  'SyncCouponsSchedule'
]

// ------------------------------------------------------------------ identity, monitoring, storage, Key Vault

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: allTags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: allTags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
    identityPrincipalId: identity.properties.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: allTags
    name: names.storage
    skuName: storageSku
    tableNames: tableNames
    queueNames: queueNames
    containerNames: containerNames
    deploymentContainerName: deploymentContainerName
    identityPrincipalId: identity.properties.principalId
    dataReaderWriterPrincipalIds: storageDataPrincipalIds
    allowStorageSharedKeyAccess: allowStorageSharedKeyAccess
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: allTags
    name: names.keyVault
    enablePurgeProtection: keyVaultPurgeProtection
    identityPrincipalId: identity.properties.principalId
    secretsOfficerPrincipalIds: keyVaultSecretsOfficerPrincipalIds
    secretValues: {
      'security-encryption-key': encryptionKey
      'shopee-partner-key': shopeePartnerKey
      'lazada-app-secret': lazadaAppSecret
      'tiktok-app-secret': tiktokAppSecret
      'shopline-app-secret': shoplineAppSecret
      'admin-auth-client-secret': adminAuthClientSecret
    }
  }
}

module communication 'modules/communication.bicep' = if (enableEmail) {
  name: 'communication'
  params: {
    tags: allTags
    name: names.acs
    emailServiceName: names.emailService
    dataLocation: emailDataLocation
    keyVaultName: keyVault.outputs.name
    connectionStringSecretName: 'acs-connection-string'
  }
}

// ------------------------------------------------------------------ app settings

// Versionless secret URIs: the platform picks up a new secret version within a day (or on restart). Built from the
// vault module's output, so the app (and its Key Vault references) waits for the vault and its Secrets User role.
var kvSecretUriBase = '${keyVault.outputs.uri}secrets/'

var hostAndStorageSettings = {
  // The Functions host's own storage, identity-based with the user-assigned identity: leases, the timers' schedule
  // monitor, keys, and the Durable Functions task hub (its control/work-item queues, history and instance tables,
  // large-message and lease blobs; hub name in host.json extensions.durableTask.hubName). Durable's Azure Storage
  // provider needs all three service URIs (or __accountName) plus __credential/__clientId for a user-assigned identity.
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  // The app's database. The host's queue extension reads the same names for the queue triggers
  // ([QueueTrigger(..., Connection = "CouponStorage")]); the app's Azure SDK clients read the three URIs and clientId.
  // Same account as the host's.
  CouponStorage__blobServiceUri: storage.outputs.blobEndpoint
  CouponStorage__queueServiceUri: storage.outputs.queueEndpoint
  CouponStorage__tableServiceUri: storage.outputs.tableEndpoint
  CouponStorage__credential: 'managedidentity'
  CouponStorage__clientId: identity.properties.clientId
  // Telemetry of the Functions host (and of the worker, whose logs the host forwards), sent with the identity (local
  // auth is off on the component).
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

var appCoreSettings = {
  Security__EncryptionKey: '@Microsoft.KeyVault(SecretUri=${kvSecretUriBase}security-encryption-key/)'
  Auth__KeyCacheSeconds: string(authKeyCacheSeconds)
  // Local-only features stay off in Azure: no local tenant bootstrap, and the platform sandboxes are never reachable.
  Bootstrap__Enabled: 'false'
  Sandbox__Enabled: 'false'
}

var shopeeSettings = empty(shopeePartnerId) ? {} : {
  Platforms__Shopee__PartnerId: shopeePartnerId
  Platforms__Shopee__PartnerKey: '@Microsoft.KeyVault(SecretUri=${kvSecretUriBase}shopee-partner-key/)'
}
var lazadaSettings = empty(lazadaAppKey) ? {} : {
  Platforms__Lazada__AppKey: lazadaAppKey
  Platforms__Lazada__AppSecret: '@Microsoft.KeyVault(SecretUri=${kvSecretUriBase}lazada-app-secret/)'
}
var tiktokSettings = empty(tiktokAppKey) ? {} : {
  Platforms__TikTok__AppKey: tiktokAppKey
  Platforms__TikTok__AppSecret: '@Microsoft.KeyVault(SecretUri=${kvSecretUriBase}tiktok-app-secret/)'
  Platforms__TikTok__ServiceId: tiktokServiceId
}
var shoplineSettings = empty(shoplineAppKey) ? {} : {
  Platforms__Shopline__AppKey: shoplineAppKey
  Platforms__Shopline__AppSecret: '@Microsoft.KeyVault(SecretUri=${kvSecretUriBase}shopline-app-secret/)'
}

var notificationSettings = enableEmail ? {
  Notifications__Sink: 'acs'
  Notifications__Acs__ConnectionString: '@Microsoft.KeyVault(SecretUri=${kvSecretUriBase}acs-connection-string/)'
  Notifications__Acs__SenderAddress: communication.?outputs.senderAddress ?? ''
} : {
  Notifications__Sink: 'outbox'
}

// Customer SMS go through the same ACS resource (its connection string above) when a sender is given.
var smsSettings = enableEmail && !empty(smsSender) ? {
  Notifications__Sms__Sink: 'acs'
  Notifications__Acs__SmsSender: smsSender
} : {
  Notifications__Sms__Sink: 'outbox'
}

var adminAuthSettings = enableAdminAuth ? {
  MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=${kvSecretUriBase}admin-auth-client-secret/)'
} : {}

// The timer functions' schedules (NCRONTAB with seconds, UTC): the host resolves [TimerTrigger("%SyncCouponsSchedule%")]
// from these app settings, and a timer whose setting is missing fails to load. appSettingOverrides may change them.
var timerSchedules = {
  SyncCouponsSchedule: '0 */15 * * * *'
  InspectCouponsSchedule: '0 */5 * * * *'
  RefreshTokensSchedule: '0 */10 * * * *'
  StartDueSendsSchedule: '0 * * * * *'
}

// Overrides are matched against the catalog: exact names, or a collection's entries (two or three name segments
// before the entry, e.g. RuleCatalog__NameMaxLength__* or Platforms__Lazada__Gateways__*).
var overrideItems = map(items(appSettingOverrides), o => {
  key: o.key
  value: string(o.value)
  family2: '${first(split(o.key, '__'))}__${last(take(split(o.key, '__'), 2))}__*'
  family3: '${first(split(o.key, '__'))}__${last(take(split(o.key, '__'), 2))}__${last(take(split(o.key, '__'), 3))}__*'
})
var acceptedOverrides = filter(overrideItems, o => contains(tunableAppSettings, o.key) || contains(tunableAppSettings, o.family2) || contains(tunableAppSettings, o.family3))
var ignoredOverrides = filter(overrideItems, o => !(contains(tunableAppSettings, o.key) || contains(tunableAppSettings, o.family2) || contains(tunableAppSettings, o.family3)))
var overrideSettings = toObject(acceptedOverrides, o => o.key, o => o.value)

// Later objects win: the overrides can replace the timer schedules, never the identity, storage or Key Vault settings.
var appSettings = union(timerSchedules, overrideSettings, hostAndStorageSettings, appCoreSettings, shopeeSettings, lazadaSettings, tiktokSettings, shoplineSettings, notificationSettings, smsSettings, adminAuthSettings)

// ------------------------------------------------------------------ the Function App

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: allTags
    name: names.functionApp
    planName: names.plan
    identityId: identity.id
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: appSettings
    adminPublicUrl: adminPublicUrl
    enableAdminAuth: enableAdminAuth
    adminAuthClientId: adminAuthClientId
    adminAuthTenantId: adminAuthTenantId
    adminAuthExcludedPaths: concat(apiExcludedPaths, adminAuthExtraExcludedPaths)
    adminAuthAllowedGroupIds: adminAuthAllowedGroupIds
  }
  // No dependsOn: the role assignments (storage data roles, Key Vault Secrets User, metrics publisher) come before the
  // app through the module outputs its settings use (storage endpoints, the vault URI, the telemetry connection string).
}

// ------------------------------------------------------------------ outputs

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output adminUrl string = functionApp.outputs.adminUrl
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api/'
output storageAccountName string = storage.outputs.name
output deploymentContainer string = '${storage.outputs.blobEndpoint}${deploymentContainerName}'
output keyVaultName string = keyVault.outputs.name
output identityClientId string = identity.properties.clientId
output identityPrincipalId string = identity.properties.principalId
output appInsightsName string = monitoring.outputs.appInsightsName
output emailSenderAddress string = communication.?outputs.senderAddress ?? ''
output ignoredAppSettingOverrides array = map(ignoredOverrides, o => o.key)
