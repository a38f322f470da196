// Key Vault in RBAC mode for the app's secrets (the encryption key of platform tokens at rest, the platforms' app
// secrets, the ACS connection string, the sign-in secret of the admin page). App settings reference them with
// @Microsoft.KeyVault(SecretUri=...), resolved by the platform with the user-assigned identity (Key Vault Secrets User).
//
// A secret is written here only when its value is passed to the deployment; otherwise the deployment leaves the
// vault's current value alone, so secrets set with `az keyvault secret set` survive redeployments.

param location string
param tags object
param name string
@description('Turn on purge protection (cannot be turned off again). Recommended for production: losing the encryption key loses every stored platform token.')
param enablePurgeProtection bool
@description('Principal id of the app\'s user-assigned identity.')
param identityPrincipalId string
@description('Principals (people, groups, pipelines) that set secrets: they get Key Vault Secrets Officer.')
param secretsOfficerPrincipalIds array = []
@description('Secret name -> value; empty values are skipped.')
@secure()
param secretValues object = {}

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var secretsToWrite = filter(items(secretValues), s => !empty(s.value))

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // null leaves the property unset: sending false to a vault that has it on fails the deployment.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in secretsToWrite: {
  parent: vault
  name: secret.key
  properties: {
    value: secret.value
  }
}]

resource identitySecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identityPrincipalId, secretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource officers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in secretsOfficerPrincipalIds: {
  scope: vault
  name: guid(vault.id, principalId, secretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
    principalId: principalId
  }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
