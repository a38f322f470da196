// The app's database, the Functions host's storage and the Durable Functions task hub in one account: Table Storage
// (state), Queue Storage (fan-out work, with the <queue>-poison queue of each), Blob Storage (outbox, read model,
// reports) and the container Flex Consumption deploys the package from. The task hub's queues, tables and containers
// are created by the Durable extension at start, not here. Shared keys are off: everything, the app, the host and
// Durable alike, uses the user-assigned identity with the data roles below.

param location string
param tags object
param name string
param skuName string
param tableNames array
param queueNames array
param containerNames array
param deploymentContainerName string
@description('Principal id of the app\'s user-assigned identity.')
param identityPrincipalId string
@description('Principals (people, groups, pipelines) that may read and write the data with Entra ID, e.g. for Storage Explorer.')
param dataReaderWriterPrincipalIds array = []
@description('Shared Key access for the account; false keeps every caller on Entra ID.')
param allowStorageSharedKeyAccess bool = false

var roles = {
  // host: leases, timers' schedule monitor, deployment package; Durable: hub leases, large messages; app: blobs
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // host: queue triggers and poison queues; Durable: control and work-item queues; app: enqueue
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Durable: history and instance tables; app: all state
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Lets the identity get a user delegation key for read-only report links (BlobContainerClient user delegation SAS).
  // Blob Data Owner already carries that action; the explicit role keeps links working if Owner is ever narrowed.
  blobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
}

// Every queue the code uses, and the poison queue the Functions host (and the local host) moves failed messages to.
var allQueues = concat(queueNames, map(queueNames, q => '${q}-poison'))
var allContainers = union(containerNames, [deploymentContainerName])

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowStorageSharedKeyAccess
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in allContainers: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in allQueues: {
  parent: queueService
  name: queue
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource identityRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  scope: account
  name: guid(account.id, identityPrincipalId, role.value)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

// People or pipelines that need the data: blob, queue and table data roles (not the delegator), one assignment per
// principal and role (index arithmetic rather than nested lambdas).
var peopleRoles = [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]

resource peopleRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for i in range(0, length(dataReaderWriterPrincipalIds) * length(peopleRoles)): {
  scope: account
  name: guid(account.id, dataReaderWriterPrincipalIds[i / length(peopleRoles)], peopleRoles[i % length(peopleRoles)])
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', peopleRoles[i % length(peopleRoles)])
    principalId: dataReaderWriterPrincipalIds[i / length(peopleRoles)]
  }
}]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
