// Polku in Azure: one Linux Web App serves the bot endpoint (/api/messages),
// the tab's REST API and the built tab (/tab/). State lives in Azure Tables.
// The server authenticates everywhere as one user-assigned managed identity:
// to the Bot Framework (msaAppType UserAssignedMSI), to Storage (RBAC, shared
// keys disabled) and to Key Vault (RBAC). The only secret is the Graph client
// secret, which sits in Key Vault and reaches the app as a Key Vault reference.
//
// Deployed by `teamsapp provision` (arm/deploy) with azure.parameters.json,
// or by hand: az deployment group create -g <rg> -f infra/azure.bicep -p ...
// Outputs are written back to env/.env.<env> by the toolkit.

@minLength(4)
@maxLength(20)
@description('Lowercase letters and digits; every resource name is derived from it.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. Always On needs Basic (B1) or above.')
param webAppSku string = 'B1'

@description('Linux runtime stack for the Web App.')
param linuxFxVersion string = 'NODE|20-lts'

@maxLength(42)
param botDisplayName string

@description('Client id of the Entra app used for tab SSO and for Graph (Calendars.ReadWrite).')
param aadAppClientId string

@description('Tenant of that Entra app; Graph calls are made in this tenant.')
param aadAppTenantId string

@secure()
@description('Client secret of that Entra app, stored in Key Vault; never an app setting in clear.')
param graphClientSecret string

@description('Keep deleted secrets recoverable for 90 days and forbid purging. Cannot be turned off once on.')
param keyVaultPurgeProtection bool = true

@description('Days of logs kept in Log Analytics.')
param logRetentionDays int = 30

var identityName = '${resourceBaseName}-id'
var planName = '${resourceBaseName}-plan'
var webAppName = resourceBaseName
var botServiceName = resourceBaseName
var storageName = take('st${resourceBaseName}', 24)
var keyVaultName = take('kv-${resourceBaseName}', 24)
var logsName = '${resourceBaseName}-logs'
var insightsName = '${resourceBaseName}-insights'

// Built-in role definition ids (the same in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

// ---------------------------------------------------------------- storage --

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Entra ID only: no account keys, no SAS signed with them.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
  }
}

resource tableDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// -------------------------------------------------------------- key vault --

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The property may only be omitted or true; false is rejected by Azure.
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
  }
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'graph-client-secret'
  properties: {
    value: graphClientSecret
    contentType: 'Entra app client secret for Microsoft Graph (Calendars.ReadWrite)'
  }
}

resource secretsUserRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ------------------------------------------------------------- monitoring --

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------- web app --

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // required for Linux plans
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve as the user-assigned identity, not a system one.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'node dist/bot/src/index.js'
      alwaysOn: true // the nudge scheduler runs in-process
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      healthCheckPath: '/healthz'
    }
  }
}

var appDomain = webApp.properties.defaultHostName
var aadAppIdUri = 'api://${appDomain}/${aadAppClientId}'

// App settings are a child resource so they can use the Web App's own host
// name (for AAD_APP_ID_URI) without a dependency cycle.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    POLKU_MODE: 'azure'
    NODE_ENV: 'production'
    // The deployment zip carries dist/ and production node_modules: no build on the server.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    MICROSOFT_APP_ID: identity.properties.clientId
    MICROSOFT_APP_TENANT_ID: identity.properties.tenantId
    MICROSOFT_APP_TYPE: 'UserAssignedMSI'
    // @azure/identity picks the user-assigned identity by this client id (Tables).
    AZURE_CLIENT_ID: identity.properties.clientId
    TABLES_ENDPOINT: storage.properties.primaryEndpoints.table
    GRAPH_TENANT_ID: aadAppTenantId
    GRAPH_CLIENT_ID: aadAppClientId
    GRAPH_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${graphSecret.properties.secretUri})'
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_ID_URI: aadAppIdUri
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  }
  // The identity must be able to read the secret and the tables before the app starts using them.
  dependsOn: [
    secretsUserRole
    tableDataRole
  ]
}

// -------------------------------------------------------------------- bot --

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // Teams is a standard channel: free
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${appDomain}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to env/.env.<env> by the toolkit; they fill the manifest's placeholders.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = appDomain
output TAB_ENDPOINT string = 'https://${appDomain}'
output AAD_APP_ID_URI string = aadAppIdUri
output KEY_VAULT_NAME string = vault.name
output STORAGE_ACCOUNT_NAME string = storage.name
