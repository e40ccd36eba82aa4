// Key Vault for the bot's secrets (app password, Graph client secret). The app reads them
// through Key Vault references with its user-assigned identity ("Key Vault Secrets User").

param location string
param name string
param tags object

@description('Principal id of the managed identity that reads the secrets.')
param readerPrincipalId string

@description('Client secret of the bot app registration; empty: not stored (UserAssignedMSI, or set later).')
@secure()
param botAppPassword string

@description('Client secret for Microsoft Graph; empty: not stored (managed identity, or set later).')
@secure()
param graphClientSecret string

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var botAppPasswordName = 'bot-app-password'
var graphClientSecretName = 'graph-client-secret'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: botAppPasswordName
  properties: {
    value: botAppPassword
  }
}

resource graphClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphClientSecret)) {
  parent: vault
  name: graphClientSecretName
  properties: {
    value: graphClientSecret
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output botAppPasswordReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${botAppPasswordName})'
output graphClientSecretReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${graphClientSecretName})'
