// Digitallotse on Azure: App Service (Linux, Node 20) + Azure Bot (Teams channel)
// + Cosmos DB for NoSQL (serverless) + Application Insights + Key Vault, all reached with
// one user-assigned managed identity. Deploy into an existing resource group:
//
//   az deployment group create -g <gruppe> -f deployment/azure/main.bicep \
//     -p @deployment/azure/main.parameters.json -p botAppPassword="$BOT_SECRET"
//
// Step-by-step instructions: deployment/ADMIN.md.

targetScope = 'resourceGroup'

@description('Azure region for everything except the bot (which is global).')
param location string = resourceGroup().location

@description('Prefix of all resource names (lower case letters, digits, hyphens).')
@minLength(3)
@maxLength(16)
param namePrefix string = 'digitallotse'

@description('Tags on every resource.')
param tags object = {}

@description('How the bot signs in to the Bot Framework: its own app registration with a client secret, or the managed identity (no secret).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('Application (client) id of the bot app registration; required for SingleTenant.')
param botAppId string = ''

@description('Client secret of the bot app registration (SingleTenant); stored in Key Vault.')
@secure()
param botAppPassword string = ''

@description('How the app signs in to Microsoft Graph: the managed identity, or an app registration with a client secret.')
@allowed([
  'managedIdentity'
  'clientSecret'
])
param graphAuth string = 'managedIdentity'

@description('Application (client) id for Graph when graphAuth is clientSecret (may be the bot app registration).')
param graphClientId string = ''

@description('Client secret for Graph (graphAuth clientSecret); stored in Key Vault.')
@secure()
param graphClientSecret string = ''

@description('Comma-separated tenant ids allowed to use the bot; empty: this deployment\'s tenant.')
param allowedTenantIds string = ''

@description('Object id of the Entra group "Digitallotsen".')
param lotsenGroupId string

@description('Object id of the Entra group "Digitallotsen Zentrale" (fallback team).')
param centralGroupId string

@description('Object id of the Entra group of course organisers.')
param organisersGroupId string

@description('Object id of the Entra group of bot administrators.')
param adminsGroupId string

@description('App Service plan SKU (B1 is enough for one city; P0v3 or higher for several instances).')
param appServiceSku string = 'B1'

@description('Number of app instances (the app is safe to run on several at once).')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot SKU; Teams is a standard channel, so F0 carries no message limit.')
param botSku string = 'F0'

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'digitallotse'

@description('Sender address in the calendar files (.ics) of course registrations, e.g. digitallotse@stadt.example.')
param courseCalendarEmail string

@description('Containers the app uses. The managed identity cannot create containers, so a new one must be listed here before a release that uses it.')
param cosmosContainers array = [
  'audit'
  'broadcast-reads'
  'broadcast-workers'
  'broadcasts'
  'calendar-tokens'
  'course-cards'
  'course-downloads'
  'courses'
  'deliveries'
  'delivery-batches'
  'downloads'
  'faq-proposals'
  'feedback'
  'jobs'
  'knowledge'
  'knowledge-gaps'
  'knowledge-meta'
  'lotse-absences'
  'privacy-exports'
  'questions'
  'tickets'
  'users'
]

@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
@description('Point-in-time restore window of Cosmos DB.')
param cosmosBackupTier string = 'Continuous7Days'

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@description('Audience (application ID URI or client id) of the Entra tokens that may call POST /api/announcements; empty: the announcements API is off.')
param announcementsApiAudience string = ''

@description('Days unanswered questions are kept for the knowledge-base gap report.')
param gapsRetentionDays int = 90

@description('Id of the Digitallotse app in the tenant app catalog (GET /appCatalogs/teamsApps?$filter=externalId eq \'<manifest id>\'); set: the bot installs the app for lotsen without it (needs TeamsAppInstallation.ReadWriteForUser.All).')
param teamsAppCatalogId string = ''

var suffix = uniqueString(resourceGroup().id, namePrefix)
var botUsesIdentity = botAppType == 'UserAssignedMSI'
var graphUsesIdentity = graphAuth == 'managedIdentity'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    name: 'kv-${take(namePrefix, 8)}-${take(suffix, 10)}'
    tags: tags
    readerPrincipalId: identity.properties.principalId
    botAppPassword: botUsesIdentity ? '' : botAppPassword
    graphClientSecret: graphUsesIdentity ? '' : graphClientSecret
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    name: '${namePrefix}-${suffix}'
    tags: tags
    databaseName: cosmosDatabaseName
    containerNames: cosmosContainers
    backupTier: cosmosBackupTier
    dataPrincipalId: identity.properties.principalId
  }
}

