// Log Analytics workspace + workspace-based Application Insights.

param location string
param namePrefix string
param tags object

@description('Days the logs are kept (also the retention of request telemetry).')
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // No IP addresses of employees in telemetry.
    DisableIpMasking: false
  }
}

output workspaceId string = workspace.id
output connectionString string = insights.properties.ConnectionString
