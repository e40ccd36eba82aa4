// Azure Bot resource with the Microsoft Teams channel.

param name string
param tags object

@description('Host name of the web app; the messaging endpoint is https://<host>/api/messages.')
param hostName string

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string

@description('Client id the bot signs in with: the app registration, or the managed identity for UserAssignedMSI.')
param appId string

@description('Resource id of the managed identity (used only with UserAssignedMSI).')
param identityId string

@allowed([
  'F0'
  'S1'
])
param sku string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: 'Digitallotse'
    description: 'Verbindet Beschäftigte mit ihrer Digitallotsin oder ihrem Digitallotsen.'
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
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

output endpoint string = bot.properties.endpoint
