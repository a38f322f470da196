// The Function App on Flex Consumption (Linux) running the .NET isolated worker: the Functions host reads host.json
// and the worker's functions.metadata (generated from the [Function] attributes) from the deployed package and starts
// the worker (framework-dependent, on the platform's .NET 10 runtime). The only identity is the user-assigned one: host
// storage and the Durable task hub, the package container, Key Vault references and Application Insights all use it.

param location string
param tags object
param name string
param planName string
@description('Resource id of the user-assigned identity.')
param identityId string
@description('Blob endpoint of the storage account (https://<account>.blob.core.windows.net/).')
param storageBlobEndpoint string
@description('Container Flex Consumption deploys the package from.')
param deploymentContainerName string
param maximumInstanceCount int
param instanceMemoryMB int
@description('App settings: name -> value (Key Vault references, no secrets).')
param appSettings object
@description('Public base URL of the admin page for links in alerts and digests; empty = https://<default host name>/api/admin/.')
param adminPublicUrl string = ''
@description('Turn off basic (user/password) publishing credentials for SCM and FTP; deployments then use Entra ID.')
param disableBasicPublishingCredentials bool = true

@description('App Service Authentication (Entra ID) in front of the admin page; see infra/README.md.')
param enableAdminAuth bool = false
param adminAuthClientId string = ''
param adminAuthTenantId string = ''
@description('Paths App Service Authentication lets through without sign-in (the HTTP API, guarded by its API keys).')
param adminAuthExcludedPaths array = []
@description('Entra group object ids allowed to sign in; empty = any account the app registration admits.')
param adminAuthAllowedGroupIds array = []

// The NAME of the app setting that holds the app registration's client secret (main.bicep sets it to a Key Vault
// reference); a name, not a secret, so a variable rather than a parameter.
var adminAuthClientSecretSettingName = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
// The stack: the isolated worker on .NET 10 (the app's TargetFramework net10.0; validate.py checks they agree).
var functionsRuntime = {
  name: 'dotnet-isolated'
  version: '10.0'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (there is no system-assigned one).
    keyVaultReferenceIdentity: identityId
    // Flex keeps the runtime here, not in FUNCTIONS_WORKER_RUNTIME / linuxFxVersion (Flex rejects both).
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: functionsRuntime
    }
  }
}

// All app settings in one resource (it replaces the whole set), once the site's host name is known.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, {
    Admin__PublicUrl: empty(adminPublicUrl) ? 'https://${site.properties.defaultHostName}/api/admin/' : adminPublicUrl
  })
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = if (disableBasicPublishingCredentials) {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = if (disableBasicPublishingCredentials) {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// App Service Authentication: every path needs an Entra ID sign-in (browsers are redirected to it) except the
// excluded API paths, which reach the app unauthenticated and are guarded there by the operator API keys. The admin
// page is served by an HTTP function under /api/admin/ (the host reserves /admin), so it is NOT excluded.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (enableAdminAuth) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: adminAuthExcludedPaths
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${adminAuthTenantId}/v2.0'
          clientId: adminAuthClientId
          clientSecretSettingName: adminAuthClientSecretSettingName
        }
        validation: {
          allowedAudiences: [
            adminAuthClientId
            'api://${adminAuthClientId}'
          ]
          defaultAuthorizationPolicy: empty(adminAuthAllowedGroupIds) ? null : {
            allowedPrincipals: {
              groups: adminAuthAllowedGroupIds
            }
          }
        }
      }
    }
    login: {
      // The session cookie is enough for the admin page; the token store would need a blob SAS on Flex.
      tokenStore: {
        enabled: false
      }
    }
  }
  dependsOn: [
    settings // the client secret setting must exist first
  ]
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output adminUrl string = empty(adminPublicUrl) ? 'https://${site.properties.defaultHostName}/api/admin/' : adminPublicUrl