// Everything the app reads from its environment (services/config.ts); see ADMIN.md.
var appSettings = {
  NODE_ENV: 'production'
  LOG_LEVEL: logLevel
  MAX_BODY_BYTES: '262144'
  // The default host name of the site below; behind a custom domain, set that instead.
  PUBLIC_BASE_URL: 'https://${namePrefix}-${suffix}.azurewebsites.net'

  MicrosoftAppType: botAppType
  MicrosoftAppId: botUsesIdentity ? identity.properties.clientId : botAppId
  MicrosoftAppPassword: botUsesIdentity ? '' : keyVault.outputs.botAppPasswordReference
  MicrosoftAppTenantId: tenant().tenantId
  ALLOWED_TENANT_IDS: empty(allowedTenantIds) ? tenant().tenantId : allowedTenantIds

  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmosDatabaseName
  COSMOS_USE_MANAGED_IDENTITY: 'true'
  // Which identity @azure/identity uses when the app has only a user-assigned one.
  AZURE_CLIENT_ID: identity.properties.clientId

  GRAPH_TENANT_ID: tenant().tenantId
  GRAPH_USE_MANAGED_IDENTITY: graphUsesIdentity ? 'true' : 'false'
  GRAPH_CLIENT_ID: graphUsesIdentity ? identity.properties.clientId : graphClientId
  GRAPH_CLIENT_SECRET: graphUsesIdentity ? '' : keyVault.outputs.graphClientSecretReference
  LOTSEN_GROUP_ID: lotsenGroupId
  CENTRAL_GROUP_ID: centralGroupId
  ORGANISERS_GROUP_ID: organisersGroupId
  ADMINS_GROUP_ID: adminsGroupId

  KB_ANSWER_THRESHOLD: '0.6'
  KB_SUGGEST_THRESHOLD: '0.25'
  GAPS_RETENTION_DAYS: string(gapsRetentionDays)
  TICKETS_RETENTION_DAYS: '180'
  DELIVERIES_RETENTION_DAYS: '30'
  USER_MESSAGES_PER_MINUTE: '20'

  ESCALATION_WORKING_HOURS: '4'
  REMINDER_WORKING_DAYS: '2'
  SCHEDULER_INTERVAL_MS: '5000'
  TEAMS_APP_AUTO_INSTALL: empty(teamsAppCatalogId) ? 'false' : 'true'
  TEAMS_APP_CATALOG_ID: teamsAppCatalogId

  // Teams allows 50 requests per second per app and tenant; every instance shares that budget.
  BROADCAST_REQUESTS_PER_SECOND: '50'
  BROADCAST_APPROVAL_THRESHOLD: '500'
  BROADCAST_WORKER: 'true'
  ANNOUNCEMENTS_API_AUDIENCE: announcementsApiAudience
  ANNOUNCEMENTS_API_TENANT_ID: tenant().tenantId

  COURSE_REMINDERS: 'P7D,P1D,PT1H'
  COURSE_REMINDERS_ON_WEEKENDS: 'false'
  COURSE_CALENDAR_EMAIL: courseCalendarEmail

  // The app exports its own, redacted telemetry (bot/telemetry); App Service's agent
  // (ApplicationInsightsAgent_EXTENSION_VERSION) stays off, it would send an unredacted copy.
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  // The cloud role name in Application Insights (the application map, filters).
  OTEL_SERVICE_NAME: 'digitallotse'

  // Oryx builds the uploaded source; NODE_ENV=production would drop the devDependencies
  // that `npm run build` (tsc) needs, hence the explicit install, build and prune.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  CUSTOM_BUILD_COMMAND: 'npm ci --include=dev --no-audit --no-fund && npm run build && npm prune --omit=dev'
}

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    location: location
    namePrefix: namePrefix
    siteName: '${namePrefix}-${suffix}'
    tags: tags
    identityId: identity.id
    appSettings: appSettings
    skuName: appServiceSku
    instanceCount: instanceCount
    workspaceId: monitoring.outputs.workspaceId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${suffix}'
    tags: tags
    hostName: app.outputs.hostName
    appType: botAppType
    appId: botUsesIdentity ? identity.properties.clientId : botAppId
    identityId: identity.id
    sku: botSku
  }
}

@description('BOT_DOMAIN for `npm run package`.')
output botDomain string = app.outputs.hostName

@description('MicrosoftAppId for `npm run package` (the bot id in the Teams manifest).')
output microsoftAppId string = botUsesIdentity ? identity.properties.clientId : botAppId

output webAppName string = app.outputs.name
output messagingEndpoint string = bot.outputs.endpoint
output keyVaultName string = keyVault.outputs.name
output cosmosEndpoint string = cosmos.outputs.endpoint

@description('Grant the Graph application permissions to this service principal (graphAuth managedIdentity).')
output managedIdentityPrincipalId string = identity.properties.principalId

output managedIdentityClientId string = identity.properties.clientId
