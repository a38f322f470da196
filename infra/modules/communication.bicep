// Azure Communication Services with an Email service on an Azure-managed domain (no DNS work; low send limits,
// see azure.md §5: 5/min, 10/hour). For real volumes add a custom domain to the email service and link it instead.
//
// The app signs ACS REST calls with HMAC (AcsEmailClient), so it needs the endpoint and access key: the connection
// string "endpoint=https://<acs>.communication.azure.com/;accesskey=..." goes straight into Key Vault from here and
// the app setting references it. Nothing secret leaves the deployment as an output.

param tags object
param name string
param emailServiceName string
@description('Where ACS keeps its data at rest, e.g. Asia Pacific, Europe, United States.')
param dataLocation string
param keyVaultName string
param connectionStringSecretName string

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource acs 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: connectionStringSecretName
  properties: {
    value: acs.listKeys().primaryConnectionString
    contentType: 'ACS connection string (endpoint and access key)'
  }
}

// The Azure-managed domain comes with the DoNotReply sender.
output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
output endpoint string = 'https://${acs.properties.hostName}'
output name string = acs.name
